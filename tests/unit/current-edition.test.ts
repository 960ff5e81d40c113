import { describe, expect, it } from "vitest";
import {
  editionLinks,
  isActiveEdition,
  pickActiveEditions,
  pickCurrentEdition,
  rankEditions,
  splitCurrentAndActive,
  PHASES,
  type Phase,
} from "@/lib/editions/rules";

const edition = (number: number, phase: Phase, presentations = `2030-01-${String(number).padStart(2, "0")}T15:00:00Z`) => ({
  number,
  phase,
  presentationsStartAt: new Date(presentations),
});
const numbers = (editions: { number: number }[]) => editions.map((e) => e.number);
const current = (...editions: ReturnType<typeof edition>[]) => pickCurrentEdition(editions)?.number ?? null;

describe("the current edition", () => {
  it("is the live one, not the newest: 0x0B opening for proposals during 0x09's final leaves 0x09 current", () => {
    for (const live of ["HACKING", "PRESENTATIONS", "VOTING"] as const) {
      expect(current(edition(7, "ARCHIVED"), edition(9, live), edition(11, "PROPOSALS_OPEN")), live).toBe(9);
      expect(current(edition(9, live), edition(11, "TEAMS_FORMING")), live).toBe(9);
    }
  });

  it("of several live editions, is the one furthest along: voting, then presentations, then hacking", () => {
    expect(current(edition(9, "HACKING"), edition(10, "PRESENTATIONS"))).toBe(10);
    expect(current(edition(9, "VOTING"), edition(10, "PRESENTATIONS"))).toBe(9);
    expect(current(edition(10, "HACKING"), edition(9, "VOTING"), edition(11, "PRESENTATIONS"))).toBe(9);
  });

  it("of live editions in the same phase, is the one presenting first, then the older", () => {
    expect(current(edition(9, "HACKING", "2030-03-01T15:00:00Z"), edition(10, "HACKING", "2030-02-01T15:00:00Z"))).toBe(10);
    expect(current(edition(10, "HACKING", "2030-02-01T15:00:00Z"), edition(9, "HACKING", "2030-02-01T15:00:00Z"))).toBe(9);
    // dates as the data cache gives them back (ISO strings) compare the same
    expect(
      pickCurrentEdition([
        { number: 9, phase: "HACKING", presentationsStartAt: "2030-03-01T15:00:00.000Z" },
        { number: 10, phase: "HACKING", presentationsStartAt: "2030-02-01T15:00:00.000Z" },
      ])?.number,
    ).toBe(10);
  });

  it("with nothing live, is the newest taking proposals or forming teams, ahead of any closed one", () => {
    expect(current(edition(9, "CLOSED"), edition(10, "PROPOSALS_OPEN"))).toBe(10);
    expect(current(edition(10, "TEAMS_FORMING"), edition(11, "PROPOSALS_OPEN"), edition(12, "ARCHIVED"))).toBe(11);
  });

  it("with nothing under way, is the newest closed or archived: the latest results", () => {
    expect(current(edition(7, "ARCHIVED"), edition(8, "CLOSED"))).toBe(8);
    expect(current(edition(8, "CLOSED"), edition(9, "ARCHIVED"))).toBe(9);
  });

  it("is never a draft for readers; for organizers only when there is nothing else", () => {
    expect(current(edition(9, "ARCHIVED"), edition(10, "DRAFT"))).toBe(9);
    expect(current(edition(10, "DRAFT"))).toBeNull();
    expect(pickCurrentEdition([edition(9, "ARCHIVED"), edition(10, "DRAFT")], { includeDrafts: true })?.number).toBe(9);
    expect(pickCurrentEdition([edition(1, "DRAFT"), edition(2, "DRAFT")], { includeDrafts: true })?.number).toBe(2);
    expect(current()).toBeNull();
  });

  it("ranks every edition, whatever the order it comes in", () => {
    const all = [
      edition(3, "DRAFT"),
      edition(4, "ARCHIVED"),
      edition(5, "CLOSED"),
      edition(6, "TEAMS_FORMING"),
      edition(7, "HACKING"),
      edition(8, "PROPOSALS_OPEN"),
      edition(9, "VOTING"),
    ];
    expect(numbers(rankEditions(all))).toEqual([9, 7, 8, 6, 5, 4]);
    expect(numbers(rankEditions([...all].reverse(), { includeDrafts: true }))).toEqual([9, 7, 8, 6, 5, 4, 3]);
  });
});

describe("the active editions", () => {
  it("are those from proposals to voting", () => {
    expect(PHASES.filter((phase) => isActiveEdition({ phase }))).toEqual(["PROPOSALS_OPEN", "TEAMS_FORMING", "HACKING", "PRESENTATIONS", "VOTING"]);
  });

  it("come in the order of the rule, the current one first", () => {
    const editions = [edition(8, "ARCHIVED"), edition(11, "PROPOSALS_OPEN"), edition(9, "PRESENTATIONS"), edition(10, "DRAFT"), edition(12, "CLOSED")];
    expect(numbers(pickActiveEditions(editions))).toEqual([9, 11]);
  });

  it("the home page: the current edition, and every other active one", () => {
    const both = splitCurrentAndActive([edition(9, "PRESENTATIONS"), edition(11, "PROPOSALS_OPEN"), edition(8, "ARCHIVED")]);
    expect(both.current?.number).toBe(9);
    expect(numbers(both.otherActive)).toEqual([11]);
    // nothing active: the latest results, and nothing else to link
    const none = splitCurrentAndActive([edition(8, "ARCHIVED"), edition(9, "CLOSED")]);
    expect([none.current?.number, none.otherActive]).toEqual([9, []]);
    // a draft is never "also open", even for organizers
    const organizer = splitCurrentAndActive([edition(9, "HACKING"), edition(10, "DRAFT")], { includeDrafts: true });
    expect([organizer.current?.number, numbers(organizer.otherActive)]).toEqual([9, []]);
    expect(splitCurrentAndActive([])).toEqual({ current: null, otherActive: [] });
  });
});

describe("editionLinks", () => {
  const reader = (role: "EMPLOYEE" | "JUDGE" | "ORGANIZER") => ({ id: "u1", role });
  const rests = (phase: string, who: ReturnType<typeof reader> | null) => editionLinks({ phase }, who).map((l) => l.rest);

  it("shows what is worth following in this phase", () => {
    expect(rests("DRAFT", null)).toEqual([]);
    expect(rests("PROPOSALS_OPEN", null)).toEqual(["/challenges"]);
    expect(rests("HACKING", reader("EMPLOYEE"))).toEqual(["/challenges", "/live", "/judging"]);
    expect(rests("CLOSED", reader("EMPLOYEE"))).toEqual(["/challenges", "/judging"]);
    expect(rests("VOTING", null)).toEqual(["/challenges", "/live"]);
    expect(rests("CLOSED", null)).toEqual(["/challenges"]);
    expect(rests("ARCHIVED", reader("EMPLOYEE"))).toEqual([]);
  });

  it("adds each reader's own tools: the jury's vote, judging, the organizer's controls", () => {
    expect(rests("PRESENTATIONS", reader("JUDGE"))).toEqual(["/challenges", "/live", "/jury", "/judging"]);
    expect(rests("PRESENTATIONS", reader("ORGANIZER"))).toEqual([
      "/challenges",
      "/live",
      "/stage",
      "/vote",
      "/prizes",
      "/judging",
      "/notifications",
      "/report",
      "/manage",
    ]);
    expect(rests("ARCHIVED", reader("ORGANIZER"))).toEqual(["/stage", "/vote", "/prizes", "/judging", "/notifications", "/report", "/manage"]);
  });
});
