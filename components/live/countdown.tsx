"use client";
// The big presentation countdown. What it shows is computed from the server's
// state and this device's estimate of the server's clock, never by counting
// ticks, so every screen shows the same time and a throttled tab is right
// again the moment it is shown.
import { useEffect, useRef, useState } from "react";
import { useTranslations } from "next-intl";
import { formatTimer, progress, remainingAt, timerTone, type TimerState } from "@/lib/stage/rules";

const toneClass = {
  normal: "text-white",
  warning: "text-amber-200",
  overrun: "text-red-400",
} as const;

const barClass = { normal: "bg-emerald-400", warning: "bg-amber-300", overrun: "bg-red-500" } as const;

type Props = {
  timer: TimerState;
  offsetMs: number;
  className?: string;
  /** called once when the countdown reaches 0:00 while running */
  onTimeUp?: () => void;
  showBar?: boolean;
};

export function StageCountdown({ timer, offsetMs, className = "", onTimeUp, showBar = true }: Props) {
  const t = useTranslations("countdown");
  const [now, setNow] = useState(() => Date.now());
  const wasPositive = useRef(true);

  useEffect(() => {
    if (timer.status !== "RUNNING") return;
    // Rendering is re-done only when what is shown changes (once a second), checked
    // 20 times a second: a render per animation frame kept a quarter of a phone's
    // core busy for a number that changes once a second.
    let shown = "";
    const tick = () => {
      const at = Date.now();
      const next = formatTimer(Math.round(remainingAt(timer, at + offsetMs)));
      if (next === shown) return;
      shown = next;
      setNow(at);
    };
    tick();
    const id = setInterval(tick, 50);
    return () => clearInterval(id);
  }, [timer, offsetMs]);

  const remaining = Math.round(remainingAt(timer, now + offsetMs));
  const tone = timerTone(remaining);

  useEffect(() => {
    if (timer.status === "RUNNING" && wasPositive.current && remaining <= 0) onTimeUp?.();
    wasPositive.current = remaining > 0;
  }, [remaining, timer.status, onTimeUp]);

  return (
    <div className={className}>
      <p
        role="timer"
        aria-label={t("timerLabel", { paused: timer.status === "PAUSED" ? "yes" : "no", overrun: remaining < 0 ? "yes" : "no", time: formatTimer(remaining) })}
        data-testid="countdown"
        data-remaining-ms={remaining}
        // the instant (this device's clock) the value is for: screens compare the end they show, whenever each is read
        data-at={now}
        data-status={timer.status}
        className={`font-mono font-bold tabular-nums leading-none ${toneClass[tone]} ${timer.status === "PAUSED" ? "animate-pulse" : ""}`}
        suppressHydrationWarning
      >
        {formatTimer(remaining)}
      </p>
      {showBar && (
        <div className="mt-4 h-3 w-full overflow-hidden rounded-full bg-white/15" aria-hidden="true">
          <div className={`h-full ${barClass[tone]}`} style={{ width: `${progress(timer, now + offsetMs) * 100}%` }} />
        </div>
      )}
    </div>
  );
}
