// Calendar feeds on a real database (SQLite and PostgreSQL), read back with a
// real iCalendar parser (ical.js) as a calendar app would: the agenda of an
// edition, an updated item replacing itself (same UID, higher SEQUENCE), a
// person's own feed with their team's slot and visible challenges, and its
// secret address reset.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { addAgendaItem, updateAgendaItem } from "@/lib/editions/commands";
import { renderCalendar } from "@/lib/editions/calendar";
import { agendaCalendar, personalCalendar } from "@/lib/editions/calendars";
import { formatEditionNumber } from "@/lib/editions/rules";
import { myCalendarKey, resetCalendarKey } from "@/lib/people/commands";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";
import { addMember, makeChallenge, makeEdition, makeTeam, makeUser } from "../helpers/factories";
import { expectDomainError } from "../helpers/expect-domain-error";

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(async () => {
  await t.drop();
});

type Read = { uid: string; summary: string; start: string; sequence: number; tzid: string | null; location: string; description: string };

/** The feed's events as a calendar app reads them: wall times in the zone they name. */
function read(text: string): { zone: string; events: Read[] } {
  const calendar = new ICAL.Component(ICAL.parse(text));
  const zone = calendar.getFirstSubcomponent("vtimezone")!.getFirstPropertyValue("tzid") as string;
  const events = calendar.getAllSubcomponents("vevent").map((component) => {
    const event = new ICAL.Event(component);
    return {
      uid: event.uid,
      summary: event.summary,
      start: event.startDate.toString(),
      sequence: event.sequence,
      location: event.location,
      description: event.description,
      tzid: component.getFirstProperty("dtstart")!.getParameter("tzid") as string | null,
    };
  });
  return { zone, events };
}

describe("the edition's agenda", () => {
  it("has the milestones and items in the edition's zone; an updated item replaces itself", async () => {
    const organizer = await makeUser(t.db, "ORGANIZER");
    const edition = await makeEdition(t.db, "PROPOSALS_OPEN");
    const slug = formatEditionNumber(edition.number);
    const item = await addAgendaItem(t.db, organizer, edition.id, {
      title: "Kick-off, coffee; croissants",
      startsAt: "2030-01-16T09:30",
      endsAt: "2030-01-16T10:00",
      location: "Atrium 🎉, 2nd floor",
      description: "Welcome!\nThen teams form.",
    });
    const before = read(renderCalendar(await agendaCalendar(t.db, slug)));
    expect(before.zone).toBe("Europe/Paris");
    const kickoff = before.events.find((e) => e.summary === "Kick-off, coffee; croissants")!;
    expect(kickoff).toMatchObject({
      start: "2030-01-16T09:30:00",
      tzid: "Europe/Paris",
      location: "Atrium 🎉, 2nd floor",
      description: "Welcome!\nThen teams form.",
    });
    expect(before.events.map((e) => e.summary)).toEqual(
      expect.arrayContaining([`${slug} Test edition: hacking`, `${slug} Test edition: presentations and vote`]),
    );

    await new Promise((resolve) => setTimeout(resolve, 1100)); // SEQUENCE counts seconds
    await updateAgendaItem(t.db, organizer, item.id, { title: "Kick-off", startsAt: "2030-01-16T10:00", location: "", description: "" });
    const after = read(renderCalendar(await agendaCalendar(t.db, slug)));
    const moved = after.events.find((e) => e.uid === kickoff.uid)!;
    expect(moved).toMatchObject({ summary: "Kick-off", start: "2030-01-16T10:00:00" });
    expect(moved.sequence).toBeGreaterThan(kickoff.sequence);
    expect(after.events).toHaveLength(before.events.length);
  });

  it("is nobody's for a draft or an edition that doesn't exist", async () => {
    const draft = await makeEdition(t.db, "DRAFT");
    await expectDomainError(agendaCalendar(t.db, formatEditionNumber(draft.number)), "NOT_FOUND");
    await expectDomainError(agendaCalendar(t.db, "0xFFFF"), "NOT_FOUND");
    await expectDomainError(agendaCalendar(t.db, "../etc"), "NOT_FOUND");
  });
});

describe("a person's own calendar", () => {
  it("adds their team's slot from the running order and the challenges they may see", async () => {
    const alice = await makeUser(t.db, "EMPLOYEE", "Alice");
    const edition = await makeEdition(t.db, "HACKING");
    await t.db.edition.update({ where: { id: edition.id }, data: { slotSeconds: 300, changeoverSeconds: 60 } });
    await makeTeam(t.db, edition.id, "First", { presentationOrder: 1 });
    await makeTeam(t.db, edition.id, "Second", { presentationOrder: 2 });
    const mine = await makeTeam(t.db, edition.id, "Heatmappers", { presentationOrder: 3 });
    await addMember(t.db, mine, alice.id);
    const now = new Date("2030-01-16T12:00:00Z");
    await makeChallenge(t.db, edition.id, {
      title: "Open riddle",
      hiddenUntilOpen: false,
      opensAt: new Date("2030-01-16T13:00:00Z"),
      closesAt: new Date("2030-01-16T14:00:00Z"),
    });
    await makeChallenge(t.db, edition.id, {
      title: "Secret riddle",
      hiddenUntilOpen: true,
      opensAt: new Date("2030-01-16T15:00:00Z"),
      closesAt: new Date("2030-01-16T16:00:00Z"),
    });

    const key = await myCalendarKey(t.db, alice);
    expect(await myCalendarKey(t.db, alice)).toBe(key); // created once
    const feed = read(renderCalendar(await personalCalendar(t.db, key, now)));
    const slot = feed.events.find((e) => e.summary.startsWith("Heatmappers presents"))!;
    // presentations at 16:00 Paris; two slots of 5 min and two changeovers of 1 min before it
    expect(slot).toMatchObject({ summary: `Heatmappers presents (${formatEditionNumber(edition.number)}, 3 of 3)`, start: "2030-01-17T16:12:00" });
    const summaries = feed.events.map((e) => e.summary);
    expect(summaries.some((s) => s.endsWith("Open riddle"))).toBe(true);
    expect(summaries.some((s) => s.includes("Secret riddle"))).toBe(false);
    // once open, the hidden riddle is in it too
    const later = read(renderCalendar(await personalCalendar(t.db, key, new Date("2030-01-16T15:30:00Z"))));
    expect(later.events.some((e) => e.summary.endsWith("Secret riddle"))).toBe(true);

    // in the language Alice chose: calendar apps send no cookie, the feed knows it from her account
    await t.db.user.update({ where: { id: alice.id }, data: { locale: "fr" } });
    const french = read(renderCalendar(await personalCalendar(t.db, key, now)));
    const slug = formatEditionNumber(edition.number);
    expect(french.events.map((e) => e.summary)).toEqual(
      expect.arrayContaining([`Heatmappers présente (${slug}, 3 sur 3)`, `Défi ${slug}\u00a0: Open riddle`, `${slug} ${edition.title}\u00a0: hacking`]),
    );
    expect(french.events.find((e) => e.summary.startsWith("Heatmappers"))!.description).toContain("Soyez là quelques minutes avant.");
  });

  it("a new address ends the old one", async () => {
    const bob = await makeUser(t.db);
    const old = await myCalendarKey(t.db, bob);
    const fresh = await resetCalendarKey(t.db, bob);
    expect(fresh).not.toBe(old);
    await expectDomainError(personalCalendar(t.db, old), "NOT_FOUND");
    await personalCalendar(t.db, fresh);
    await expectDomainError(myCalendarKey(t.db, null), "UNAUTHENTICATED");
  });
});
