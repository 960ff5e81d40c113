"use client";
// A rock-paper-scissors match replayed round by round.
import { useMemo } from "react";
import type { MatchRecord } from "@/lib/arena/engine/record";
import { rpsRoundWinner, type RpsMove } from "@/lib/arena/engine/games/rps";
import { ReplayShell, turningRound } from "./replay-shell";

const NAMES = { R: "rock", P: "paper", S: "scissors" } as const;

export function RpsReplay({ record, names }: { record: MatchRecord; names: [string, string] }) {
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
      stepLabel={(at) => `Round ${at + 1} of ${rounds}`}
      turningPoint={turn === null ? null : { step: turn, label: `round ${turn + 1}` }}
      winners={winners}
      speedMs={60}
    >
      {(at) => {
        const score = [0, 0, 0];
        for (let i = 0; i <= at; i++) score[winners[i] ?? 2]++;
        const recent = winners.slice(Math.max(0, at - 4), at + 1).map((w, i, arr) => ({ round: at - arr.length + 1 + i, w }));
        return (
          <>
            <p className="text-sm">
              After round {at + 1}: {names[0]} {score[0]} · {names[1]} {score[1]} · {score[2]} drawn
            </p>
            <table className="text-sm">
              <caption className="sr-only">The last rounds up to round {at + 1}</caption>
              <thead>
                <tr>
                  <th scope="col" className="pr-4 text-left">
                    Round
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
                    <td className={`pr-4 ${w === 0 ? "font-bold text-green-800" : ""}`}>{NAMES[a[round]]}</td>
                    <td className={w === 1 ? "font-bold text-green-800" : ""}>{NAMES[b[round]]}</td>
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
