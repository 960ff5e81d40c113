// Who plays whom, for both formats, shared by the server's tournaments and
// the command line (the same seed and bots give the same matches and so the
// same standings): a round robin is scheduled at once; a Swiss tournament
// round by round, each round paired from the standings so far.
import { seededRandom } from "../../platform/random";
import { roundRobinSchedule, standings, type PlayedMatch } from "./standings";
import { swissPairing } from "./swiss";

export type TournamentFormat = "ROUND_ROBIN" | "SWISS";
export const FORMATS: TournamentFormat[] = ["ROUND_ROBIN", "SWISS"];

export type Entry = { id: string; name: string };
export type ScheduledMatch = { teamAId: string; teamBId: string; seed: number; round: number };
export type Bye = { round: number; teamId: string };

export type ScheduleSettings = { format: TournamentFormat; matchesPerPair: number; seed: number; swissRounds: number };

// each Swiss round draws its seeds from its own stream of the tournament's seed
const roundRandom = (seed: number, round: number) => seededRandom((seed ^ Math.imul(round + 1, 0x9e3779b1)) >>> 0);

/** Matches in all: exact for a round robin, the most there can be for a Swiss tournament. */
export function plannedTotal(settings: ScheduleSettings, teams: number): number {
  const pairs = settings.format === "SWISS" ? settings.swissRounds * Math.floor(teams / 2) : (teams * (teams - 1)) / 2;
  return pairs * settings.matchesPerPair;
}

/**
 * The matches of `round` (a round robin has only round 0), given the matches
 * played and byes given so far; entries in a stable order (the server sorts
 * them by team name, the command line takes the files' order).
 */
export function scheduleRound(
  entries: Entry[],
  settings: ScheduleSettings,
  round: number,
  played: PlayedMatch[],
  byes: Bye[],
): { matches: ScheduledMatch[]; bye: Bye | null } {
  if (settings.format === "ROUND_ROBIN") {
    if (round > 0) return { matches: [], bye: null };
    const matches = roundRobinSchedule(entries, settings.matchesPerPair, seededRandom(settings.seed)).map((m) => ({
      teamAId: m.a.id,
      teamBId: m.b.id,
      seed: m.seed,
      round: 0,
    }));
    return { matches, bye: null };
  }
  if (round >= settings.swissRounds) return { matches: [], bye: null };
  const random = roundRandom(settings.seed, round);
  // round 0: drawn by lot; afterwards, by the standings so far
  const drawn = [...entries]
    .map((e) => ({ e, key: random() }))
    .sort((x, y) => x.key - y.key)
    .map((x) => x.e);
  const ranked =
    round === 0
      ? drawn.map((e) => e.id)
      : standings(
          drawn,
          played,
          byes.map((b) => b.teamId),
        )
          .sort((x, y) => x.place - y.place)
          .map((s) => s.teamId);
  const pairing = swissPairing(
    ranked,
    played.map((m) => [m.teamAId, m.teamBId]),
    new Set(byes.map((b) => b.teamId)),
  );
  const matches = pairing.pairs.flatMap(([a, b]) =>
    Array.from({ length: settings.matchesPerPair }, (_, k) => {
      const [teamAId, teamBId] = k % 2 === 0 ? [a, b] : [b, a];
      return { teamAId, teamBId, seed: Math.floor(random() * 2 ** 31), round };
    }),
  );
  return { matches, bye: pairing.bye === null ? null : { round, teamId: pairing.bye } };
}
