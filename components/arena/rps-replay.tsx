"use client";
// A rock-paper-scissors match replayed round by round.
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import type { MatchRecord } from "@/lib/arena/engine/record";
import { rpsRoundWinner, type RpsMove } from "@/lib/arena/engine/games/rps";
import { ReplayShell, turningRound } from "./replay-shell";

/** Each move's message (its word in the reader's language). */
const MOVES = { R: "rock", P: "paper", S: "scissors" } as const;

export function RpsReplay({ record, names }: { record: MatchRecord; names: [string, string] }) {
  const t = useTranslations("arena.rps");
  const [a, b] = record.moves as [RpsMove[], RpsMove[]];
  const rounds = Math.min(a.length, b.length);
  const winners = useMemo(() => a.slice(0, rounds).map((m, i) => rpsRoundWinner(m, b[i])), [a, b, rounds]);
  const turn = useMemo(() => turningRound(winners), [winners]);
  return (
    <ReplayShell
      record={record}
      names={names}
      roundNoun="rounds"
      steps={rounds}
      stepLabel={(at) => t("step", { round: at + 1, rounds })}
      turningPoint={turn === null ? null : { step: turn, label: t("turningPoint", { round: turn + 1 }) }}
      winners={winners}
      speedMs={60}
    >
      {(at) => {
        const score = [0, 0, 0];
        for (let i = 0; i <= at; i++) score[winners[i] ?? 2]++;
        const recent = winners.slice(Math.max(0, at - 4), at + 1).map((w, i, arr) => ({ round: at - arr.length + 1 + i, w }));
        return (
          <>
            <p className="text-sm">{t("score", { round: at + 1, a: names[0], scoreA: score[0], b: names[1], scoreB: score[1], draws: score[2] })}</p>
            <table className="text-sm">
              <caption className="sr-only">{t("caption", { round: at + 1 })}</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-4 text-left">
                    {t("round")}
                  </th>
                  <th scope="col" className="pr-4 text-left">
                    {names[0]}
                  </th>
                  <th scope="col" className="text-left">
                    {names[1]}
                  </th>
                </tr>
              </thead>
              <tbody className="font-mono">
                {recent.map(({ round, w }) => (
                  <tr key={round}>
                    <td className="pr-4">{round + 1}</td>
                    <td className={`pr-4 ${w === 0 ? "font-bold text-green-800" : ""}`}>{t(`moves.${MOVES[a[round]]}`)}</td>
                    <td className={w === 1 ? "font-bold text-green-800" : ""}>{t(`moves.${MOVES[b[round]]}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        );
      }}
    </ReplayShell>
  );
}
