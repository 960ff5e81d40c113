import * as openskill from "openskill";
import { describe, expect, it } from "vitest";
import { headToHead, pointsFromPlaces, ratings, roundRobinSchedule, standings } from "@/lib/arena/engine/standings";
import { seededRandom } from "@/lib/platform/random";

const teams = [
  { id: "a", name: "Alpha" },
  { id: "b", name: "Beta" },
  { id: "c", name: "Gamma" },
];
const m = (number: number, teamAId: string, teamBId: string, winner: number | null, winsA = 0, winsB = 0) => ({
  number,
  teamAId,
  teamBId,
  winner,
  winsA,
  winsB,
});

describe("tournament standings", () => {
  const matches = [m(0, "a", "b", 0, 60, 40), m(1, "b", "c", null, 50, 50), m(2, "c", "a", 1, 10, 90), m(3, "a", "b", null, 45, 45)];

  it("gives 3 points a win, 1 a draw, and counts wins, draws, losses and rounds", () => {
    const [first, second, third] = standings(teams, matches);
    expect(first).toMatchObject({ name: "Alpha", played: 3, won: 2, drawn: 1, lost: 0, matchPoints: 7, roundsWon: 195, roundsLost: 95, place: 1 });
    expect(second).toMatchObject({ name: "Beta", matchPoints: 2 });
    expect(third).toMatchObject({ name: "Gamma", matchPoints: 1 });
  });

  it("breaks ties by rounds won minus lost, and shares a place when still equal", () => {
    const rows = standings(teams.slice(0, 2), [m(0, "a", "b", null, 30, 30)]);
    expect(rows.map((r) => r.place)).toEqual([1, 1]);
    expect(pointsFromPlaces(rows, [10, 7])).toEqual(
      new Map([
        ["a", 10],
        ["b", 10],
      ]),
    );
  });

  it("counts forfeits, a bye as a win's points, and gives nobody a point when both sides forfeit", () => {
    const rows = standings(
      teams,
      [
        { ...m(0, "a", "b", 0, 3, 0), forfeitB: "round 3: exceeded 50 ms" },
        { ...m(1, "b", "c", null, 0, 0), forfeitA: "round 0: threw Error: x", forfeitB: "round 0: ran out of memory (32 MB)" },
      ],
      ["c"],
    );
    expect(rows.map((r) => [r.name, r.matchPoints, r.won, r.lost, r.forfeits, r.byes])).toEqual([
      ["Alpha", 3, 1, 0, 0, 0],
      ["Gamma", 3, 0, 1, 1, 1],
      ["Beta", 0, 0, 2, 2, 0],
    ]);
  });

  it("tells each pair's record in the head-to-head matrix", () => {
    const matrix = headToHead(matches);
    expect(matrix.get("a")?.get("b")).toEqual({ won: 1, drawn: 1, lost: 0 });
    expect(matrix.get("b")?.get("a")).toEqual({ won: 0, drawn: 1, lost: 1 });
  });

  it("rates teams with their uncertainty, the same way every time", () => {
    const once = ratings(["a", "b", "c"], matches, openskill);
    const again = ratings(["a", "b", "c"], [...matches].reverse(), openskill);
    expect(again).toEqual(once); // processed in schedule order whatever the input order
    const [a, , c] = once;
    expect(a.mu).toBeGreaterThan(c.mu);
    expect(a.sigma).toBeLessThan(25 / 3); // played matches make it surer than a newcomer
  });

  it("schedules every pair, sides alternating, each match with its own seed from the tournament's", () => {
    const schedule = roundRobinSchedule(["a", "b", "c"], 2, seededRandom(5));
    expect(schedule.map((s) => `${s.a}${s.b}`)).toEqual(["ab", "ba", "ac", "ca", "bc", "cb"]);
    expect(new Set(schedule.map((s) => s.seed)).size).toBe(6);
    expect(roundRobinSchedule(["a", "b", "c"], 2, seededRandom(5))).toEqual(schedule);
  });
});
