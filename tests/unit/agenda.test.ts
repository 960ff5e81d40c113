import { describe, expect, it } from "vitest";
import { agendaStatuses, formatCountdown, nextMilestone, type AgendaEntry } from "@/lib/editions/rules";
import { translate } from "@/lib/platform/i18n";
import { msg } from "@/lib/platform/messages";

const en = (text: string) => translate(text, "en");

const at = (hhmm: string, day = "2020-01-16") => new Date(`${day}T${hhmm}:00Z`);
const item = (id: string, startsAt: Date, endsAt: Date | null = null): AgendaEntry => ({ id, title: id, startsAt, endsAt });

// Thursday of a hackathon (in UTC for readability)
const breakfast = item("breakfast", at("08:00"), at("09:00"));
const kickoff = item("kickoff", at("09:00")); // no end: until lunch
const lunch = item("lunch", at("12:00"), at("13:00"));
const pizzas = item("pizzas", at("19:00")); // the last item, without an end: lasts an hour
const thursday = [breakfast, kickoff, lunch, pizzas];

const statusesAt = (now: Date, items = thursday) => Object.fromEntries(agendaStatuses(items, now));

describe("agendaStatuses", () => {
  it("before anything starts, marks the first item next and the rest later", () => {
    expect(statusesAt(at("07:00"))).toEqual({ breakfast: "next", kickoff: "later", lunch: "later", pizzas: "later" });
  });

  it("marks an item happening now from its start (inclusive)", () => {
    expect(statusesAt(at("08:00"))).toEqual({ breakfast: "now", kickoff: "next", lunch: "later", pizzas: "later" });
  });

  it("ends an item with an end time at that end (exclusive)", () => {
    expect(statusesAt(new Date(at("09:00").getTime() - 1)).breakfast).toBe("now");
    expect(statusesAt(at("09:00"))).toEqual({ breakfast: "past", kickoff: "now", lunch: "next", pizzas: "later" });
  });

  it("keeps an item without an end going until the next item starts", () => {
    expect(statusesAt(at("11:59")).kickoff).toBe("now");
    expect(statusesAt(at("12:00"))).toEqual({ breakfast: "past", kickoff: "past", lunch: "now", pizzas: "next" });
  });

  it("shows nothing as now in a gap between items, and the following one as next", () => {
    expect(statusesAt(at("15:00"))).toEqual({ breakfast: "past", kickoff: "past", lunch: "past", pizzas: "next" });
  });

  it("gives the last item without an end one hour", () => {
    expect(statusesAt(at("19:59")).pizzas).toBe("now");
    expect(statusesAt(at("20:00")).pizzas).toBe("past");
  });

  it("marks everything past once the day is over, with no next item", () => {
    expect(statusesAt(at("09:00", "2020-01-17"))).toEqual({ breakfast: "past", kickoff: "past", lunch: "past", pizzas: "past" });
  });

  it("sorts the items by start itself", () => {
    expect(statusesAt(at("09:30"), [pizzas, lunch, kickoff, breakfast])).toEqual({
      breakfast: "past",
      kickoff: "now",
      lunch: "next",
      pizzas: "later",
    });
  });

  it("lets overlapping items both be now", () => {
    const hacking = item("hacking", at("09:00"), at("16:00", "2020-01-17"));
    const riddle = item("riddle", at("14:00"), at("14:30"));
    expect(statusesAt(at("14:10"), [hacking, riddle])).toEqual({ hacking: "now", riddle: "now" });
    expect(statusesAt(at("15:00"), [hacking, riddle])).toEqual({ hacking: "now", riddle: "past" });
  });

  it("runs items without an end that start together until the next different start", () => {
    const snacks = item("snacks", at("15:00"));
    const riddle = item("riddle", at("15:00"));
    const talk = item("talk", at("16:00"), at("16:30"));
    expect(statusesAt(at("15:30"), [snacks, riddle, talk])).toEqual({ snacks: "now", riddle: "now", talk: "next" });
    expect(statusesAt(at("16:00"), [snacks, riddle, talk])).toEqual({ snacks: "past", riddle: "past", talk: "now" });
  });

  it("returns an empty map for an empty agenda", () => {
    expect(agendaStatuses([], at("12:00")).size).toBe(0);
  });

  it("keeps the caller's extra fields in the type and does not reorder the input", () => {
    const items = [
      { ...pizzas, location: "Cafeteria" },
      { ...breakfast, location: "Lobby" },
    ];
    const statuses = agendaStatuses(items, at("08:30"));
    expect(statuses.get("breakfast")).toBe("now");
    expect(items.map((i) => i.id)).toEqual(["pizzas", "breakfast"]);
  });
});

describe("nextMilestone", () => {
  const edition = {
    hackingStartsAt: at("09:00", "2020-01-16"),
    presentationsStartAt: at("15:00", "2020-01-17"),
    endsAt: at("18:00", "2020-01-17"),
  };

  it("counts down to the start of hacking beforehand", () => {
    expect(nextMilestone(edition, at("08:00", "2020-01-10"))).toEqual({ label: msg("editions.milestones.hacking"), at: edition.hackingStartsAt });
  });

  it("counts down to the presentations while teams hack, from the very start", () => {
    expect(en(nextMilestone(edition, edition.hackingStartsAt)?.label ?? "")).toBe("Presentations start");
    expect(en(nextMilestone(edition, at("03:00", "2020-01-17"))?.label ?? "")).toBe("Presentations start");
  });

  it("counts down to the end during the presentations and the vote", () => {
    expect(nextMilestone(edition, at("16:00", "2020-01-17"))).toEqual({ label: msg("editions.milestones.end"), at: edition.endsAt });
    expect(translate(msg("editions.milestones.end"), "en")).toBe("The hackathon ends");
  });

  it("has nothing left to count down to once the hackathon has ended", () => {
    expect(nextMilestone(edition, edition.endsAt)).toBeNull();
    expect(nextMilestone(edition, at("09:00", "2021-01-01"))).toBeNull();
  });
});

describe("formatCountdown", () => {
  const s = 1000;
  const min = 60 * s;
  const h = 60 * min;
  const d = 24 * h;

  it.each([
    [0, "00:00"],
    [5 * min, "05:00"],
    [59 * min + 59 * s, "59:59"],
    [h, "01:00:00"],
    [2 * h + 3 * min + 4 * s, "02:03:04"],
    [23 * h + 59 * min + 59 * s, "23:59:59"],
    [d, "1 d 00:00:00"],
    [d + 2 * h + 3 * min + 4 * s, "1 d 02:03:04"],
    [12 * d + 5 * s, "12 d 00:00:05"],
  ])("shows %d ms as %s", (ms, shown) => {
    expect(formatCountdown(ms)).toBe(shown);
  });

  it("shows 00:00 once the time is up, never a negative countdown", () => {
    expect(formatCountdown(-1)).toBe("00:00");
    expect(formatCountdown(-5 * min)).toBe("00:00");
  });

  it("shows the five-minute presentation timer counting down second by second", () => {
    expect([300_000, 299_000, 240_000, 60_000, 59_000, 1_000].map(formatCountdown)).toEqual(["05:00", "04:59", "04:00", "01:00", "00:59", "00:01"]);
  });
});
