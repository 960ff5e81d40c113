import { describe, expect, it } from "vitest";
import {
  checkBallot,
  describeTieBreak,
  makeJoinCode,
  normalizeJoinCode,
  placeLabel,
  pointsFor,
  rankTeams,
  sharedPlaceNote,
  tally,
  tieBreakChain,
  tieBreakRule,
  type StoredBallot,
  type TeamTally,
  type VoteRules,
} from "@/lib/votes/rules";
import { expectDomainErrorThrown } from "../helpers/expect-domain-error";
import { translate } from "@/lib/platform/i18n";

/** lib's message in English, as the organizers' page shows it to an English reader. */
const en = (text: string) => translate(text, "en");

const RANKED: VoteRules = { method: "RANKED", picks: 3 };
const APPROVAL: VoteRules = { method: "APPROVAL", picks: 3 };
const TEAMS = new Set(["a", "b", "c", "d", "e"]);

/** The error `run` throws, expected to be a DomainError. */

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
    const error = expectDomainErrorThrown(() => checkBallot([], RANKED, TEAMS), "INVALID", "Pick at least one team.");
    expect(error.field).toBe("teamIds");
  });

  it("refuses more picks than the rules allow, saying how many", () => {
    expectDomainErrorThrown(() => checkBallot(["a", "b", "c", "d"], RANKED, TEAMS), undefined, "Pick at most 3 teams.");
    expectDomainErrorThrown(() => checkBallot(["a", "b"], { method: "APPROVAL", picks: 1 }, TEAMS), undefined, "Pick at most 1 team.");
  });

  it("refuses the same team picked twice", () => {
    expectDomainErrorThrown(() => checkBallot(["a", "b", "a"], RANKED, TEAMS), "INVALID", "Each team can be picked only once.");
  });

  it("refuses a team that isn't in this vote", () => {
    expectDomainErrorThrown(() => checkBallot(["a", "zz"], RANKED, TEAMS), "INVALID", "One of the teams picked is not in this vote.");
  });

  it("refuses a vote for the voter's own team", () => {
    expectDomainErrorThrown(() => checkBallot(["b", "c"], RANKED, TEAMS, "c"), "INVALID", "You can't vote for your own team.");
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
    expect([...result.values()].map((t) => [t.teamId, t.audiencePoints])).toEqual([
      ["a", 2],
      ["b", 1],
      ["c", 2],
    ]);
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
    const ranked = rankTeams(
      [row("a", 10), row("b", 8), row("c", 3)],
      new Map([
        ["b", 5],
        ["c", 1],
      ]),
      EVEN,
    );
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
    const ranked = rankTeams([row("c", 4, [1, 0, 1]), row("b", 9, [2, 1, 1]), row("a", 9, [2, 1, 1]), row("d", 1, [0, 0, 1])], NO_BONUS, EVEN);
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

describe("equal totals: the tie-break chain and what decided", () => {
  it("puts more audience points first when the bonus made the totals equal, and says so", () => {
    // a: 10 audience + 5 bonus, b: 12 audience + 3 bonus: both 15; a has more first-place votes, but the room gave b more points
    const ranked = rankTeams(
      [row("a", 10, [2, 2, 0]), row("b", 12, [0, 6, 0])],
      new Map([
        ["a", 5],
        ["b", 3],
      ]),
      EVEN,
    );
    expect(ranked.map((r) => [r.teamId, r.total, r.place, r.tied])).toEqual([
      ["b", 15, 1, false],
      ["a", 15, 2, false],
    ]);
    expect(ranked[0].tieBreak).toEqual({ overTeamIds: ["a"], rule: "AUDIENCE_POINTS", rank: null, ahead: 12, behind: 10 });
    expect(ranked[1].tieBreak).toBeNull();
    expect(en(describeTieBreak(ranked[0].tieBreak!, ["Snake Case"]))).toBe("Ahead of Snake Case on audience points: 12 to 10");
  });

  it("breaks a three-way tie on the podium down the chain, each place reporting the rule that decided", () => {
    // all three 6 points: c was first twice, a once (and second once), b once (and third twice)
    const ranked = rankTeams([row("a", 6, [1, 1, 1]), row("b", 6, [1, 0, 3]), row("c", 6, [2, 0, 0]), row("d", 2, [0, 1, 0])], NO_BONUS, EVEN);
    expect(ranked.map((r) => [r.teamId, r.total, r.place, r.tied])).toEqual([
      ["c", 6, 1, false],
      ["a", 6, 2, false],
      ["b", 6, 3, false],
      ["d", 2, 4, false],
    ]);
    expect(ranked.map((r) => r.tieBreak)).toEqual([
      { overTeamIds: ["a"], rule: "PLACE_VOTES", rank: 1, ahead: 2, behind: 1 },
      { overTeamIds: ["b"], rule: "PLACE_VOTES", rank: 2, ahead: 1, behind: 0 },
      null, // d has fewer points: nothing to break
      null,
    ]);
    expect(en(describeTieBreak(ranked[0].tieBreak!, ["Snake Case"]))).toBe("Ahead of Snake Case on first-place votes: 2 to 1");
    expect(en(describeTieBreak(ranked[1].tieBreak!, ["Byte Me"]))).toBe("Ahead of Byte Me on second-place votes: 1 to 0");
  });

  it("shares the place when a three-way tie is equal on the whole chain, with no rule reported", () => {
    const ranked = rankTeams([row("a", 6, [1, 1, 1]), row("b", 6, [1, 1, 1]), row("c", 6, [1, 1, 1]), row("d", 1, [0, 0, 1])], NO_BONUS, EVEN);
    expect(ranked.map((r) => [r.teamId, r.place, r.tied, r.tieBreak])).toEqual([
      ["a", 1, true, null],
      ["b", 1, true, null],
      ["c", 1, true, null],
      ["d", 4, false, null],
    ]);
  });

  it("reports the rule on every team of a shared place ahead of the next, naming all the teams it is ahead of", () => {
    // a and b share first (equal on everything); c has the same total but fewer first-place votes; d and e share fourth
    const ranked = rankTeams(
      [row("c", 6, [0, 3, 0]), row("a", 6, [1, 1, 1]), row("b", 6, [1, 1, 1]), row("d", 3, [1, 0, 0]), row("e", 3, [1, 0, 0])],
      NO_BONUS,
      EVEN,
    );
    expect(ranked.map((r) => [r.teamId, r.place, r.tied])).toEqual([
      ["a", 1, true],
      ["b", 1, true],
      ["c", 3, false],
      ["d", 4, true],
      ["e", 4, true],
    ]);
    expect(ranked[0].tieBreak).toEqual({ overTeamIds: ["c"], rule: "PLACE_VOTES", rank: 1, ahead: 1, behind: 0 });
    expect(ranked[1].tieBreak).toEqual(ranked[0].tieBreak);
    expect(ranked[2].tieBreak).toBeNull(); // 6 against 3: the points decided
    expect(en(describeTieBreak({ overTeamIds: ["d", "e"], rule: "PLACE_VOTES", rank: 3, ahead: 4, behind: 2 }, ["Byte Me", "Snake Case"]))).toBe(
      "Ahead of Byte Me and Snake Case on third-place votes: 4 to 2",
    );
  });

  it("never lets the team id decide: teams are equal or a rule of the chain tells them apart", () => {
    const ranked = rankTeams([row("z", 5, [1, 1, 0]), row("a", 5, [1, 1, 0])], NO_BONUS, EVEN);
    expect(ranked.every((r) => r.place === 1 && r.tied && r.tieBreak === null)).toBe(true);
  });

  it("describes the chain of the vote's rules, and a shared place", () => {
    expect(tieBreakChain(RANKED).map(en)).toEqual(["audience points", "first-place votes", "second-place votes", "third-place votes"]);
    expect(tieBreakChain({ method: "RANKED", picks: 1 }).map(en)).toEqual(["audience points", "first-place votes"]);
    // approval picks all count as "first", so their count is the audience points: the chain is just those
    expect(tieBreakChain(APPROVAL).map(en)).toEqual(["audience points"]);
    expect(en(tieBreakRule(RANKED))).toBe(
      "Equal totals are decided by more audience points, then more first-place votes, then more second-place votes, then more third-place votes; teams equal on all of these share the place.",
    );
    expect(en(sharedPlaceNote(RANKED))).toBe("A shared place: equal on points, audience points, first-place votes, second-place votes and third-place votes.");
    expect(en(sharedPlaceNote(APPROVAL))).toBe("A shared place: equal on points and audience points.");
    // and in French, ordinals in words
    expect(translate(sharedPlaceNote(RANKED), "fr")).toBe(
      "Place partagée\u00a0: à égalité de points, points du public, votes de première place, votes de deuxième place et votes de troisième place.",
    );
    expect(translate(tieBreakRule({ method: "RANKED", picks: 1 }), "fr")).toBe(
      "Les totaux égaux sont départagés par plus de points du public, puis plus de votes de première place\u00a0; les équipes égales sur tous ces critères partagent la place.",
    );
  });

  it("names places as people write them, a shared one with '='", () => {
    expect([1, 2, 3, 4, 11, 12, 13, 21, 22, 103].map((p) => placeLabel(p, false))).toEqual([
      "1st",
      "2nd",
      "3rd",
      "4th",
      "11th",
      "12th",
      "13th",
      "21st",
      "22nd",
      "103rd",
    ]);
    expect(placeLabel(2, true)).toBe("=2nd");
  });
});
