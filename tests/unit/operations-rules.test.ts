import { describe, expect, it } from "vitest";
import { forfeitKind } from "@/lib/arena/engine/record";
import { archiveVersionProblem, insertionOrder, restorePlan } from "@/lib/operations/rules";
import { statementKind } from "@/lib/platform/metrics";

describe("the order tables are filled in", () => {
  it("puts every table after those it refers to, whatever order they come in, and leaves a table's references to itself", () => {
    const references = [
      { from: "BallotPick", to: "Ballot", column: "ballotId" },
      { from: "BallotPick", to: "Team", column: "teamId" },
      { from: "Ballot", to: "Edition", column: "editionId" },
      { from: "Team", to: "Edition", column: "editionId" },
      { from: "Topic", to: "Topic", column: "mergedIntoId" },
      { from: "Topic", to: "Edition", column: "editionId" },
    ];
    const order = insertionOrder(["BallotPick", "Topic", "Team", "Ballot", "Edition", "Setting"], references);
    expect(order).toHaveLength(6);
    for (const r of references.filter((r) => r.from !== r.to)) expect(order.indexOf(r.to), `${r.from} after ${r.to}`).toBeLessThan(order.indexOf(r.from));
  });

  it("refuses a cycle between tables rather than loop", () => {
    expect(() =>
      insertionOrder(
        ["A", "B"],
        [
          { from: "A", to: "B", column: "b" },
          { from: "B", to: "A", column: "a" },
        ],
      ),
    ).toThrow(/cycle/);
  });
});

describe("which archives and targets a restore takes", () => {
  const build = ["1_init", "2_votes", "3_arena"];
  it("reads its own format and older, says to upgrade for a newer one", () => {
    expect(archiveVersionProblem(1)).toBeNull();
    expect(archiveVersionProblem(2)).toMatch(/newer Hexathon \(archive format 2; this one reads up to 1\)/);
    for (const odd of [0, -1, 1.5, "1", null, undefined]) expect(archiveVersionProblem(odd)).toMatch(/no format version/);
  });

  it("migrates an empty target to the archive's schema first, and the rest after", () => {
    expect(restorePlan(build, build, [])).toEqual({ ok: true, migrateFirst: build });
    expect(restorePlan(build.slice(0, 2), build, [])).toEqual({ ok: true, migrateFirst: build.slice(0, 2) });
    expect(restorePlan(build, build, build)).toEqual({ ok: true, migrateFirst: [] });
  });

  it("refuses a newer schema, a foreign history, and a target made by another version", () => {
    expect(restorePlan([...build, "4_future"], build, [])).toMatchObject({ ok: false, problem: expect.stringMatching(/newer Hexathon.*4_future/) });
    expect(restorePlan(["1_init", "3_arena"], build, [])).toMatchObject({ ok: false, problem: expect.stringMatching(/same order/) });
    expect(restorePlan(build.slice(0, 2), build, build)).toMatchObject({ ok: false, problem: expect.stringMatching(/another version/) });
  });
});

describe("bounded metric labels", () => {
  it("names a statement by its first word", () => {
    expect(statementKind('SELECT "id" FROM "User"')).toBe("select");
    expect(statementKind("  insert into x values (1)")).toBe("insert");
    expect(statementKind("WITH a AS (SELECT 1) UPDATE t SET x = 1")).toBe("update");
    expect(statementKind("PRAGMA foreign_keys = OFF")).toBe("other");
    expect(statementKind("")).toBe("other");
  });

  it("names a forfeit by its kind, not its sentence", () => {
    expect(forfeitKind("exceeded 50 ms")).toBe("time");
    expect(forfeitKind("exceeded the match time budget of 2000 ms")).toBe("time");
    expect(forfeitKind("ran out of memory (16 MB)")).toBe("memory");
    expect(forfeitKind("threw TypeError: x is undefined")).toBe("threw");
    expect(forfeitKind("played 7, a full column")).toBe("illegal");
    expect(forfeitKind("returned nothing instead of a move")).toBe("no_move");
    expect(forfeitKind("failed to load: boom")).toBe("engine");
  });
});
