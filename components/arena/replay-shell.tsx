"use client";
// What every game's replay shares: the result and forfeits, a scrubber over
// the match's steps, play/pause, and a jump to the turning point. The game's
// own view (rounds of rock-paper-scissors, a Connect Four board) renders the
// step the scrubber is at.
import { useEffect, useState, type ReactNode } from "react";
import { useTranslations } from "next-intl";
import { type MatchRecord, describeForfeit } from "@/lib/arena/engine/record";
import { matchScoreChart } from "@/lib/insights/rules";
import { Lines } from "@/components/charts/lines";
import { useSay } from "@/components/say";

type Props = {
  record: MatchRecord;
  names: [string, string];
  /** "rounds", "games": which the match is made of (an identifier: the messages word it) */
  roundNoun: string;
  steps: number;
  /** "Round 12 of 1000", "Game 3 of 20, move 9" */
  stepLabel: (at: number) => string;
  turningPoint: { step: number; label: string } | null;
  /** who won each round (or game), null when drawn: the score's picture over the match */
  winners: (0 | 1 | null)[];
  /** ms between steps when playing */
  speedMs: number;
  children: (at: number) => ReactNode;
};

const button = "rounded-lg px-3 py-1.5 ring-1 ring-slate-300";

export function ReplayShell({ record, names, roundNoun, steps, stepLabel, turningPoint, winners, speedMs, children }: Props) {
  const t = useTranslations("arena.replay");
  const say = useSay();
  const [scrubbed, setAt] = useState(Math.max(0, steps - 1));
  const [playing, setPlaying] = useState(false);
  // another match (the next practice, another replay) starts at its own end: a step of the last one may not
  // exist in it, not even in the render that notices the change (React renders it before starting again)
  const [shown, setShown] = useState(record);
  const fresh = shown !== record;
  if (fresh) {
    setShown(record);
    setAt(Math.max(0, steps - 1));
    setPlaying(false);
  }
  const at = fresh ? Math.max(0, steps - 1) : Math.min(scrubbed, Math.max(0, steps - 1));

  useEffect(() => {
    if (!playing) return;
    const id = setInterval(() => setAt((a) => (a + 1 < steps ? a + 1 : (setPlaying(false), a))), speedMs);
    return () => clearInterval(id);
  }, [playing, steps, speedMs]);

  // the match's result: "{winner} wins: 520–470 (10 drawn) over 1000 rounds · seed 42"
  const result = { a: record.wins[0], b: record.wins[1], draws: record.draws, rounds: record.rounds, noun: roundNoun, seed: record.seed };

  return (
    <div className="space-y-3 rounded-lg bg-slate-50 p-4 ring-1 ring-slate-200" data-testid="replay">
      <p className="font-semibold">{record.winner === null ? t("resultDraw", result) : t("resultWin", { ...result, winner: names[record.winner] })}</p>
      {record.forfeits.map((f) => (
        <p key={f.player} className="font-medium text-red-700" role="alert">
          {t("forfeits", { name: names[f.player], reason: say(describeForfeit(f)) })}
        </p>
      ))}
      {steps > 0 && (
        <>
          <label className="block text-sm font-semibold">
            {stepLabel(at)}
            <input type="range" min={0} max={steps - 1} value={at} onChange={(e) => setAt(Number(e.target.value))} className="mt-1 block w-full" />
          </label>
          <div className="flex flex-wrap gap-2">
            <button type="button" className={button} onClick={() => (at >= steps - 1 ? (setAt(0), setPlaying(true)) : setPlaying((p) => !p))}>
              {playing ? t("pause") : t("play")}
            </button>
            {turningPoint && (
              <button type="button" className={button} onClick={() => setAt(turningPoint.step)}>
                {t("turningPoint", { label: turningPoint.label })}
              </button>
            )}
          </div>
          {children(at)}
          {winners.length > 1 && <Lines id={`match-score-${record.seed}`} chart={matchScoreChart(names, winners, roundNoun === "games" ? "game" : "round")} />}
        </>
      )}
    </div>
  );
}

/** The round after which the eventual winner led for good, from each round's winner (null: drawn). */
export function turningRound(roundWinners: (0 | 1 | null)[]): number | null {
  let lead = 0;
  let last: number | null = null;
  roundWinners.forEach((w, i) => {
    const before = Math.sign(lead);
    lead += w === 0 ? 1 : w === 1 ? -1 : 0;
    if (Math.sign(lead) !== before) last = i;
  });
  return last;
}
