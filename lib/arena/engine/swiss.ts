// Swiss pairings, for fields too large to play every pair: each round pairs
// teams with equal or close standings who haven't met yet; with an odd number
// of teams the lowest-placed team that hasn't had one gets a bye (a win).
// After ⌈log2 n⌉ + 1 rounds the winner is clear, for a fraction of the
// matches a round robin would take.

export const defaultSwissRounds = (teams: number) => Math.max(1, Math.min(teams - 1, Math.ceil(Math.log2(Math.max(2, teams))) + 1));

const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

export type SwissPairing = { pairs: [string, string][]; bye: string | null };

/**
 * Pairs `ranked` (team ids, best first): the best unpaired team meets the
 * best one below it it hasn't met yet, backtracking when that leaves the rest
 * unpairable; rematches only when there is no other way.
 */
export function swissPairing(ranked: string[], met: Iterable<[string, string]>, hadBye: Set<string>): SwissPairing {
  const played = new Set([...met].map(([a, b]) => pairKey(a, b)));
  let field = [...ranked];
  let bye: string | null = null;
  if (field.length % 2 === 1) {
    bye = [...field].reverse().find((id) => !hadBye.has(id)) ?? field[field.length - 1];
    field = field.filter((id) => id !== bye);
  }
  let budget = 20_000; // backtracking steps before settling for a rematch
  const search = (left: string[]): [string, string][] | null => {
    if (left.length === 0) return [];
    const [first, ...rest] = left;
    for (let i = 0; i < rest.length; i++) {
      if (played.has(pairKey(first, rest[i])) || --budget < 0) continue;
      const tail = search([...rest.slice(0, i), ...rest.slice(i + 1)]);
      if (tail) return [[first, rest[i]], ...tail];
    }
    return null;
  };
  const pairs = search(field) ?? field.flatMap((id, i) => (i % 2 === 0 ? [[id, field[i + 1]] as [string, string]] : []));
  return { pairs, bye };
}
