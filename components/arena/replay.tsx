"use client";
// A match replayed round by round: scrub, play, or jump to the turning point
// (the round after which the eventual winner led for good).
import { useEffect, useMemo, useState } from "react";
import type { MatchRecord } from "@/lib/arena/record";
import { describeForfeit } from "@/lib/arena/record";
import { rpsRoundWinner } from "@/lib/arena/games/rps";

const NAMES = { R: "rock", P: "paper", S: "scissors" } as const;

export function turningPoint(record: MatchRecord): number | null {
  let lead = 0;
  let last: number | null = null;
  record.moves[0].forEach((a, i) => {
    const w = rpsRoundWinner(a, record.moves[1][i]);
    const before = Math.sign(lead);
    lead += w === 0 ? 1 : w === 1 ? -1 : 0;
    if (Math.sign(lead) !== before) last = i;
  });
  return last;
}

export function Replay({ record, names }: { record: MatchRecord; names: [string, string] }) {
  const rounds = record.moves[0].length;
  const [at, setAt] = useState(Math.max(0, rounds - 1));
  const [playing, setPlaying] = useState(false);
  const turn = useMemo(() => turningPoint(record), [record]);
  const score = useMemo(() => {
    const s = [0, 0, 0];
    for (let i = 0; i <= at && i < rounds; i++) {
      const w = rpsRoundWinner(record.moves[0][i], record.moves[1][i]);
      s[w === null ? 2 : w]++;
    }
    return s;
  }, [at, record, rounds]);

  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => setAt((a) => (a + 1 < rounds ? a + 1 : (setPlaying(false), a))), 60);
    return () => clearInterval(id);
  }, [playing, rounds]);

  const window = record.moves[0].slice(Math.max(0, at - 4), at + 1).map((m, i, arr) => ({ round: at - arr.length + 1 + i, a: m, b: record.moves[1][at - arr.length + 1 + i] }));
  return (
    <div className="space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200" data-testid="replay">
      <p className="font-semibold">
        {record.winner === null ? "Draw" : `${names[record.winner]} wins`}: {record.wins[0]}–{record.wins[1]} ({record.draws} drawn) over {rounds} rounds · seed {record.seed}
      </p>
      {record.forfeits.map((f) => (
        <p key={f.player} className="font-medium text-red-700" role="alert">
          {names[f.player]} forfeits: {describeForfeit(f)}
        </p>
      ))}
      {rounds > 0 && (
        <>
          <label className="block text-sm font-semibold">
            Round {at + 1} of {rounds}
            <input type="range" min={0} max={rounds - 1} value={at} onChange={(e) => setAt(Number(e.target.value))} className="mt-1 block w-full" />
          </label>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="rounded-lg px-3 py-1.5 ring-1 ring-slate-300" onClick={() => (at >= rounds - 1 ? (setAt(0), setPlaying(true)) : setPlaying((p) => !p))}>
              {playing ? "Pause" : "Play"}
            </button>
            {turn !== null && (
              <button type="button" className="rounded-lg px-3 py-1.5 ring-1 ring-slate-300" onClick={() => setAt(turn)}>
                Jump to the turning point (round {turn + 1})
              </button>
            )}
          </div>
          <p className="text-sm">
            After round {at + 1}: {names[0]} {score[0]} · {names[1]} {score[1]} · {score[2]} drawn
          </p>
          <table className="text-sm">
            <caption className="sr-only">The last rounds up to round {at + 1}</caption>
            <thead>
              <tr>
                <th scope="col" className="pr-4 text-left">Round</th>
                <th scope="col" className="pr-4 text-left">{names[0]}</th>
                <th scope="col" className="text-left">{names[1]}</th>
              </tr>
            </thead>
            <tbody className="font-mono">
              {window.map((r) => {
                const w = rpsRoundWinner(r.a, r.b);
                return (
                  <tr key={r.round}>
                    <td className="pr-4">{r.round + 1}</td>
                    <td className={`pr-4 ${w === 0 ? "font-bold text-green-800" : ""}`}>{NAMES[r.a]}</td>
                    <td className={w === 1 ? "font-bold text-green-800" : ""}>{NAMES[r.b]}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
