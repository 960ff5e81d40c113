// A whole tournament in memory, on bots given as compiled scripts: what the
// command line (`npm run arena`), the benchmark and the tests run. The
// schedule, the matches and the standings are the server's own (schedule.ts,
// match.ts, standings.ts); only the storage differs.
import type { GameId } from "./games/types";
import { type MatchRecord, type MatchOptions, describeIfAny } from "./record";
import { scheduleRound, plannedTotal, type Bye, type Entry, type TournamentFormat } from "./schedule";
import { standings, type PlayedMatch, type Standing } from "./standings";
import { defaultSwissRounds } from "./swiss";

export type OfflineSettings = { game: GameId; rounds: number; matchesPerPair: number; seed: number; format: TournamentFormat; swissRounds?: number };
export type PlayMatch = (scripts: [string, string], options: MatchOptions) => Promise<MatchRecord>;
export type OfflineMatch = PlayedMatch & { number: number; seed: number; round: number; record: MatchRecord };

export async function playTournament(
  entries: (Entry & { script: string })[],
  settings: OfflineSettings,
  play: PlayMatch,
  onProgress?: (done: number, total: number) => void,
): Promise<{ standings: Standing[]; matches: OfflineMatch[]; byes: Bye[] }> {
  const schedule = {
    format: settings.format,
    matchesPerPair: settings.matchesPerPair,
    seed: settings.seed,
    swissRounds: settings.swissRounds ?? defaultSwissRounds(entries.length),
  };
  const scripts = new Map(entries.map((e) => [e.id, e.script]));
  const matches: OfflineMatch[] = [];
  const byes: Bye[] = [];
  let total = plannedTotal(schedule, entries.length);
  for (let round = 0; ; round++) {
    const next = scheduleRound(entries, schedule, round, matches, byes);
    if (next.bye) byes.push(next.bye);
    if (next.matches.length === 0) break;
    const offset = matches.length;
    let done = offset;
    const played = await Promise.all(
      next.matches.map(async (m, i) => {
        const record = await play([scripts.get(m.teamAId)!, scripts.get(m.teamBId)!], { game: settings.game, rounds: settings.rounds, seed: m.seed });
        onProgress?.(++done, total);
        return {
          ...m,
          number: offset + i,
          record,
          winner: record.winner,
          winsA: record.wins[0],
          winsB: record.wins[1],
          forfeitA: describeIfAny(record, 0),
          forfeitB: describeIfAny(record, 1),
        };
      }),
    );
    matches.push(...played);
    if (schedule.format === "ROUND_ROBIN") break;
  }
  total = matches.length;
  onProgress?.(total, total);
  return {
    standings: standings(
      entries,
      matches,
      byes.map((b) => b.teamId),
    ),
    matches,
    byes,
  };
}
