import { describe, expect, it } from "vitest";
import type { z } from "zod";
import {
  MAX_ANSWER_LENGTH,
  MAX_WRONG_ANSWERS,
  WRONG_ANSWER_COOLDOWN_MS,
  allowedPointRange,
  answerMatches,
  assertMayAnswer,
  canSeeChallenge,
  challengePoints,
  challengeState,
  normalizeAnswer,
  parseRankPoints,
  rankSolves,
  type Gate,
  type SolveLike,
} from "@/lib/challenges/rules";
import { answerSchema, challengeSchema, scoreSchema } from "@/lib/challenges/schemas";
import { expectDomainErrorThrown } from "../helpers/expect-domain-error";
import { translate } from "@/lib/platform/i18n";

/** The error `run` throws, expected to be a DomainError. */

/** The messages of a failed parse, keyed by field path ("" for the form as a whole). */
function errorsOf(schema: z.ZodType, input: unknown): Record<string, string[]> {
  const result = schema.safeParse(input);
  if (result.success) throw new Error(`expected ${JSON.stringify(input)} to be refused`);
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[issue.path.join(".")] ??= []).push(translate(issue.message, "en"));
  return errors;
}

const at = (iso: string) => new Date(iso);
const solve = (teamId: string, iso: string): SolveLike => ({ teamId, solvedAt: at(iso) });

// ---- answers -----------------------------------------------------------------------

describe("comparing an answer with the accepted answers", () => {
  // The DOMAIN.md riddle: 91 employees in a circle… how many women? 15.
  const CIRCLE = ["15"];

  it("accepts the circle riddle's 15 however the number is typed", () => {
    for (const given of ["15", "15.0", " 15 ", "+15", "15,0", "015", "15.", "15!", "  15\n", "１５"]) {
      expect(answerMatches(given, CIRCLE), JSON.stringify(given)).toBe(true);
    }
  });

  it("refuses other numbers, a number in words and a number with words around it", () => {
    for (const given of ["16", "1.5", "150", "-15", "fifteen", "15 women", "1e1", "0x0F", "15 16"]) {
      expect(answerMatches(given, CIRCLE), JSON.stringify(given)).toBe(false);
    }
  });

  it("accepts 'fifteen' only once an organizer lists it as an alternative spelling", () => {
    expect(answerMatches("fifteen", CIRCLE)).toBe(false);
    expect(answerMatches("Fifteen!", ["15", "fifteen", "quinze"])).toBe(true);
    expect(answerMatches("QUINZE", ["15", "fifteen", "quinze"])).toBe(true);
    expect(answerMatches("15.00", ["15", "fifteen", "quinze"])).toBe(true);
  });

  it("ignores case, accents, surrounding spaces and punctuation in words", () => {
    const accepted = ["Élan vital"];
    for (const given of ["elan vital", "  ÉLAN-VITAL! ", "élan, vital.", "Elan   vital", "«élan vital»", "e\u0301lan vital"]) {
      expect(answerMatches(given, accepted), JSON.stringify(given)).toBe(true);
    }
    expect(answerMatches("elanvital", accepted)).toBe(false);
    expect(answerMatches("elan vitale", accepted)).toBe(false);
  });

  it("normalizes an answer the way the comparison sees it", () => {
    expect(normalizeAnswer("  Élan-Vital! ")).toEqual({ text: "elan vital", number: null });
    expect(normalizeAnswer("L'Été")).toEqual({ text: "l ete", number: null });
    expect(normalizeAnswer("ﬁfteen")).toEqual({ text: "fifteen", number: null });
    expect(normalizeAnswer(" +15 ")).toEqual({ text: "+15", number: 15 });
    expect(normalizeAnswer("15.0")).toEqual({ text: "15.0", number: 15 });
  });

  it("reads thousands grouped with a space or a comma, and a decimal comma", () => {
    expect(normalizeAnswer("1 000").number).toBe(1000);
    expect(normalizeAnswer("1,000").number).toBe(1000);
    expect(normalizeAnswer("1 000 000").number).toBe(1_000_000);
    expect(normalizeAnswer("12,345,678").number).toBe(12_345_678);
    expect(normalizeAnswer("1,5").number).toBe(1.5);
    expect(normalizeAnswer("1,50").number).toBe(1.5);
    expect(answerMatches("1 000", ["1000"])).toBe(true);
    expect(answerMatches("1,000", ["1000"])).toBe(true);
    expect(answerMatches("1,000", ["1 000"])).toBe(true);
    expect(answerMatches("1,5", ["1.5"])).toBe(true);
    expect(answerMatches("1,5", ["15"])).toBe(false);
    expect(answerMatches("1,000", ["1"])).toBe(false);
  });

  it("doesn't guess at groupings that aren't thousands", () => {
    expect(normalizeAnswer("12 34").number).toBeNull();
    expect(normalizeAnswer("1 0000").number).toBeNull();
    expect(normalizeAnswer("1,000.5").number).toBeNull();
    expect(answerMatches("12 34", ["1234"])).toBe(false);
  });

  it("keeps the sign of a negative number, also when typed with a typographic minus", () => {
    expect(normalizeAnswer("-3").number).toBe(-3);
    expect(normalizeAnswer("-1,000").number).toBe(-1000);
    expect(answerMatches("-3", ["-3"])).toBe(true);
    expect(answerMatches("-3", ["3"])).toBe(false);
    expect(answerMatches("3", ["-3"])).toBe(false);
    expect(answerMatches("−3", ["-3"])).toBe(true); // U+2212, as pasted from a document
    expect(answerMatches("–15", ["15"])).toBe(false); // an en dash, as autocorrect types it
    expect(answerMatches("-2.5", ["-2,5"])).toBe(true);
  });

  it("reads a number without its leading zero as the number it is: '.5' is a half, not 5", () => {
    expect(normalizeAnswer(".5").number).toBe(0.5);
    expect(answerMatches(".5", ["0.5"])).toBe(true);
    expect(answerMatches(",5", ["0,5"])).toBe(true);
    expect(answerMatches("-.5", ["-0.5"])).toBe(true);
    expect(answerMatches(".5", ["5"])).toBe(false);
  });

  it("keeps the dash between words or numbers as a separator, not a sign", () => {
    expect(normalizeAnswer("15-20")).toEqual({ text: "15 20", number: null });
    expect(answerMatches("15-20", ["15"])).toBe(false);
    expect(answerMatches("15–20", ["15 20"])).toBe(true);
  });

  it("never accepts an empty answer, even against an empty accepted answer", () => {
    for (const given of ["", "   ", "?!", "...", "- -"]) {
      expect(answerMatches(given, ["15", "", "   ", "?!"]), JSON.stringify(given)).toBe(false);
    }
  });

  it("never matches an accepted answer that is only punctuation or spaces", () => {
    expect(answerMatches("anything", ["", " ", "!!!"])).toBe(false);
    expect(answerMatches("15", ["???"])).toBe(false);
    expect(answerMatches("15", ["???", "15"])).toBe(true);
  });

  it("accepts any of several accepted answers, numbers and words alike", () => {
    const accepted = ["Laws of the Universe", "42"];
    expect(answerMatches("laws of the universe", accepted)).toBe(true);
    expect(answerMatches("42.0", accepted)).toBe(true);
    expect(answerMatches("43", accepted)).toBe(false);
    expect(answerMatches("15", [])).toBe(false);
  });
});

// ---- when a challenge is open, and who sees it -----------------------------------------

describe("the state of a challenge", () => {
  const riddle = { opensAt: at("2030-01-16T13:00:00Z"), closesAt: at("2030-01-16T14:00:00Z"), manualState: null };

  it("is upcoming before it opens, open between its times and closed from its closing time", () => {
    expect(challengeState(riddle, at("2030-01-16T12:59:59.999Z"))).toBe("UPCOMING");
    expect(challengeState(riddle, at("2030-01-16T13:00:00Z"))).toBe("OPEN");
    expect(challengeState(riddle, at("2030-01-16T13:59:59.999Z"))).toBe("OPEN");
    expect(challengeState(riddle, at("2030-01-16T14:00:00Z"))).toBe("CLOSED");
    expect(challengeState(riddle, at("2030-01-17T00:00:00Z"))).toBe("CLOSED");
  });

  it("follows an organizer who opens it early or closes it before its time", () => {
    expect(challengeState({ ...riddle, manualState: "OPEN" }, at("2030-01-16T12:00:00Z"))).toBe("OPEN");
    expect(challengeState({ ...riddle, manualState: "OPEN" }, at("2030-01-16T15:00:00Z"))).toBe("OPEN");
    expect(challengeState({ ...riddle, manualState: "CLOSED" }, at("2030-01-16T13:30:00Z"))).toBe("CLOSED");
    expect(challengeState({ ...riddle, manualState: "CLOSED" }, at("2030-01-16T12:00:00Z"))).toBe("CLOSED");
  });
});

describe("who sees a challenge", () => {
  const hidden = { opensAt: at("2030-01-16T13:00:00Z"), closesAt: at("2030-01-16T14:00:00Z"), manualState: null, hiddenUntilOpen: true };
  const before = at("2030-01-16T12:00:00Z");
  const during = at("2030-01-16T13:30:00Z");
  const after = at("2030-01-16T15:00:00Z");

  it("hides a riddle from employees and anonymous readers until it opens", () => {
    expect(canSeeChallenge(hidden, "EMPLOYEE", before)).toBe(false);
    expect(canSeeChallenge(hidden, null, before)).toBe(false);
    for (const now of [during, after]) {
      expect(canSeeChallenge(hidden, "EMPLOYEE", now)).toBe(true);
      expect(canSeeChallenge(hidden, null, now)).toBe(true);
    }
  });

  it("always shows it to judges and organizers", () => {
    for (const role of ["JUDGE", "ORGANIZER"]) for (const now of [before, during, after]) expect(canSeeChallenge(hidden, role, now)).toBe(true);
  });

  it("shows it to everyone once an organizer opens it early", () => {
    expect(canSeeChallenge({ ...hidden, manualState: "OPEN" }, "EMPLOYEE", before)).toBe(true);
  });

  it("announces a challenge that isn't hidden before it opens", () => {
    expect(canSeeChallenge({ ...hidden, hiddenUntilOpen: false }, "EMPLOYEE", before)).toBe(true);
    expect(canSeeChallenge({ ...hidden, hiddenUntilOpen: false }, null, before)).toBe(true);
  });
});

// ---- points ------------------------------------------------------------------------

describe("points by rank as the organizer types them", () => {
  it("reads numbers separated by commas, semicolons or spaces", () => {
    expect(parseRankPoints("10, 7,5")).toEqual([10, 7, 5]);
    expect(parseRankPoints("10;7 5 , 3,1")).toEqual([10, 7, 5, 3, 1]);
    expect(parseRankPoints("  10  ")).toEqual([10]);
  });

  it("gives nothing for an empty list, drops what isn't a number, and never goes below 0", () => {
    expect(parseRankPoints("")).toEqual([]);
    expect(parseRankPoints(" , ; ")).toEqual([]);
    expect(parseRankPoints("10, abc, 5")).toEqual([10, 5]);
    expect(parseRankPoints("-3, 7.9")).toEqual([0, 7]);
  });
});

describe("ranking the correct answers by time", () => {
  const POINTS = [10, 7, 5, 3, 1];

  it("ranks by the server time of each team's correct answer, fastest first, with the points of each rank", () => {
    const ranked = rankSolves([solve("c", "2030-01-16T13:02:00Z"), solve("a", "2030-01-16T13:00:30Z"), solve("b", "2030-01-16T13:01:00Z")], POINTS);
    expect(ranked.map((r) => [r.teamId, r.rank, r.points])).toEqual([
      ["a", 1, 10],
      ["b", 2, 7],
      ["c", 3, 5],
    ]);
  });

  it("tells apart answers one millisecond apart", () => {
    const ranked = rankSolves([solve("b", "2030-01-16T13:00:00.001Z"), solve("a", "2030-01-16T13:00:00.000Z")], POINTS);
    expect(ranked.map((r) => [r.teamId, r.rank])).toEqual([
      ["a", 1],
      ["b", 2],
    ]);
  });

  it("gives teams answering in the same millisecond the same rank and points, and the next rank skips (1, 1, 3)", () => {
    const ranked = rankSolves([solve("late", "2030-01-16T13:05:00Z"), solve("x", "2030-01-16T13:00:00.123Z"), solve("y", "2030-01-16T13:00:00.123Z")], POINTS);
    expect(ranked.map((r) => [r.teamId, r.rank, r.points])).toEqual([
      ["x", 1, 10],
      ["y", 1, 10],
      ["late", 3, 5],
    ]);
  });

  it("shares a tie further down too (1, 2, 2, 4)", () => {
    const ranked = rankSolves(
      [solve("a", "2030-01-16T13:00:00Z"), solve("c", "2030-01-16T13:01:00Z"), solve("b", "2030-01-16T13:01:00Z"), solve("d", "2030-01-16T13:02:00Z")],
      POINTS,
    );
    expect(ranked.map((r) => [r.teamId, r.rank, r.points])).toEqual([
      ["a", 1, 10],
      ["b", 2, 7],
      ["c", 2, 7],
      ["d", 4, 3],
    ]);
  });

  it("gives every team of an eight-way tie the first place's points", () => {
    const teams = ["h", "c", "a", "f", "b", "e", "g", "d"];
    const ranked = rankSolves(
      teams.map((teamId) => solve(teamId, "2030-01-16T13:00:00.500Z")),
      POINTS,
    );
    expect(ranked.map((r) => r.rank)).toEqual(Array(8).fill(1));
    expect(ranked.map((r) => r.points)).toEqual(Array(8).fill(10));
    expect(ranked.map((r) => r.teamId)).toEqual([...teams].sort());
  });

  it("lists ties in the same order whatever order the answers come in", () => {
    const solves = [solve("b", "2030-01-16T13:00:00Z"), solve("a", "2030-01-16T13:00:00Z"), solve("c", "2030-01-16T12:59:00Z")];
    const forward = rankSolves(solves, POINTS);
    expect(rankSolves([...solves].reverse(), POINTS)).toEqual(forward);
    expect(rankSolves([solves[1], solves[2], solves[0]], POINTS)).toEqual(forward);
    expect(forward.map((r) => r.teamId)).toEqual(["c", "a", "b"]);
  });

  it("gives 0 points beyond the ranks that score, and doesn't change the solves it was given", () => {
    const solves = Array.from({ length: 7 }, (_, i) => solve(`t${i}`, `2030-01-16T13:0${i}:00Z`));
    const copy = structuredClone(solves);
    expect(rankSolves(solves, [10, 7, 5]).map((r) => r.points)).toEqual([10, 7, 5, 0, 0, 0, 0]);
    expect(solves).toEqual(copy);
    expect(rankSolves([], POINTS)).toEqual([]);
  });
});

describe("each team's points on a challenge", () => {
  const solves = [solve("a", "2030-01-16T13:00:00Z"), solve("b", "2030-01-16T13:01:00Z"), solve("c", "2030-01-16T13:01:00Z")];
  const RANK = { scoring: "RANK", rankPoints: "10,7,5,3,1", fixedPoints: 5 };
  const FIXED = { scoring: "FIXED", rankPoints: "10,7,5,3,1", fixedPoints: 4 };
  const JUDGE = { scoring: "JUDGE", rankPoints: "10,7,5,3,1", fixedPoints: 5 };

  it("gives points by rank of time on a speed riddle", () => {
    expect(Object.fromEntries(challengePoints(RANK, solves, []))).toEqual({ a: 10, b: 7, c: 7 });
  });

  it("gives the same fixed points to every correct team", () => {
    expect(Object.fromEntries(challengePoints(FIXED, solves, []))).toEqual({ a: 4, b: 4, c: 4 });
  });

  it("gives only what judges entered on a judged challenge, whatever was answered", () => {
    expect(challengePoints(JUDGE, solves, []).size).toBe(0);
    expect(Object.fromEntries(challengePoints(JUDGE, [], [{ teamId: "d", points: 8 }]))).toEqual({ d: 8 });
  });

  it("lets a judge's score win over the computed result, even a score of 0", () => {
    const scores = [
      { teamId: "a", points: 0 },
      { teamId: "c", points: 9 },
      { teamId: "d", points: 2 },
    ];
    expect(Object.fromEntries(challengePoints(RANK, solves, scores))).toEqual({ a: 0, b: 7, c: 9, d: 2 });
    expect(Object.fromEntries(challengePoints(FIXED, solves, scores))).toEqual({ a: 0, b: 4, c: 9, d: 2 });
  });
});

describe("the points a judge may give", () => {
  it("is 0 up to the challenge's maximum on a judged challenge", () => {
    expect(allowedPointRange({ scoring: "JUDGE", rankPoints: "10,7,5", fixedPoints: 5, maxPoints: 20 })).toEqual({ min: 0, max: 20 });
  });

  it("reaches at least the best rank's points on a speed riddle, or the fixed points, so any result can be overridden", () => {
    expect(allowedPointRange({ scoring: "RANK", rankPoints: "15,7,5", fixedPoints: 5, maxPoints: 10 })).toEqual({ min: 0, max: 15 });
    expect(allowedPointRange({ scoring: "RANK", rankPoints: "3,2,1", fixedPoints: 5, maxPoints: 10 })).toEqual({ min: 0, max: 10 });
    expect(allowedPointRange({ scoring: "FIXED", rankPoints: "10", fixedPoints: 25, maxPoints: 10 })).toEqual({ min: 0, max: 25 });
    expect(allowedPointRange({ scoring: "RANK", rankPoints: "", fixedPoints: 5, maxPoints: 4 })).toEqual({ min: 0, max: 4 });
  });
});

// ---- rate limit ----------------------------------------------------------------------

describe("the limit on wrong answers", () => {
  const now = at("2030-01-16T13:00:02.300Z"); // 14:00:02.3 in Paris (winter: UTC+1)

  it("lets a team answer that has no attempt yet, or whose cooldown is over", () => {
    expect(() => assertMayAnswer(null, now, "Europe/Paris")).not.toThrow();
    expect(() => assertMayAnswer({ wrongCount: 3, nextAt: at("2030-01-16T13:00:00Z") }, now, "Europe/Paris")).not.toThrow();
    expect(() => assertMayAnswer({ wrongCount: 3, nextAt: now }, now, "Europe/Paris")).not.toThrow();
  });

  it("says when the next try is allowed, in the edition's timezone, and in how many seconds", () => {
    const gate: Gate = { wrongCount: 1, nextAt: at("2030-01-16T13:00:10Z") };
    const error = expectDomainErrorThrown(() => assertMayAnswer(gate, now, "Europe/Paris"));
    expect(error.code).toBe("RATE_LIMITED");
    expect(translate(error.message, "en")).toBe("Not so fast: your team's next try is allowed at 14:00:10 (in 8 s).");
    expect(translate(expectDomainErrorThrown(() => assertMayAnswer(gate, now, "America/New_York")).message, "en")).toContain("at 08:00:10");
  });

  it("rounds the seconds left up, so a team is never told to retry too early", () => {
    const gate: Gate = { wrongCount: 1, nextAt: new Date(now.getTime() + 1) };
    expect(translate(expectDomainErrorThrown(() => assertMayAnswer(gate, now, "Europe/Paris")).message, "en")).toMatch(/\(in 1 s\)\.$/);
    const full: Gate = { wrongCount: 1, nextAt: new Date(now.getTime() + WRONG_ANSWER_COOLDOWN_MS) };
    expect(translate(expectDomainErrorThrown(() => assertMayAnswer(full, now, "Europe/Paris")).message, "en")).toMatch(/at 14:00:12 \(in 10 s\)\.$/);
  });

  it("refuses every further try once the team has used all its tries, even after the cooldown", () => {
    const spent: Gate = { wrongCount: MAX_WRONG_ANSWERS, nextAt: at("2030-01-16T12:00:00Z") };
    const error = expectDomainErrorThrown(() => assertMayAnswer(spent, now, "Europe/Paris"));
    expect(error.code).toBe("RATE_LIMITED");
    expect(translate(error.message, "en")).toBe(`Your team has used all its ${MAX_WRONG_ANSWERS} tries on this challenge.`);
    expect(() => assertMayAnswer({ wrongCount: MAX_WRONG_ANSWERS - 1, nextAt: spent.nextAt }, now, "Europe/Paris")).not.toThrow();
  });
});

// ---- forms ------------------------------------------------------------------------

describe("challengeSchema", () => {
  const riddle = {
    kind: "RIDDLE",
    title: "The circle",
    statement: "91 employees stand in a circle holding hands…",
    opensAt: "2030-01-16T14:00",
    closesAt: "2030-01-16T15:00",
    hiddenUntilOpen: "on",
    scoring: "RANK",
    rankPoints: "10, 7, 5",
    fixedPoints: "5",
    maxPoints: "10",
    answers: "15\nfifteen",
  };

  it("accepts a speed riddle with its accepted answers, reading numbers and the checkbox from the form", () => {
    expect(challengeSchema.parse(riddle)).toMatchObject({
      kind: "RIDDLE",
      hiddenUntilOpen: true,
      rankPoints: "10, 7, 5",
      fixedPoints: 5,
      maxPoints: 10,
      answers: "15\nfifteen",
    });
    expect(challengeSchema.parse({ ...riddle, hiddenUntilOpen: undefined }).hiddenUntilOpen).toBe(false);
  });

  it("asks a riddle for at least one accepted answer", () => {
    const message = ["A riddle needs at least one accepted answer."];
    expect(errorsOf(challengeSchema, { ...riddle, answers: "" })).toEqual({ answers: message });
    expect(errorsOf(challengeSchema, { ...riddle, answers: " \n  \n" })).toEqual({ answers: message });
  });

  it("refuses a challenge that closes before it opens, or when it opens", () => {
    expect(errorsOf(challengeSchema, { ...riddle, closesAt: "2030-01-16T13:00" })).toEqual({ closesAt: ["A challenge closes after it opens."] });
    expect(errorsOf(challengeSchema, { ...riddle, closesAt: riddle.opensAt })).toHaveProperty("closesAt");
  });

  it("has judged challenges and tournaments scored by judges", () => {
    const judged = { ...riddle, kind: "JUDGED", answers: "" };
    expect(errorsOf(challengeSchema, judged)).toEqual({
      scoring: ["Judged challenges and tournaments are scored by judges (the tournament's standings feed them)."],
    });
    expect(errorsOf(challengeSchema, { ...judged, kind: "TOURNAMENT", scoring: "FIXED" })).toHaveProperty("scoring");
    expect(challengeSchema.safeParse({ ...judged, scoring: "JUDGE" }).success).toBe(true);
    expect(challengeSchema.safeParse({ ...judged, kind: "TOURNAMENT", scoring: "JUDGE" }).success).toBe(true);
  });

  it("asks for points by rank as a list of numbers", () => {
    expect(errorsOf(challengeSchema, { ...riddle, rankPoints: "ten, seven" })).toEqual({
      rankPoints: ["Points by rank: numbers separated by commas, e.g. 10, 7, 5, 3, 1."],
    });
  });

  it("asks for a date and a time, and a kind it knows", () => {
    expect(errorsOf(challengeSchema, { ...riddle, opensAt: "tomorrow" })).toHaveProperty("opensAt", ["Opens: pick a date and a time."]);
    expect(errorsOf(challengeSchema, { ...riddle, kind: "QUIZ" })).toHaveProperty("kind", ["Pick the kind of challenge."]);
  });
});

describe("answerSchema", () => {
  it("trims the answer and asks for one when it is empty", () => {
    expect(answerSchema.parse({ answer: "  15 " })).toEqual({ answer: "15" });
    expect(errorsOf(answerSchema, { answer: "   " })).toEqual({ answer: ["Type an answer."] });
    expect(errorsOf(answerSchema, {})).toEqual({ answer: ["Type an answer."] });
  });

  it(`refuses answers longer than ${MAX_ANSWER_LENGTH} characters with the limit in the message`, () => {
    expect(answerSchema.safeParse({ answer: "x".repeat(MAX_ANSWER_LENGTH) }).success).toBe(true);
    expect(errorsOf(answerSchema, { answer: "x".repeat(MAX_ANSWER_LENGTH + 1) })).toEqual({ answer: [`Answers are at most ${MAX_ANSWER_LENGTH} characters.`] });
  });
});

describe("scoreSchema", () => {
  const valid = { teamId: "team-1", points: " 7 ", comment: "Nice bot", version: "1" };

  it("reads the points and the version the judge saw from the form", () => {
    expect(scoreSchema.parse(valid)).toEqual({ teamId: "team-1", points: 7, comment: "Nice bot", version: 1 });
    expect(scoreSchema.parse({ ...valid, points: "-2" }).points).toBe(-2); // the range is checked against the challenge
  });

  it("reads empty points as removing the judge's score", () => {
    expect(scoreSchema.parse({ ...valid, points: "  " }).points).toBeNull();
  });

  it("asks for whole points and a short comment", () => {
    expect(errorsOf(scoreSchema, { ...valid, points: "7.5" })).toEqual({ points: ["Points must be a whole number."] });
    expect(errorsOf(scoreSchema, { ...valid, points: "seven" })).toEqual({ points: ["Points must be a whole number."] });
    expect(errorsOf(scoreSchema, { ...valid, comment: "" })).toEqual({ comment: ["Comment is required."] });
    expect(errorsOf(scoreSchema, { ...valid, comment: "x" })).toEqual({ comment: ["Comment needs at least 2 characters."] });
    expect(errorsOf(scoreSchema, { ...valid, version: "-1" })).toHaveProperty("version");
  });
});
