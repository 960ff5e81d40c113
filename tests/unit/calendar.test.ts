import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renderCalendar, sequenceOf, type CalendarEvent, type CalendarFeed } from "@/lib/editions/calendar";

// The server's own zone must not leak into the feed: run far from the editions' zones.
let savedTz: string | undefined;
beforeAll(() => {
  savedTz = process.env.TZ;
  process.env.TZ = "Pacific/Honolulu";
});
afterAll(() => {
  if (savedTz === undefined) delete process.env.TZ;
  else process.env.TZ = savedTz;
});

const NOW = new Date("2026-03-20T08:00:00Z");
const ODD = "🎉 Zoë's — ünïcödé";

const event = (over: Partial<CalendarEvent> = {}): CalendarEvent => ({
  key: "agenda-ckx1",
  title: "Kick-off",
  start: new Date("2026-03-27T15:00:00Z"),
  end: new Date("2026-03-27T16:00:00Z"),
  changedAt: new Date("2026-03-01T10:00:00Z"),
  ...over,
});

const feed = (over: Partial<CalendarFeed> = {}): CalendarFeed => ({
  name: "Hexathon 0x09 — agenda",
  description: "Everything that happens during the hackathon",
  timezone: "Europe/Paris",
  host: "hexathon.example.com",
  url: "https://hexathon.example.com/editions/9/agenda.ics",
  events: [event()],
  ...over,
});

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  // Times are resolved with the feed's own VTIMEZONE, as a client would.
  for (const vtimezone of calendar.getAllSubcomponents("vtimezone")) ICAL.TimezoneService.register(vtimezone);
  const events = calendar.getAllSubcomponents("vevent").map((vevent) => new ICAL.Event(vevent));
  return { calendar, events };
}

const only = <T>(items: T[]): T => {
  expect(items).toHaveLength(1);
  return items[0];
};

describe("renderCalendar", () => {
  it("describes the calendar for subscribing clients", () => {
    const { calendar } = parse(renderCalendar(feed(), NOW));
    expect(calendar.getFirstPropertyValue("method")).toBe("PUBLISH");
    expect(calendar.getFirstPropertyValue("prodid")).toMatch(/Hexathon/);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Hexathon 0x09 — agenda");
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe("Europe/Paris");
    expect(calendar.getFirstPropertyValue("source")).toBe("https://hexathon.example.com/editions/9/agenda.ics");
    const refresh = calendar.getFirstPropertyValue("refresh-interval");
    expect(refresh?.toString()).toBe("PT15M");
    expect(String(calendar.getFirstPropertyValue("x-published-ttl"))).toBe("PT15M");
  });

  it("keeps a line break in the calendar's name from starting another property", () => {
    const text = renderCalendar(feed({ name: "Hexathon\r\nMETHOD:REQUEST" }), NOW);
    const { calendar } = parse(text);
    expect(calendar.getAllProperties("method").map((p) => p.getFirstValue())).toEqual(["PUBLISH"]);
    expect(calendar.getFirstPropertyValue("x-wr-calname")).toBe("Hexathon METHOD:REQUEST");
  });

  it("writes times as wall time in the edition's zone, with its VTIMEZONE, across the DST change", () => {
    const text = renderCalendar(
      feed({
        events: [
          event({ key: "before", start: new Date("2026-03-27T15:00:00Z"), end: new Date("2026-03-27T16:30:00Z") }),
          event({ key: "after", start: new Date("2026-03-30T14:00:00Z"), end: null }),
        ],
      }),
      NOW,
    );
    const { calendar, events } = parse(text);
    expect(only(calendar.getAllSubcomponents("vtimezone")).getFirstPropertyValue("tzid")).toBe("Europe/Paris");
    expect(text).toContain("DTSTART;TZID=Europe/Paris:20260327T160000\r\n");
    expect(text).toContain("DTEND;TZID=Europe/Paris:20260327T173000\r\n");
    expect(text).toContain("DTSTART;TZID=Europe/Paris:20260330T160000\r\n");

    const [before, after] = events;
    expect(before.startDate.zone?.tzid).toBe("Europe/Paris");
    expect([before.startDate.hour, before.startDate.minute]).toEqual([16, 0]);
    expect(before.startDate.toJSDate().toISOString()).toBe("2026-03-27T15:00:00.000Z");
    expect(before.endDate.toJSDate().toISOString()).toBe("2026-03-27T16:30:00.000Z");
    expect([after.startDate.hour, after.startDate.minute]).toEqual([16, 0]);
    expect(after.startDate.toJSDate().toISOString()).toBe("2026-03-30T14:00:00.000Z");
  });

  it.each([
    ["America/New_York", "America/New_York", "2026-07-04T13:00:00Z", 9, 0],
    ["Asia/Kolkata", "Asia/Kolkata", "2026-07-04T13:00:00Z", 18, 30],
    // an alias Intl accepts: the events name the canonical zone the VTIMEZONE defines
    ["Asia/Calcutta", "Asia/Kolkata", "2026-07-04T13:00:00Z", 18, 30],
  ])("defines %s as %s", (zone, tzid, instant, hour, minute) => {
    const { calendar, events } = parse(renderCalendar(feed({ timezone: zone, events: [event({ start: new Date(instant), end: null })] }), NOW));
    expect(only(calendar.getAllSubcomponents("vtimezone")).getFirstPropertyValue("tzid")).toBe(tzid);
    expect(calendar.getFirstPropertyValue("x-wr-timezone")).toBe(tzid);
    const start = only(events).startDate;
    expect(start.zone?.tzid).toBe(tzid);
    expect([start.hour, start.minute]).toEqual([hour, minute]);
    expect(start.toJSDate().toISOString()).toBe(new Date(instant).toISOString());
  });

  it("refuses a zone it cannot describe", () => {
    expect(() => renderCalendar(feed({ timezone: "Mars/Olympus_Mons" }), NOW)).toThrow(RangeError);
  });

  it("keeps UIDs across downloads, and raises SEQUENCE when the source changes", () => {
    const first = only(parse(renderCalendar(feed(), NOW)).events);
    const changedAt = new Date("2026-03-02T09:30:00Z");
    const later = new Date("2026-03-21T08:00:00Z");
    const second = only(parse(renderCalendar(feed({ events: [event({ title: "Kick-off (moved)", changedAt })] }), later)).events);

    expect(first.uid).toBe("agenda-ckx1@hexathon.example.com");
    expect(second.uid).toBe(first.uid);
    expect(first.sequence).toBe(sequenceOf(new Date("2026-03-01T10:00:00Z")));
    expect(second.sequence).toBeGreaterThan(first.sequence);
    expect(second.sequence).toBe(sequenceOf(changedAt));
  });

  it("stamps DTSTAMP with now and LAST-MODIFIED with the change, both in UTC", () => {
    const text = renderCalendar(feed(), NOW);
    expect(text).toContain("\r\nDTSTAMP:20260320T080000Z\r\n");
    expect(text).toContain("\r\nLAST-MODIFIED:20260301T100000Z\r\n");
    const vevent = only(parse(text).calendar.getAllSubcomponents("vevent"));
    for (const [name, instant] of [
      ["dtstamp", NOW],
      ["last-modified", new Date("2026-03-01T10:00:00Z")],
    ] as const) {
      const value = vevent.getFirstPropertyValue(name);
      if (!(value instanceof ICAL.Time)) throw new Error(`${name} is not a date-time`);
      expect(value.zone?.tzid).toBe("UTC");
      expect(value.toJSDate().toISOString()).toBe(instant.toISOString());
    }
  });

  it("round-trips punctuation, line breaks, emoji and odd Unicode", () => {
    const title = `Pizza, beer; and\nmore ${ODD}`;
    const description = `Line one, with a comma; a semicolon\nLine two \\ backslash ${ODD}\n${"long text ".repeat(20)}`;
    const location = `Room 4; floor 2, ${ODD}`;
    const url = "https://hexathon.example.com/editions/9/agenda#pizza";
    const parsed = only(parse(renderCalendar(feed({ events: [event({ title, description, location, url })] }), NOW)).events);
    expect(parsed.summary).toBe(title);
    expect(parsed.description).toBe(description);
    expect(parsed.location).toBe(location);
    expect(parsed.component.getFirstPropertyValue("url")).toBe(url);
  });

  it("folds every physical line to at most 75 octets, each ending with CRLF", () => {
    const long = `${ODD} `.repeat(30);
    const text = renderCalendar(feed({ events: [event({ title: long, description: long, location: long })] }), NOW);
    expect(text.endsWith("\r\n")).toBe(true);
    const lines = text.slice(0, -2).split("\r\n");
    expect(lines.some((line) => line.startsWith(" "))).toBe(true); // it did fold
    for (const line of lines) {
      expect(line).not.toMatch(/[\r\n]/);
      expect(Buffer.byteLength(line, "utf8")).toBeLessThanOrEqual(75);
    }
    // a fold never splits a character: the text survives whole
    expect(only(parse(text).events).summary).toBe(long);
  });

  it("writes an event without end as an instant: no DTEND, ending when it starts", () => {
    const text = renderCalendar(feed({ events: [event({ key: "milestone-hacking-9", end: null })] }), NOW);
    expect(text).not.toMatch(/^(DTEND|DURATION)/m);
    const parsed = only(parse(text).events);
    expect(parsed.startDate.toJSDate().toISOString()).toBe("2026-03-27T15:00:00.000Z");
    expect(parsed.endDate.toJSDate().toISOString()).toBe("2026-03-27T15:00:00.000Z");
    expect(parsed.duration.toSeconds()).toBe(0);
  });
});

describe("sequenceOf", () => {
  it("counts whole seconds since 2026-01-01, never below 0", () => {
    expect(sequenceOf(new Date("2025-06-01T00:00:00Z"))).toBe(0);
    expect(sequenceOf(new Date("2026-01-01T00:00:00Z"))).toBe(0);
    expect(sequenceOf(new Date("2026-01-01T00:00:00.999Z"))).toBe(0);
    expect(sequenceOf(new Date("2026-01-01T00:00:01Z"))).toBe(1);
    expect(sequenceOf(new Date("2026-01-02T00:00:00Z"))).toBe(86_400);
  });

  it("grows with the change, and fits a 32-bit integer for decades", () => {
    const times = ["2025-12-31T23:59:59Z", "2026-01-01T00:00:05Z", "2026-03-01T10:00:00Z", "2026-03-01T10:00:01Z", "2030-01-01T00:00:00Z"];
    const sequences = times.map((t) => sequenceOf(new Date(t)));
    expect(sequences).toEqual([...sequences].sort((a, b) => a - b));
    expect(new Set(sequences).size).toBe(sequences.length);
    expect(sequenceOf(new Date("2093-12-31T23:59:59Z"))).toBeLessThan(2 ** 31);
  });
});
