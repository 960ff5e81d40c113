import { describe, expect, it } from "vitest";
import { dayKeyInZone, formatDate, formatInZone, formatTime, isValidTimeZone, utcToZonedLocal, zonedLocalToUtc } from "@/lib/platform/time";

const PARIS = "Europe/Paris";
const NEW_YORK = "America/New_York";
const SYDNEY = "Australia/Sydney";

const utc = (iso: string) => new Date(iso);
const toIso = (local: string, tz: string) => zonedLocalToUtc(local, tz)?.toISOString() ?? null;

/** Every wall time "YYYY-MM-DDTHH:mm" of a day, every `step` minutes. */
function wallTimesOf(day: string, step = 15): string[] {
  const times: string[] = [];
  for (let minutes = 0; minutes < 24 * 60; minutes += step) {
    const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
    const mm = String(minutes % 60).padStart(2, "0");
    times.push(`${day}T${hh}:${mm}`);
  }
  return times;
}

describe("zonedLocalToUtc", () => {
  it("reads Friday 16:00 in Paris in winter as 15:00 UTC (CET, UTC+1)", () => {
    expect(toIso("2020-01-17T16:00", PARIS)).toBe("2020-01-17T15:00:00.000Z");
  });

  it("reads Friday 16:00 in Paris in summer as 14:00 UTC (CEST, UTC+2)", () => {
    expect(toIso("2020-07-17T16:00", PARIS)).toBe("2020-07-17T14:00:00.000Z");
  });

  it("keeps the seconds when given", () => {
    expect(toIso("2020-01-17T16:00:30", PARIS)).toBe("2020-01-17T15:00:30.000Z");
  });

  it("does not depend on the server's timezone: UTC, India and New York", () => {
    expect(toIso("2020-01-17T16:00", "UTC")).toBe("2020-01-17T16:00:00.000Z");
    expect(toIso("2020-01-17T16:00", "Asia/Kolkata")).toBe("2020-01-17T10:30:00.000Z");
    expect(toIso("2020-01-17T16:00", NEW_YORK)).toBe("2020-01-17T21:00:00.000Z");
  });

  it("handles the minutes either side of the spring-forward jump in Paris", () => {
    expect(toIso("2024-03-31T01:59", PARIS)).toBe("2024-03-31T00:59:00.000Z");
    expect(toIso("2024-03-31T03:00", PARIS)).toBe("2024-03-31T01:00:00.000Z");
  });

  it("moves a wall time skipped by the spring-forward jump in Paris forward by an hour", () => {
    // 02:00–02:59 does not exist on 31 March 2024 in Paris: 02:30 means 03:30 CEST
    expect(toIso("2024-03-31T02:30", PARIS)).toBe("2024-03-31T01:30:00.000Z");
    expect(utcToZonedLocal(zonedLocalToUtc("2024-03-31T02:30", PARIS)!, PARIS)).toBe("2024-03-31T03:30");
    expect(toIso("2024-03-31T02:00", PARIS)).toBe("2024-03-31T01:00:00.000Z");
  });

  it("moves a skipped wall time forward west of Greenwich too (New York)", () => {
    // 02:30 does not exist on 10 March 2024 in New York: it means 03:30 EDT, not 01:30 EST
    expect(toIso("2024-03-10T02:30", NEW_YORK)).toBe("2024-03-10T07:30:00.000Z");
    expect(utcToZonedLocal(zonedLocalToUtc("2024-03-10T02:30", NEW_YORK)!, NEW_YORK)).toBe("2024-03-10T03:30");
  });

  it("moves a skipped wall time forward in the southern hemisphere (Sydney, October)", () => {
    expect(toIso("2024-10-06T02:30", SYDNEY)).toBe("2024-10-05T16:30:00.000Z"); // 03:30 AEDT
  });

  it("moves a wall time skipped by a half-hour jump forward by half an hour (Lord Howe Island)", () => {
    // Lord Howe goes from UTC+10:30 to UTC+11 at 02:00: 02:15 means 02:45
    expect(utcToZonedLocal(zonedLocalToUtc("2024-10-06T02:15", "Australia/Lord_Howe")!, "Australia/Lord_Howe")).toBe("2024-10-06T02:45");
  });

  it("reads a wall time that happens twice (the autumn fall-back) as its first occurrence", () => {
    // Paris, 27 October 2024: 02:30 CEST (00:30 UTC), then an hour later 02:30 CET (01:30 UTC)
    expect(toIso("2024-10-27T02:30", PARIS)).toBe("2024-10-27T00:30:00.000Z");
    expect(toIso("2024-10-27T01:59", PARIS)).toBe("2024-10-26T23:59:00.000Z");
    expect(toIso("2024-10-27T03:00", PARIS)).toBe("2024-10-27T02:00:00.000Z");
    // New York, 3 November 2024: 01:30 EDT (05:30 UTC), then 01:30 EST (06:30 UTC)
    expect(toIso("2024-11-03T01:30", NEW_YORK)).toBe("2024-11-03T05:30:00.000Z");
    // Sydney, 7 April 2024: 02:30 AEDT (15:30 UTC the day before), then 02:30 AEST
    expect(toIso("2024-04-07T02:30", SYDNEY)).toBe("2024-04-06T15:30:00.000Z");
  });

  it("accepts 29 February in leap years only", () => {
    expect(toIso("2020-02-29T12:00", PARIS)).toBe("2020-02-29T11:00:00.000Z");
    expect(toIso("2000-02-29T12:00", PARIS)).toBe("2000-02-29T11:00:00.000Z");
    expect(zonedLocalToUtc("2021-02-29T12:00", PARIS)).toBeNull();
    expect(zonedLocalToUtc("2100-02-29T12:00", PARIS)).toBeNull();
  });

  it.each([
    "2021-02-31T10:00",
    "2021-04-31T10:00",
    "2021-13-01T10:00",
    "2021-00-10T10:00",
    "2021-01-00T10:00",
    "2021-01-32T10:00",
    "2021-01-10T24:00",
    "2021-01-10T12:60",
    "2021-01-10T12:00:60",
  ])("returns null for the impossible date or time %s", (local) => {
    expect(zonedLocalToUtc(local, PARIS)).toBeNull();
  });

  it.each([
    "",
    "tomorrow",
    "10:00",
    "2021-01-10",
    "2021-1-5T10:00",
    "2021-01-10 10:00",
    "2021-01-10T10:00Z",
    "2021-01-10T10:00+01:00",
    "2021-01-10T10:00:00.000",
    "2021-01-10T1000",
    "17/01/2020 16:00",
  ])("returns null for the malformed input %j", (local) => {
    expect(zonedLocalToUtc(local, PARIS)).toBeNull();
  });
});

describe("utcToZonedLocal", () => {
  it("gives the value of a datetime-local input in the edition's zone", () => {
    expect(utcToZonedLocal(utc("2020-01-17T15:00:00Z"), PARIS)).toBe("2020-01-17T16:00");
    expect(utcToZonedLocal(utc("2020-07-17T14:00:00Z"), PARIS)).toBe("2020-07-17T16:00");
    expect(utcToZonedLocal(utc("2020-01-17T15:00:00Z"), NEW_YORK)).toBe("2020-01-17T10:00");
  });

  it("drops seconds and milliseconds rather than rounding them", () => {
    expect(utcToZonedLocal(utc("2020-01-17T15:00:59.999Z"), PARIS)).toBe("2020-01-17T16:00");
  });

  it("shows both occurrences of a repeated hour with the same wall time", () => {
    expect(utcToZonedLocal(utc("2024-10-27T00:30:00Z"), PARIS)).toBe("2024-10-27T02:30");
    expect(utcToZonedLocal(utc("2024-10-27T01:30:00Z"), PARIS)).toBe("2024-10-27T02:30");
  });
});

describe("round trips between wall times and instants", () => {
  const days: [string, string, string][] = [
    [PARIS, "2024-03-31", "spring forward"],
    [PARIS, "2024-10-27", "fall back"],
    [PARIS, "2020-01-16", "an ordinary winter day"],
    [NEW_YORK, "2024-03-10", "spring forward"],
    [NEW_YORK, "2024-11-03", "fall back"],
  ];

  it.each(days)("every existing wall time in %s on %s (%s) comes back unchanged", (tz, day) => {
    for (const local of wallTimesOf(day)) {
      const instant = zonedLocalToUtc(local, tz);
      expect(instant, local).not.toBeNull();
      const back = utcToZonedLocal(instant!, tz);
      const skipped = back !== local;
      if (skipped) {
        // only wall times inside the spring-forward gap may move, and only forward
        expect(back > local, `${local} → ${back}`).toBe(true);
        expect(day).toMatch(/-03-/);
      }
    }
  });

  it.each(days)("every instant in %s on %s (%s) comes back, except the second pass of a repeated hour", (tz, day) => {
    const start = zonedLocalToUtc(`${day}T00:00`, tz)!.getTime();
    for (let t = start; t < start + 24 * 3600_000; t += 15 * 60_000) {
      const instant = new Date(t);
      const back = zonedLocalToUtc(utcToZonedLocal(instant, tz), tz)!;
      if (back.getTime() !== t) {
        // the same wall time happened an hour earlier: calendars mean the first occurrence
        expect(back.getTime(), instant.toISOString()).toBe(t - 3600_000);
      }
    }
  });

  it("moves exactly the four quarter-hours of the Paris spring-forward gap", () => {
    const moved = wallTimesOf("2024-03-31").filter((local) => utcToZonedLocal(zonedLocalToUtc(local, PARIS)!, PARIS) !== local);
    expect(moved).toEqual(["2024-03-31T02:00", "2024-03-31T02:15", "2024-03-31T02:30", "2024-03-31T02:45"]);
  });
});

describe("formatInZone", () => {
  const pizzas = utc("2020-01-16T18:00:00Z");

  it("shows pizzas on Thursday at 19:00 Paris time, whatever the server's zone", () => {
    expect(formatInZone(pizzas, PARIS)).toBe("Thu 16 Jan, 19:00");
  });

  it("shows the same instant in another zone", () => {
    expect(formatInZone(pizzas, NEW_YORK)).toBe("Thu 16 Jan, 13:00");
  });

  it("uses a 24-hour clock, midnight included", () => {
    expect(formatInZone(utc("2020-01-16T23:00:00Z"), PARIS)).toBe("Fri 17 Jan, 00:00");
  });

  it("lets callers drop or add parts", () => {
    expect(formatInZone(pizzas, PARIS, { hour: undefined, minute: undefined })).toBe("Thu 16 Jan");
    expect(formatInZone(pizzas, PARIS, { weekday: undefined })).toBe("16 Jan, 19:00");
    expect(formatInZone(pizzas, PARIS, { timeZoneName: "short" })).toBe("Thu 16 Jan, 19:00 CET");
  });
});

describe("formatInZone's formatters, reused", () => {
  it("keeps a part removed by an undefined option apart from the default shape", () => {
    const pizzas = utc("2020-01-16T18:00:00Z");
    expect(formatInZone(pizzas, PARIS)).toBe("Thu 16 Jan, 19:00");
    expect(formatInZone(pizzas, PARIS, { hour: undefined, minute: undefined })).toBe("Thu 16 Jan");
    expect(formatInZone(pizzas, PARIS, { minute: undefined, hour: undefined })).toBe("Thu 16 Jan");
    expect(formatInZone(pizzas, PARIS)).toBe("Thu 16 Jan, 19:00");
    expect(formatInZone(pizzas, NEW_YORK)).toBe("Thu 16 Jan, 13:00");
  });
});

describe("formatTime", () => {
  it("says \"Saved at 14:34:57\" in the edition's zone on the 24-hour clock, not the browser's 2:34:57 PM", () => {
    const saved = utc("2020-01-17T13:34:57.800Z");
    expect(`Saved at ${formatTime(saved, PARIS, { seconds: true })}`).toBe("Saved at 14:34:57");
    expect(formatTime(saved, PARIS)).toBe("14:34");
    expect(formatTime(saved, NEW_YORK, { seconds: true })).toBe("08:34:57");
    expect(formatTime(utc("2020-07-17T12:34:57Z"), PARIS, { seconds: true })).toBe("14:34:57"); // summer time
  });

  it("writes midnight as 00:00 and pads every field", () => {
    expect(formatTime(utc("2020-01-16T23:00:00Z"), PARIS)).toBe("00:00");
    expect(formatTime(utc("2020-01-17T08:05:07Z"), PARIS, { seconds: true })).toBe("09:05:07");
  });
});

describe("formatDate", () => {
  it("writes the calendar day in the given zone", () => {
    expect(formatDate(utc("2020-01-17T15:00:00Z"), PARIS)).toBe("17 January 2020");
    expect(formatDate(utc("2020-01-16T23:30:00Z"), PARIS)).toBe("17 January 2020");
    expect(formatDate(utc("2020-01-16T23:30:00Z"), "UTC")).toBe("16 January 2020");
    expect(formatDate(utc("2020-01-17T03:00:00Z"), NEW_YORK)).toBe("16 January 2020");
  });
});

describe("dayKeyInZone", () => {
  it("puts late-night Paris items on the right day in winter", () => {
    expect(dayKeyInZone(utc("2020-01-16T22:59:59Z"), PARIS)).toBe("2020-01-16");
    expect(dayKeyInZone(utc("2020-01-16T23:00:00Z"), PARIS)).toBe("2020-01-17");
  });

  it("puts late-night Paris items on the right day in summer", () => {
    expect(dayKeyInZone(utc("2020-07-16T21:59:59Z"), PARIS)).toBe("2020-07-16");
    expect(dayKeyInZone(utc("2020-07-16T22:00:00Z"), PARIS)).toBe("2020-07-17");
  });

  it("depends on the zone, not on UTC's calendar day", () => {
    const instant = utc("2020-01-17T03:00:00Z");
    expect(dayKeyInZone(instant, "UTC")).toBe("2020-01-17");
    expect(dayKeyInZone(instant, NEW_YORK)).toBe("2020-01-16");
    expect(dayKeyInZone(utc("2020-01-16T15:00:00Z"), SYDNEY)).toBe("2020-01-17");
  });
});

describe("isValidTimeZone", () => {
  it("accepts IANA zone names", () => {
    for (const tz of [PARIS, NEW_YORK, "UTC", "Asia/Kolkata"]) expect(isValidTimeZone(tz)).toBe(true);
  });

  it("rejects names that are not zones", () => {
    for (const tz of ["", "Mars/Olympus_Mons", "Paris", "GMT+25"]) expect(isValidTimeZone(tz)).toBe(false);
  });
});
