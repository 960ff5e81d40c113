// Rock-paper-scissors: both bots move each round; rock beats scissors,
// scissors beat paper, paper beats rock.

export const RPS_MOVES = ["R", "P", "S"] as const;
export type RpsMove = (typeof RPS_MOVES)[number];

export function isRpsMove(value: unknown): value is RpsMove {
  return value === "R" || value === "P" || value === "S";
}

const BEATS: Record<RpsMove, RpsMove> = { R: "S", P: "R", S: "P" };

/** 0 if the first move wins the round, 1 if the second does, null for a draw. */
export function rpsRoundWinner(a: RpsMove, b: RpsMove): 0 | 1 | null {
  if (a === b) return null;
  return BEATS[a] === b ? 0 : 1;
}
