"use client";
// The bonus leaderboard, live: it changes on every open screen within a
// second of a correct answer or a judge's score, without a reload.
import { useState } from "react";
import { useEventStream } from "@/components/live/use-event-stream";
import { useTranslations } from "next-intl";
import type { Leaderboard } from "@/lib/challenges/leaderboard";

type Props = { editionSlug: string; initial: Leaderboard; projector?: boolean };

export function LiveLeaderboard({ editionSlug, initial, projector = false }: Props) {
  const t = useTranslations("challenges.leaderboard");
  const [board, setBoard] = useState(initial);
  const [live, setLive] = useState(false);
  useEventStream(
    `/api/editions/${editionSlug}/live`,
    { leaderboard: (data: Leaderboard) => setBoard(data) },
    { onOpen: () => setLive(true), onError: () => setLive(false) },
  );

  const cell = projector ? "px-[1vw] py-[0.8vw]" : "px-3 py-2";
  return (
    // the projector's overlay scrolls when many teams compete: focusable, so keyboards can scroll it too
    <div className={projector ? "fixed inset-0 z-50 overflow-auto bg-slate-950 p-[3vw] text-white" : ""} tabIndex={projector ? 0 : undefined}>
      <div className="mb-3 flex items-baseline justify-between gap-3">
        {projector && <h1 className="text-[3.5vw] font-bold">{t("projectorTitle")}</h1>}
        <span
          className={`text-sm ${projector ? (live ? "text-emerald-300" : "text-amber-200") : live ? "text-emerald-700" : "text-amber-700"}`}
          aria-live="polite"
        >
          {live ? t("live") : t("connecting")}
        </span>
      </div>
      <div className={projector ? "" : "relative overflow-x-auto rounded-xl bg-white ring-1 ring-slate-200"} tabIndex={projector ? undefined : 0}>
        <table className={`w-full text-left ${projector ? "text-[2vw]" : "text-sm"}`}>
          <caption className="sr-only">{t("caption")}</caption>
          <thead className={projector ? "text-slate-300" : "bg-slate-50 text-slate-700"}>
            <tr>
              <th scope="col" className={cell}>
                #
              </th>
              <th scope="col" className={cell}>
                {t("team")}
              </th>
              {/* the total next to the team: on a phone the challenges' columns scroll, the total stays in sight */}
              <th scope="col" className={`${cell} text-right`}>
                {t("total")}
              </th>
              {board.challenges.map((c) => (
                <th key={c.id} scope="col" className={`${cell} text-right`}>
                  {c.title}
                </th>
              ))}
            </tr>
          </thead>
          <tbody className={projector ? "divide-y divide-white/10" : "divide-y divide-slate-100"} data-testid="leaderboard">
            {board.rows.map((row) => (
              <tr key={row.teamId} data-team={row.name}>
                <td className={`${cell} font-mono`}>{row.place}</td>
                <th scope="row" className={`${cell} font-semibold`}>
                  {row.name}
                </th>
                <td className={`${cell} text-right font-bold tabular-nums`} data-testid={`total-${row.name}`}>
                  {row.total}
                </td>
                {board.challenges.map((c) => (
                  <td key={c.id} className={`${cell} text-right tabular-nums`}>
                    {row.perChallenge[c.id] ?? "–"}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
