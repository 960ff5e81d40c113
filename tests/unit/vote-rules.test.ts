import { describe, expect, it } from "vitest";
import { DomainError } from "@/lib/errors";
import {
  checkBallot,
  makeJoinCode,
  normalizeJoinCode,
  pointsFor,
  rankTeams,
  tally,
  type StoredBallot,
  type TeamTally,
  type VoteRules,
} from "@/lib/vote-rules";

const RANKED: VoteRules = { method: "RANKED", picks: 3 };
const APPROVAL: VoteRules = { method: "APPROVAL", picks: 3 };
const TEAMS = new Set(["a", "b", "c", "d", "e"]);

/** The error `run` throws, expected to be a DomainError. */
function refusal(run: () => unknown): DomainError {
  let error: unknown = null;
  try {
    run();
  } catch (e) {
    error = e;
  }
  expect(error, "expected the ballot to be refused").toBeInstanceOf(DomainError);
  return error as DomainError;
}

/** A ballot picking `teamIds`, favourite first. */
const ballot = (...teamIds: string[]): StoredBallot => ({ picks: teamIds.map((teamId, i) => ({ teamId, rank: i + 1 })) });

/** A tally row as `tally` would make it. */
const row = (teamId: string, audiencePoints: number, placeCounts: number[] = [0, 0, 0]): TeamTally => ({
  teamId,
  audiencePoints,
  placeCounts,
  ballots: placeCounts.reduce((s, n) => s + n, 0),
});

const NO_BONUS = new Map<string, number>();
const EVEN = { audience: 1, bonus: 1 };

describe("points per pick", () => {
  it("gives 3, 2 and 1 points to the favourite, second and third of a ranked ballot", () => {
    expect([1, 2, 3].map((rank) => pointsFor(RANKED, rank))).toEqual([3, 2, 1]);
  });

  it("follows the number of picks: with five ranked picks the favourite gets 5", () => {
    expect([1, 2, 3, 4, 5].map((rank) => pointsFor({ method: "RANKED", picks: 5 }, rank))).toEqual([5, 4, 3, 2, 1]);
  });

  it("gives every approved team one point, whatever its position", () => {
    expect([1, 2, 3].map((rank) => pointsFor(APPROVAL, rank))).toEqual([1, 1, 1]);
  });
});

describe("checking a ballot", () => {
  it("asks for at least one team when nothing is picked", () => {
    const error = refusal(() => checkBallot([], RANKED, TEAMS));
    expect(error.code).toBe("INVALID");
    expect(error.message).toBe("Pick at least one team.");
    expect(error.field).toBe("teamIds");
  });

  it("refuses more picks than the rules allow, saying how many", () => {
    expect(refusal(() => checkBallot(["a", "b", "c", "d"], RANKED, TEAMS)).message).toBe("Pick at most 3 teams.");
    expect(refusal(() => checkBallot(["a", "b"], { method: "APPROVAL", picks: 1 }, TEAMS)).message).toBe("Pick at most 1 team.");
  });

  it("refuses the same team picked twice", () => {
    const error = refusal(() => checkBallot(["a", "b", "a"], RANKED, TEAMS));
    expect(error.code).toBe("INVALID");
    expect(error.message).toBe("Each team can be picked only once.");
  });

  it("refuses a team that isn't in this vote", () => {
    const error = refusal(() => checkBallot(["a", "zz"], RANKED, TEAMS));
    expect(error.code).toBe("INVALID");
    expect(error.message).toBe("One of the teams picked is not in this vote.");
  });

  it("refuses a vote for the voter's own team", () => {
    const error = refusal(() => checkBallot(["b", "c"], RANKED, TEAMS, "c"));
    expect(error.code).toBe("INVALID");
    expect(error.message).toBe("You can't vote for your own team.");
  });

  it("accepts one to three distinct teams of the vote and returns them in the voter's order", () => {
    expect(checkBallot(["c"], RANKED, TEAMS)).toEqual(["c"]);
    expect(checkBallot(["e", "a"], RANKED, TEAMS)).toEqual(["e", "a"]);
    expect(checkBallot(["b", "d", "a"], APPROVAL, TEAMS)).toEqual(["b", "d", "a"]);
  });

  it("accepts a ballot for other teams from a voter who is in a team, or from one who isn't", () => {
    expect(checkBallot(["a", "b", "d"], RANKED, TEAMS, "c")).toEqual(["a", "b", "d"]);
    expect(checkBallot(["a", "b", "c"], RANKED, TEAMS, null)).toEqual(["a", "b", "c"]);
  });
});

describe("tallying the ballots", () => {
  it("adds up ranked points and counts how often each team was first, second and third", () => {
    const result = tally([ballot("a", "b", "c"), ballot("b", "a"), ballot("a")], RANKED, ["a", "b", "c", "d"]);
    expect(result.get("a")).toEqual({ teamId: "a", audiencePoints: 3 + 2 + 3, placeCounts: [2, 1, 0], ballots: 3 });
    expect(result.get("b")).toEqual({ teamId: "b", audiencePoints: 2 + 3, placeCounts: [1, 1, 0], ballots: 2 });
    expect(result.get("c")).toEqual({ teamId: "c", audiencePoints: 1, placeCounts: [0, 0, 1], ballots: 1 });
  });

  it("lists a team nobody voted for with zero points", () => {
    const result = tally([ballot("a")], RANKED, ["a", "d"]);
    expect(result.get("d")).toEqual({ teamId: "d", audiencePoints: 0, placeCounts: [0, 0, 0], ballots: 0 });
  });

  it("gives one point per approval", () => {
    const result = tally([ballot("a", "b", "c"), ballot("c", "a")], APPROVAL, ["a", "b", "c"]);
    expect([...result.values()].map((t) => [t.teamId, t.audiencePoints])).toEqual([["a", 2], ["b", 1], ["c", 2]]);
  });

  it("ignores picks of teams no longer in the vote and ranks the rules don't know", () => {
    const stale: StoredBallot = {
      picks: [
        { teamId: "gone", rank: 1 },
        { teamId: "a", rank: 4 },
        { teamId: "a", rank: 0 },
        { teamId: "b", rank: 2 },
      ],
    };
    const result = tally([stale], RANKED, ["a", "b"]);
    expect(result.has("gone")).toBe(false);
    expect(result.get("a")).toEqual({ teamId: "a", audiencePoints: 0, placeCounts: [0, 0, 0], ballots: 0 });
    expect(result.get("b")).toEqual({ teamId: "b", audiencePoints: 2, placeCounts: [0, 1, 0], ballots: 1 });
  });

  it("counts nothing when nobody voted", () => {
    const result = tally([], RANKED, ["a", "b"]);
    expect([...result.values()].every((t) => t.audiencePoints === 0)).toBe(true);
  });
});

describe("ranking the teams", () => {
  it("adds the mini-challenge bonus to the audience points and sorts by total", () => {
    const ranked = rankTeams([row("a", 10), row("b", 8), row("c", 3)], new Map([["b", 5], ["c", 1]]), EVEN);
    expect(ranked.map((r) => [r.teamId, r.audiencePoints, r.bonusPoints, r.total, r.place])).toEqual([
      ["b", 8, 5, 13, 1],
      ["a", 10, 0, 10, 2],
      ["c", 3, 1, 4, 3],
    ]);
    expect(ranked.every((r) => !r.tied)).toBe(true);
  });

  it("weighs audience points and bonus as the organizer set", () => {
    const bonus = new Map([["b", 5]]);
    const ranked = rankTeams([row("a", 10), row("b", 8)], bonus, { audience: 2, bonus: 3 });
    expect(ranked.map((r) => [r.teamId, r.total])).toEqual([
      ["b", 8 * 2 + 5 * 3],
      ["a", 10 * 2],
    ]);
    // with the bonus weighing nothing, the audience decides alone
    expect(rankTeams([row("a", 10), row("b", 8)], bonus, { audience: 1, bonus: 0 }).map((r) => r.teamId)).toEqual(["a", "b"]);
  });

  it("breaks a tie on points by the number of first-place picks", () => {
    const ranked = rankTeams([row("a", 6, [1, 1, 1]), row("b", 6, [2, 0, 0])], NO_BONUS, EVEN);
    expect(ranked.map((r) => [r.teamId, r.place, r.tied])).toEqual([
      ["b", 1, false],
      ["a", 2, false],
    ]);
  });

  it("then by the number of second-place picks", () => {
    // both 7 points and one first place; b was second twice, a only once
    const ranked = rankTeams([row("a", 7, [1, 1, 2]), row("b", 7, [1, 2, 0])], NO_BONUS, EVEN);
    expect(ranked.map((r) => [r.teamId, r.place])).toEqual([
      ["b", 1],
      ["a", 2],
    ]);
  });

  it("keeps teams equal on points and on every place count tied, sharing a place, and skips the next place", () => {
    const ranked = rankTeams(
      [row("c", 4, [1, 0, 1]), row("b", 9, [2, 1, 1]), row("a", 9, [2, 1, 1]), row("d", 1, [0, 0, 1])],
      NO_BONUS,
      EVEN,
    );
    expect(ranked.map((r) => [r.teamId, r.place, r.tied])).toEqual([
      ["a", 1, true],
      ["b", 1, true],
      ["c", 3, false],
      ["d", 4, false],
    ]);
  });

  it("flags a tie lower down too, and a three-way tie shares one place", () => {
    const ranked = rankTeams([row("a", 9, [3, 0, 0]), row("b", 2, [0, 1, 0]), row("c", 2, [0, 1, 0]), row("d", 2, [0, 1, 0])], NO_BONUS, EVEN);
    expect(ranked.map((r) => [r.teamId, r.place, r.tied])).toEqual([
      ["a", 1, false],
      ["b", 2, true],
      ["c", 2, true],
      ["d", 2, true],
    ]);
  });

  it("ties every team at first place when nobody voted", () => {
    const ranked = rankTeams([row("a", 0), row("b", 0)], NO_BONUS, EVEN);
    expect(ranked.map((r) => [r.place, r.tied])).toEqual([
      [1, true],
      [1, true],
    ]);
  });

  it("ranks what tally produced end to end", () => {
    const tallies = tally([ballot("a", "b", "c"), ballot("b", "c", "a"), ballot("c", "a", "b")], RANKED, ["a", "b", "c"]);
    const ranked = rankTeams(tallies.values(), new Map([["c", 1]]), EVEN);
    expect(ranked[0]).toMatchObject({ teamId: "c", audiencePoints: 6, bonusPoints: 1, total: 7, place: 1, tied: false });
    expect(ranked.slice(1).map((r) => [r.teamId, r.place, r.tied])).toEqual([
      ["a", 2, true],
      ["b", 2, true],
    ]);
  });
});

describe("join codes", () => {
  const ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

  /** A deterministic randomBytes: 0, 1, 2, … wrapping at 256. */
  function counting() {
    let next = 0;
    const requested: number[] = [];
    const randomBytes = (n: number) => {
      requested.push(n);
      return Uint8Array.from({ length: n }, () => next++ % 256);
    };
    return { randomBytes, requested };
  }

  it("is six characters by default, drawn from the injected random bytes", () => {
    const { randomBytes, requested } = counting();
    expect(makeJoinCode(randomBytes)).toBe("ABCDEF");
    expect(requested).toEqual([6]);
  });

  it("has the requested length", () => {
    const { randomBytes } = counting();
    expect(makeJoinCode(randomBytes, 4)).toHaveLength(4);
    expect(makeJoinCode(randomBytes, 10)).toHaveLength(10);
  });

  it("never uses characters that are confused on a projector: 0, O, 1, I", () => {
    const { randomBytes } = counting();
    const everything = makeJoinCode(randomBytes, 256); // every byte value once
    expect(new Set(everything)).toEqual(new Set(ALPHABET));
    expect(everything).not.toMatch(/[01OI]/);
    expect(everything).toMatch(/^[A-HJ-NP-Z2-9]+$/);
  });

  it("gives the same code for the same bytes", () => {
    const fixed = (n: number) => Uint8Array.from({ length: n }, (_, i) => i * 37);
    expect(makeJoinCode(fixed)).toBe(makeJoinCode(fixed));
  });

  it("forgives spaces, dashes and lower case in what people type", () => {
    expect(normalizeJoinCode("k7pq 2m")).toBe("K7PQ2M");
    expect(normalizeJoinCode(" k7-pq-2m ")).toBe("K7PQ2M");
    expect(normalizeJoinCode("K7PQ2M")).toBe("K7PQ2M");
    expect(normalizeJoinCode("")).toBe("");
  });
});
