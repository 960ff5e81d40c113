"use client";
// The organizer's stage control: the timer, the commands with their keyboard
// shortcuts, the running order (drag and drop, or buttons for keyboards), the
// slot length and the projector's link.
import { useCallback, useEffect, useState, useSyncExternalStore, type DragEvent } from "react";
import { useTranslations } from "next-intl";
import type { StageSnapshot, StageTeam } from "@/lib/stage/queries";
import { fetchJson } from "@/components/fetch-json";
import { Alert, buttonClass } from "@/components/ui";
import { StageCountdown } from "./countdown";
import { useLiveStage } from "./use-live-stage";
import { useServerClock } from "./use-server-clock";

type Props = {
  editionSlug: string;
  initial: StageSnapshot;
  displayPath: string;
  slotSeconds: number;
  changeoverSeconds: number;
};

type Command = "start" | "pause" | "resume" | "reset" | "add30" | "next" | "previous";

const noSubscription = () => () => {};

/** Keys that belong to the focused element: typing in a field, or Space/Enter pressing a focused button. */
const ownedByFocus = (event: KeyboardEvent) => {
  const target = event.target;
  if (!(target instanceof HTMLElement)) return false;
  if (["INPUT", "TEXTAREA", "SELECT"].includes(target.tagName) || target.isContentEditable) return true;
  return ["BUTTON", "A"].includes(target.tagName) && (event.key === " " || event.key === "Enter");
};

export function StageControl({ editionSlug, initial, displayPath, slotSeconds, changeoverSeconds }: Props) {
  const t = useTranslations("stage");
  const clock = useServerClock();
  const onReconnect = useCallback(() => void clock.resync(), [clock]);
  const { snapshot, connection, setSnapshot } = useLiveStage(editionSlug, initial, onReconnect);
  const [error, setError] = useState<string | null>(null);
  // a reordering shows at once; the server's order takes over when it answers
  const [pendingOrder, setPendingOrder] = useState<StageTeam[] | null>(null);
  const order = pendingOrder ?? snapshot.order;
  const [dragged, setDragged] = useState<string | null>(null);
  const origin = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => "",
  );
  const [currentDisplayPath, setDisplayPath] = useState(displayPath);
  const displayUrl = origin + currentDisplayPath;
  const [copied, setCopied] = useState(false);

  const run = useCallback(
    async (body: unknown) => {
      const result = await fetchJson<StageSnapshot>(`/api/editions/${editionSlug}/stage`, "POST", body);
      if (result.ok) {
        setError(null);
        setSnapshot(result.data);
      } else setError(result.message);
    },
    [editionSlug, setSnapshot],
  );

  const status = snapshot.timer.status;
  const toggle: Command = status === "RUNNING" ? "pause" : status === "PAUSED" ? "resume" : "start";

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.ctrlKey || event.metaKey || event.altKey || ownedByFocus(event)) return;
      const command = ({ " ": toggle, n: "next", N: "next", p: "previous", P: "previous", r: "reset", R: "reset" } as Record<string, Command>)[event.key];
      if (!command) return;
      event.preventDefault();
      void run({ command });
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [run, toggle]);

  async function saveOrder(next: StageTeam[]) {
    setPendingOrder(next);
    const result = await fetchJson<StageSnapshot>(`/api/editions/${editionSlug}/running-order`, "PUT", { teamIds: next.map((t) => t.id) });
    setPendingOrder(null);
    if (result.ok) {
      setError(null);
      setSnapshot(result.data);
    } else setError(result.message);
  }

  function move(index: number, to: number) {
    if (to < 0 || to >= order.length || to === index) return;
    const next = [...order];
    const [team] = next.splice(index, 1);
    next.splice(to, 0, team);
    void saveOrder(next);
  }

  function onDrop(event: DragEvent, targetIndex: number) {
    event.preventDefault();
    const from = order.findIndex((t) => t.id === dragged);
    setDragged(null);
    if (from >= 0) move(from, targetIndex);
  }

  async function revokeDisplayLink() {
    const result = await fetchJson<{ path: string }>(`/api/editions/${editionSlug}/display-key`, "POST");
    if (!result.ok) return setError(result.message);
    setError(null);
    setCopied(false);
    setDisplayPath(result.data.path);
  }

  async function saveSlot(formData: FormData) {
    const minutes = Number(formData.get("minutes"));
    const seconds = Number(formData.get("seconds"));
    const changeover = Number(formData.get("changeover"));
    const result = await fetchJson<StageSnapshot>(`/api/editions/${editionSlug}/stage/settings`, "PATCH", {
      slotSeconds: Math.round(minutes * 60 + seconds),
      changeoverSeconds: Math.round(changeover),
    });
    if (result.ok) {
      setError(null);
      setSnapshot(result.data);
    } else setError(result.message);
  }

  // key: the aria-keyshortcuts value; keyLabel: the key as the button shows it
  const controls: { command: Command; label: string; key?: string; keyLabel?: string; variant?: "primary" | "secondary" | "danger" }[] = [
    { command: toggle, label: t(`commands.${toggle}`), key: "Space", keyLabel: t("keys.space"), variant: "primary" },
    { command: "add30", label: t("commands.add30") },
    { command: "reset", label: t("commands.reset"), key: "R", keyLabel: "R" },
    { command: "previous", label: t("commands.previous"), key: "P", keyLabel: "P" },
    { command: "next", label: t("commands.next"), key: "N", keyLabel: "N" },
  ];

  return (
    <div className="space-y-6">
      {error && <Alert>{error}</Alert>}
      <section aria-labelledby="timer-heading" className="rounded-2xl bg-slate-950 p-5 text-white sm:p-8">
        <div className="flex flex-wrap items-center justify-between gap-2 text-sm text-slate-300">
          <h2 id="timer-heading" className="font-semibold">
            {snapshot.position ? t("position", { position: snapshot.position, total: snapshot.order.length }) : t("notStarted")}
          </h2>
          <span className={connection === "live" ? "text-emerald-300" : "text-amber-200"}>{connection === "live" ? t("live") : t("reconnecting")}</span>
        </div>
        <p className="mt-3 text-3xl font-bold" data-testid="current-team">
          {snapshot.current?.name ?? t("nobodyOnStage")}
        </p>
        {snapshot.current?.topic && <p className="text-slate-300">{snapshot.current.topic}</p>}
        <StageCountdown timer={snapshot.timer} offsetMs={clock.offsetMs} className="mt-4 [&_[role=timer]]:text-7xl" />
        <p className="mt-3 text-slate-300" data-testid="next-team">
          {snapshot.next
            ? t.rich("next", { name: snapshot.next.name, team: (chunks) => <span className="font-semibold text-white">{chunks}</span> })
            : snapshot.current
              ? t("lastPresentation")
              : null}
        </p>
        <div className="mt-5 flex flex-wrap gap-2" role="toolbar" aria-label={t("commandsLabel")}>
          {controls.map((c) => (
            <button
              key={c.label}
              type="button"
              onClick={() => void run({ command: c.command })}
              aria-keyshortcuts={c.key === "Space" ? "Space" : c.key}
              className={buttonClass(c.variant ?? "secondary", "min-w-24")}
            >
              {c.label}
              {c.key && <kbd className="rounded bg-black/10 px-1.5 text-xs font-normal">{c.keyLabel}</kbd>}
            </button>
          ))}
        </div>
        <p className="mt-3 text-sm text-slate-300">{t.rich("keyboardHelp", { kbd: (chunks) => <kbd>{chunks}</kbd> })}</p>
      </section>

      <div className="grid gap-6 lg:grid-cols-5">
        <section aria-labelledby="order-heading" className="min-w-0 rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200 lg:col-span-3">
          <h2 id="order-heading" className="text-lg font-bold">
            {t("order.title")}
          </h2>
          <p className="mb-3 text-sm text-slate-600">{t("order.hint")}</p>
          <ol className="space-y-2" aria-label={t("order.title")}>
            {order.map((team, i) => (
              <li
                key={team.id}
                draggable
                onDragStart={() => setDragged(team.id)}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => onDrop(e, i)}
                aria-current={snapshot.current?.id === team.id ? "step" : undefined}
                className={`flex flex-wrap items-center gap-2 rounded-lg px-3 py-2 ring-1 ${snapshot.current?.id === team.id ? "bg-amber-50 ring-amber-400" : "bg-white ring-slate-200"} ${dragged === team.id ? "opacity-50" : ""}`}
              >
                <span aria-hidden="true" className="cursor-grab select-none text-slate-400">
                  ⠿
                </span>
                <span className="w-6 font-mono text-sm text-slate-600">{i + 1}.</span>
                <span className="min-w-0 flex-1">
                  <span className="font-semibold">{team.name}</span>
                  {team.topic && <span className="block truncate text-sm text-slate-600">{team.topic}</span>}
                </span>
                <span className="flex flex-wrap gap-1">
                  <button
                    type="button"
                    className={buttonClass("ghost", "min-h-9 px-2")}
                    onClick={() => move(i, i - 1)}
                    disabled={i === 0}
                    aria-label={t("order.moveUp", { name: team.name })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    className={buttonClass("ghost", "min-h-9 px-2")}
                    onClick={() => move(i, i + 1)}
                    disabled={i === order.length - 1}
                    aria-label={t("order.moveDown", { name: team.name })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className={buttonClass("ghost", "min-h-9 px-2")}
                    onClick={() => move(i, order.length - 1)}
                    disabled={i === order.length - 1}
                    aria-label={t("order.toEndLabel", { name: team.name })}
                  >
                    {t("order.toEnd")}
                  </button>
                  <button
                    type="button"
                    className={buttonClass("ghost", "min-h-9 px-2")}
                    onClick={() => void run({ command: "goto", teamId: team.id })}
                    aria-label={t("order.onStageLabel", { name: team.name })}
                  >
                    {t("order.onStage")}
                  </button>
                </span>
              </li>
            ))}
          </ol>
        </section>

        <div className="min-w-0 space-y-6 lg:col-span-2">
          <section aria-labelledby="slot-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 id="slot-heading" className="mb-3 text-lg font-bold">
              {t("slot.title")}
            </h2>
            <form action={saveSlot} className="space-y-3">
              <div className="flex items-end gap-2">
                <label className="text-sm font-semibold">
                  {t("slot.minutes")}
                  <input
                    name="minutes"
                    type="number"
                    min={0}
                    max={60}
                    defaultValue={Math.floor(slotSeconds / 60)}
                    className="mt-1 block w-20 rounded-lg px-3 py-2 ring-1 ring-slate-300"
                  />
                </label>
                <label className="text-sm font-semibold">
                  {t("slot.seconds")}
                  <input
                    name="seconds"
                    type="number"
                    min={0}
                    max={59}
                    defaultValue={slotSeconds % 60}
                    className="mt-1 block w-20 rounded-lg px-3 py-2 ring-1 ring-slate-300"
                  />
                </label>
              </div>
              <label className="block text-sm font-semibold">
                {t("slot.changeover")}
                <input
                  name="changeover"
                  type="number"
                  min={0}
                  max={1800}
                  defaultValue={changeoverSeconds}
                  className="mt-1 block w-28 rounded-lg px-3 py-2 ring-1 ring-slate-300"
                />
              </label>
              <button type="submit" className={buttonClass("secondary")}>
                {t("slot.save")}
              </button>
            </form>
          </section>

          <section aria-labelledby="display-heading" className="rounded-xl bg-white p-5 shadow-sm ring-1 ring-slate-200">
            <h2 id="display-heading" className="text-lg font-bold">
              {t("projector.title")}
            </h2>
            <p className="mb-2 text-sm text-slate-600">{t("projector.hint")}</p>
            <label htmlFor="display-url" className="sr-only">
              {t("projector.link")}
            </label>
            <input
              id="display-url"
              readOnly
              value={displayUrl}
              className="w-full rounded-lg bg-slate-50 px-3 py-2 font-mono text-xs ring-1 ring-slate-300"
              onFocus={(e) => e.target.select()}
            />
            <div className="mt-2 flex flex-wrap gap-2">
              <button
                type="button"
                className={buttonClass("secondary")}
                onClick={() =>
                  void navigator.clipboard?.writeText(displayUrl).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  )
                }
              >
                {copied ? t("projector.copied") : t("projector.copy")}
              </button>
              <a href={currentDisplayPath} target="_blank" rel="noreferrer" className={buttonClass("ghost")}>
                {t("projector.open")}
              </a>
              <button type="button" className={buttonClass("ghost")} onClick={() => void revokeDisplayLink()}>
                {t("projector.newLink")}
              </button>
            </div>
          </section>
        </div>
      </div>
    </div>
  );
}
