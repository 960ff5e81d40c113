"use client";
// A Connect Four match replayed disc by disc, game after game: the board as
// it stood, the last disc marked, the winning four ringed. Discs carry their
// side's letter as well as its colour.
import { useMemo } from "react";
import { useTranslations } from "next-intl";
import type { MatchRecord } from "@/lib/arena/engine/record";
import { COLUMNS, ROWS, connectFourGames } from "@/lib/arena/engine/games/connect-four";
import { ReplayShell, turningRound } from "./replay-shell";

const SIDES = [
  { letter: "A", disc: "bg-red-700 text-white" },
  { letter: "B", disc: "bg-amber-200 text-slate-900" },
] as const;

export function ConnectFourReplay({ record, names }: { record: MatchRecord; names: [string, string] }) {
  const t = useTranslations("arena.connectFour");
  const games = useMemo(() => connectFourGames(record.moves, record.rounds), [record]);
  const winners = useMemo(() => games.map((g) => g.winner), [games]);
  // every disc of the match is a step: [game, disc within the game]
  const steps = useMemo(() => games.flatMap((g, gi) => g.discs.map((_, di) => [gi, di] as const)), [games]);
  const turn = useMemo(() => {
    const round = turningRound(games.map((g) => g.winner));
    if (round === null) return null;
    const step = steps.findLastIndex(([gi]) => gi === round);
    return step < 0 ? null : { step, label: t("turningPoint", { game: round + 1 }) };
  }, [games, steps, t]);

  return (
    <ReplayShell
      record={record}
      names={names}
      roundNoun="games"
      steps={steps.length}
      stepLabel={(at) => t("step", { game: steps[at][0] + 1, games: games.length, move: steps[at][1] + 1 })}
      turningPoint={turn}
      winners={winners}
      speedMs={200}
    >
      {(at) => {
        const [gi, di] = steps[at];
        const game = games[gi];
        const shown = game.discs.slice(0, di + 1);
        const cells = new Map(shown.map((d, i) => [d.row * COLUMNS + d.column, { ...d, last: i === di }]));
        const finished = di === game.discs.length - 1 && !game.unfinished;
        const inLine = new Set(finished && game.line ? game.line.map(([r, c]) => r * COLUMNS + c) : []);
        const last = shown[di];
        const won = games.slice(0, gi + (finished ? 1 : 0)).reduce((s, g) => (g.winner === null ? s : (s[g.winner]++, s)), [0, 0]);
        const move = { game: gi + 1, starter: names[game.starter], player: names[last.player], column: last.column + 1 };
        return (
          <div className="space-y-2">
            <p className="text-sm">
              {t.rich("sides", {
                letterA: SIDES[0].letter,
                letterB: SIDES[1].letter,
                a: names[0],
                b: names[1],
                wonA: won[0],
                wonB: won[1],
                side: (chunks) => <span className="font-semibold">{chunks}</span>,
              })}
            </p>
            <p className="text-sm" aria-live="polite">
              {!finished ? t("move", move) : game.winner === null ? t("moveDraw", move) : t("moveWin", { ...move, winner: names[game.winner] })}
            </p>
            <div
              role="img"
              aria-label={t("board", { move: di + 1, game: gi + 1 })}
              className="inline-grid gap-1 rounded-lg bg-blue-800 p-2"
              style={{ gridTemplateColumns: `repeat(${COLUMNS}, 2.25rem)` }}
            >
              {Array.from({ length: ROWS * COLUMNS }, (_, i) => {
                const row = ROWS - 1 - Math.floor(i / COLUMNS);
                const column = i % COLUMNS;
                const disc = cells.get(row * COLUMNS + column);
                const ring = inLine.has(row * COLUMNS + column) ? "ring-4 ring-green-400" : disc?.last ? "ring-4 ring-white" : "";
                return (
                  <span
                    key={i}
                    className={`flex h-9 w-9 items-center justify-center rounded-full text-sm font-bold ${disc ? SIDES[disc.player].disc : "bg-white"} ${ring}`}
                  >
                    {disc ? SIDES[disc.player].letter : ""}
                  </span>
                );
              })}
            </div>
          </div>
        );
      }}
    </ReplayShell>
  );
}
