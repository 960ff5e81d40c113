// Wall-clock times in an edition's timezone. Organizers type "Friday 16:00"
// meaning 16:00 where the hackathon happens, whatever the server's zone; the
// database stores instants (UTC). Intl does the zone arithmetic, DST included.
import { INTL_TAGS, type Locale } from "./locale";

export function isValidTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Offset of `tz` from UTC at `instant`, in milliseconds (Paris in winter: +3 600 000). */
function zoneOffsetMs(instant: Date, tz: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: tz,
    hourCycle: "h23",
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
    hour: "2-digit",
    minute: "2-digit",
    second: "2-digit",
  }).formatToParts(instant);
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"), get("second"));
  return asUtc - Math.floor(instant.getTime() / 1000) * 1000;
}

const LOCAL_INPUT = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * "2020-01-17T16:00" in "Europe/Paris" → the instant 2020-01-17T15:00:00Z.
 * Returns null for malformed input. Around DST changes it does what calendars
 * do (RFC 5545): a wall time skipped by a jump is moved forward by the jump,
 * and a wall time that happens twice means the first occurrence.
 */
export function zonedLocalToUtc(local: string, tz: string): Date | null {
  const m = LOCAL_INPUT.exec(local);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1).map((v) => Number(v ?? 0));
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  const wallAsUtc = Date.UTC(year, month - 1, day, hour, minute, second);
  const check = new Date(wallAsUtc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null; // 31 February
  // The zone's offsets a day before and a day after (at most one change between
  // them); the wall time is valid under whichever offset maps back onto it.
  const DAY = 24 * 60 * 60 * 1000;
  const before = zoneOffsetMs(new Date(wallAsUtc - DAY), tz);
  const after = zoneOffsetMs(new Date(wallAsUtc + DAY), tz);
  const fits = (offset: number) => zoneOffsetMs(new Date(wallAsUtc - offset), tz) === offset;
  if (fits(before)) return new Date(wallAsUtc - before); // the earlier one when the time happens twice
  if (fits(after)) return new Date(wallAsUtc - after);
  return new Date(wallAsUtc - before); // skipped by a jump: the offset from before the jump moves it forward
}

/** The instant as "YYYY-MM-DDTHH:mm" in `tz`: the value of an <input type="datetime-local">. */
export function utcToZonedLocal(instant: Date, tz: string): string {
  const shifted = new Date(instant.getTime() + zoneOffsetMs(instant, tz));
  return shifted.toISOString().slice(0, 16);
}

// Every date and time a person reads goes through the formatters below (a unit
// test keeps toLocale…String and Intl.DateTimeFormat out of the rest of the
// code): 24-hour, in the zone they are given (the edition's, where there is
// one), in the reader's language (English unless told), the same text on the
// server and in every browser.

const formats = new Map<string, Intl.DateTimeFormat>();

/** "Thu 16 Jan, 19:00" ("jeu. 16 janv., 19:00") in the edition's zone; `options` adds or removes parts (`{ hour: undefined }`). */
export function formatInZone(instant: Date, tz: string, options?: Intl.DateTimeFormatOptions, locale: Locale = "en"): string {
  // an option set to undefined removes a part: it must count in the key, which JSON would drop
  const key = [locale, tz, ...Object.entries(options ?? {}).map(([name, value]) => `${name}=${String(value)}`)].join(" ");
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(INTL_TAGS[locale], {
      timeZone: tz,
      weekday: "short",
      day: "numeric",
      month: "short",
      hour: "2-digit",
      minute: "2-digit",
      hourCycle: "h23",
      ...options,
    });
    formats.set(key, format); // a handful of shapes per zone: building a formatter costs far more than using one
  }
  return format.format(instant);
}

/** "14:05" in `tz`, or "14:05:07" with seconds: a time of day on the 24-hour clock. */
export function formatTime(instant: Date, tz: string, { seconds = false, locale = "en" }: { seconds?: boolean; locale?: Locale } = {}): string {
  return formatInZone(instant, tz, { weekday: undefined, day: undefined, month: undefined, second: seconds ? "2-digit" : undefined }, locale);
}

/** "16 January 2025" ("16 janvier 2025"): the calendar day of `instant` in `tz`. */
export function formatDate(instant: Date, tz: string, locale: Locale = "en"): string {
  return formatInZone(instant, tz, { weekday: undefined, month: "long", year: "numeric", hour: undefined, minute: undefined }, locale);
}

/** The calendar day of `instant` in `tz`, e.g. "2020-01-16": used to group an agenda by day. */
export function dayKeyInZone(instant: Date, tz: string): string {
  return utcToZonedLocal(instant, tz).slice(0, 10);
}

/** "16 January 2031" from a day "2031-01-16" that belongs to no time zone (a project's outcome). */
export function formatDay(day: string, locale: Locale = "en"): string {
  const noon = new Date(`${day}T12:00:00Z`);
  return Number.isNaN(noon.getTime()) ? day : formatDate(noon, "UTC", locale);
}
