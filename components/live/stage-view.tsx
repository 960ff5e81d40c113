"use client";
// The stage as everyone sees it: the projector (full-screen, dark, legible
// from the back of the room), a presenter's laptop, anyone's phone.
import { useCallback, useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import type { StageSnapshot } from "@/lib/stage/queries";
import type { VoteSnapshot } from "@/lib/votes/queries";
import { StageCountdown } from "./countdown";
import { useLiveStage } from "./use-live-stage";
import { useServerClock } from "./use-server-clock";
import { VoteClosedScreen, VoteOpenScreen } from "./vote-screens";

type Props = {
  editionSlug: string;
  editionLabel: string;
  initial: StageSnapshot;
  initialVote: VoteSnapshot;
  /** the phones' voting page, for the QR code and the link */
  voteUrl: string;
  qrSvg?: string;
  projector?: boolean;
};

/** Keeps the screen on while the projector view is open (Wake Lock API), and again after the tab comes back. */
function useWakeLock(enabled: boolean) {
  useEffect(() => {
    if (!enabled || !("wakeLock" in navigator)) return;
    let lock: WakeLockSentinel | null = null;
    const request = async () => {
      try {
        lock = await navigator.wakeLock.request("screen");
      } catch {
        // refused (battery saver, not visible): the projector simply may dim
      }
    };
    const onVisible = () => document.visibilityState === "visible" && void request();
    void request();
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      document.removeEventListener("visibilitychange", onVisible);
      void lock?.release().catch(() => {});
    };
  }, [enabled]);
}

/** A short beep at 0:00, generated (no audio file to load), when the organizer enabled sound. */
function beep() {
  const AudioContext = window.AudioContext ?? (window as unknown as { webkitAudioContext?: typeof window.AudioContext }).webkitAudioContext;
  if (!AudioContext) return;
  const ctx = new AudioContext();
  const osc = ctx.createOscillator();
  const gain = ctx.createGain();
  osc.frequency.value = 880;
  gain.gain.setValueAtTime(0.3, ctx.currentTime);
  gain.gain.exponentialRampToValueAtTime(0.001, ctx.currentTime + 0.6);
  osc.connect(gain).connect(ctx.destination);
  osc.start();
  osc.stop(ctx.currentTime + 0.6);
}

export function StageView({ editionSlug, editionLabel, initial, initialVote, voteUrl, qrSvg, projector = false }: Props) {
  const t = useTranslations("live");
  const clock = useServerClock();
  const onReconnect = useCallback(() => void clock.resync(), [clock]);
  const { snapshot, connection, vote } = useLiveStage(editionSlug, initial, onReconnect, initialVote);
  const [sound, setSound] = useState(false);
  const soundRef = useRef(sound);
  useEffect(() => {
    soundRef.current = sound;
  }, [sound]);
  useWakeLock(projector);
  const onTimeUp = useCallback(() => soundRef.current && beep(), []);

  const { current, next, order, position } = snapshot;
  return (
    <div
      className={
        projector ? "fixed inset-0 z-50 flex flex-col overflow-auto bg-slate-950 p-[3vw] text-white" : "rounded-2xl bg-slate-950 p-5 text-white sm:p-8"
      }
      tabIndex={projector ? 0 : undefined}
    >
      <div className="flex flex-wrap items-center justify-between gap-3 text-slate-300">
        <p className={projector ? "text-[2vw] font-semibold" : "text-sm font-semibold"}>
          {editionLabel} ·{" "}
          {t("section", {
            section: vote?.status === "OPEN" ? "vote" : vote?.status === "CLOSED" ? "results" : "presentations",
            hasPosition: position ? "yes" : "no",
            position: position ?? 0,
            total: order.length,
          })}
        </p>
        <p className="flex items-center gap-3 text-sm" aria-live="polite">
          <span className={connection === "live" ? "text-emerald-300" : "text-amber-200"}>
            {connection === "live" ? t("connection.live") : connection === "connecting" ? t("connection.connecting") : t("connection.reconnecting")}
          </span>
          {projector && (
            <>
              <button
                type="button"
                onClick={() => setSound((s) => !s)}
                aria-pressed={sound}
                className="rounded px-2 py-1 ring-1 ring-slate-600 hover:bg-slate-800"
              >
                {sound ? t("soundOn") : t("soundOff")}
              </button>
              <button
                type="button"
                onClick={() => void document.documentElement.requestFullscreen?.().catch(() => {})}
                className="rounded px-2 py-1 ring-1 ring-slate-600 hover:bg-slate-800"
              >
                {t("fullScreen")}
              </button>
            </>
          )}
        </p>
      </div>

      {vote?.status === "OPEN" ? (
        <div className={projector ? "flex flex-1" : "mt-6"}>
          <VoteOpenScreen vote={vote} voteUrl={voteUrl} qrSvg={qrSvg} projector={projector} />
        </div>
      ) : vote?.status === "CLOSED" ? (
        <div className={projector ? "flex flex-1 items-center" : "mt-6"}>
          <VoteClosedScreen vote={vote} projector={projector} />
        </div>
      ) : (
        <>
          <div className={projector ? "flex flex-1 flex-col justify-center" : "mt-4"}>
            {current ? (
              <>
                <h1 className={projector ? "text-[6vw] font-bold leading-tight" : "text-3xl font-bold"} data-testid="current-team">
                  {current.name}
                </h1>
                {current.topic && <p className={projector ? "mt-2 text-[2.6vw] text-slate-300" : "mt-1 text-lg text-slate-300"}>{current.topic}</p>}
                {projector && current.members.length > 0 && <p className="mt-2 text-[1.8vw] text-slate-400">{current.members.join(" · ")}</p>}
              </>
            ) : (
              <h1 className={projector ? "text-[5vw] font-bold" : "text-2xl font-bold"} data-testid="current-team">
                {t("startSoon")}
              </h1>
            )}
            <StageCountdown
              timer={snapshot.timer}
              offsetMs={clock.offsetMs}
              onTimeUp={onTimeUp}
              className={projector ? "mt-[3vw] [&_[role=timer]]:text-[22vw]" : "mt-6 [&_[role=timer]]:text-7xl sm:[&_[role=timer]]:text-8xl"}
            />
          </div>

          <p className={projector ? "mt-[2vw] text-[2.2vw] text-slate-300" : "mt-4 text-slate-300"} data-testid="next-team">
            {next
              ? t.rich("next", { name: next.name, team: (chunks) => <span className="font-semibold text-white">{chunks}</span> })
              : current
                ? t("lastPresentation")
                : null}
          </p>
        </>
      )}
    </div>
  );
}
