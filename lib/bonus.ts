// The mini-challenge bonus points of each team, added to the audience points
// in the final ranking. The one function both the vote results and (later)
// the challenges leaderboard use. Challenges don't exist yet: every team has 0.
import type { Db } from "./db";

export async function teamBonusPoints(_db: Db, _editionId: string): Promise<Map<string, number>> {
  return new Map();
}
