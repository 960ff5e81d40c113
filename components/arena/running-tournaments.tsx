"use client";
// The progress of any tournament running now, on every page a signed-in
// person has open: asked every 1.5 s while one runs, every 10 s otherwise
// (not at all while the tab is hidden). Polling, not a stream: a page
// shouldn't hold a connection open for something that runs twice a year, and
// browsers allow only six per server.
import Link from "@/components/link";
import { usePathname } from "next/navigation";
import { useEffect, useState } from "react";
import { useTranslations } from "next-intl";
import { formatEditionNumber } from "@/lib/editions/rules";
import { TournamentProgressBar } from "./progress-bar";
import { useVisitor } from "../visitor";

type Running = { tournamentId: string; challengeId: string; title: string; editionNumber: number; done: number; total: number; etaMs: number | null };

const BUSY_MS = 1_500;
const IDLE_MS = 10_000;

/** Shown to signed-in people only (the bar links into their editions' challenges). */
export function RunningTournaments() {
  return useVisitor()?.user ? <RunningTournamentsBar /> : null;
}

function RunningTournamentsBar() {
  const t = useTranslations("arena.running");
  const [running, setRunning] = useState<Running[]>([]);
  const pathname = usePathname();

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    let busy = false;
    async function poll() {
      if (document.visibilityState === "visible") {
        try {
          const response = await fetch("/api/arena/running", { cache: "no-store" });
          if (response.ok) {
            const list = (await response.json()) as Running[];
            busy = list.length > 0;
            if (!stopped) setRunning(list);
          }
        } catch {
          // offline for a moment: ask again later
        }
      }
      if (!stopped) timer = setTimeout(poll, busy ? BUSY_MS : IDLE_MS);
    }
    void poll();
    const onVisible = () => {
      if (document.visibilityState !== "visible") return;
      clearTimeout(timer);
      void poll();
    };
    document.addEventListener("visibilitychange", onVisible);
    return () => {
      stopped = true;
      clearTimeout(timer);
      document.removeEventListener("visibilitychange", onVisible);
    };
  }, []);

  // the tournament's own page shows its full progress already
  const shown = running.filter((r) => !pathname.endsWith(`/challenges/${r.challengeId}`));
  if (shown.length === 0) return null;
  return (
    <section aria-label={t("label")} className="border-b border-indigo-200 bg-indigo-50">
      <div className="mx-auto max-w-5xl space-y-2 px-4 py-2">
        {shown.map((r) => {
          const href = `/editions/${formatEditionNumber(r.editionNumber)}/challenges/${r.challengeId}`;
          return (
            <div key={r.tournamentId} className="grid gap-1 sm:grid-cols-[auto_1fr] sm:items-center sm:gap-4">
              <Link href={href} className="text-sm font-semibold text-indigo-900 underline">
                {t("running", { title: r.title })}
              </Link>
              <TournamentProgressBar
                done={r.done}
                total={r.total}
                etaMs={r.etaMs}
                label={t("progress", { title: r.title })}
                testId="running-tournament-progress"
              />
            </div>
          );
        })}
      </div>
    </section>
  );
}
