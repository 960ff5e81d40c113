// iCalendar (RFC 5545) feeds of an edition, for people to subscribe to from
// Outlook, Google or Apple Calendar. Pure: the caller reads the data and
// serves the text.
//
// - ical-generator writes the text (escaping, folding, CRLF). Kept on 10.x:
//   11.x requires Node 22+, and this project supports Node 20.
// - timezones-ical-library gives the VTIMEZONE: maintained, built from the
//   current IANA release, and it knows every zone Intl accepts including the
//   old aliases (Asia/Calcutta). @touch4it/ical-timezones was rejected: its
//   data is still tzdata 2018g and it lacks 19 of the zones Intl accepts.
// - @date-fns/tz's TZDate carries the zone into ical-generator, which
//   otherwise reads a plain Date's wall time in the server's own zone.
import { TZDate } from "@date-fns/tz";
import { ICalCalendar, ICalCalendarMethod } from "ical-generator";
import { tzlib_get_ical_block, tzlib_get_timezones } from "timezones-ical-library";

export type CalendarEvent = {
  /** stable id of the source, e.g. "agenda-<cuid>", "milestone-hacking-<editionId>", "slot-<teamId>", "challenge-<id>" */
  key: string;
  title: string;
  description?: string;
  location?: string;
  /** absolute URL of the page about it */
  url?: string;
  start: Date;
  /**
   * Missing: the event is an instant (a deadline, a milestone), written with
   * no DTEND as RFC 5545 §3.6.1 allows; it is not given a made-up length.
   * Callers whose rules give a length (the agenda's "until the next item")
   * pass that end.
   */
  end?: Date | null;
  /** when its source last changed: SEQUENCE is derived from it */
  changedAt: Date;
};

export type CalendarFeed = {
  /** X-WR-CALNAME, e.g. "Hexathon 0x09 — agenda" */
  name: string;
  description?: string;
  /** IANA name of the edition's zone, e.g. "Europe/Paris" */
  timezone: string;
  /** the instance's host name, used in UIDs: "<key>@<host>" */
  host: string;
  /** the feed's own address (URL and SOURCE) */
  url?: string;
  events: CalendarEvent[];
};

/** How often subscribed calendars should download the feed again. */
const REFRESH_SECONDS = 15 * 60;
const SEQUENCE_EPOCH_MS = Date.UTC(2026, 0, 1);

/**
 * SEQUENCE for a source changed at `changedAt`: whole seconds since
 * 2026-01-01T00:00:00Z, never below 0. It grows every time the source
 * changes without storing a counter, and fits a 32-bit integer until 2094.
 */
export function sequenceOf(changedAt: Date): number {
  return Math.max(0, Math.floor((changedAt.getTime() - SEQUENCE_EPOCH_MS) / 1000));
}

// ical-generator writes the calendar's own name and description unescaped: a
// line break there would end the property and start another.
const oneLine = (text: string) => text.replace(/\s*[\r\n]+\s*/g, " ");

export function renderCalendar(feed: CalendarFeed, now: Date = new Date()): string {
  // Only known zones are looked up: the library reports unknown ones on the console.
  const block = tzlib_get_timezones().includes(feed.timezone) ? tzlib_get_ical_block(feed.timezone) : "";
  if (!Array.isArray(block) || !block[0]) throw new RangeError(`No VTIMEZONE for the time zone "${feed.timezone}"`);
  // An alias (Asia/Calcutta) comes back under its canonical TZID (Asia/Kolkata):
  // the events must name the zone the VTIMEZONE defines.
  const vtimezone = block[0];
  const tzid = block[1].replace(/^TZID=/, "");

  const calendar = new ICalCalendar({
    prodId: { company: "Hexathon", product: "Hexathon calendar", language: "EN" },
    method: ICalCalendarMethod.PUBLISH,
    name: oneLine(feed.name),
    description: feed.description ? oneLine(feed.description) : undefined,
    url: feed.url,
    source: feed.url,
    ttl: REFRESH_SECONDS,
    // No calendar-wide zone name: with one, ical-generator writes DTSTAMP and
    // LAST-MODIFIED as floating local times, where RFC 5545 requires UTC. The
    // events carry the zone instead, which still emits the VTIMEZONE.
    timezone: { name: null, generator: (zone) => (zone === tzid ? vtimezone : null) },
  });
  calendar.x([["X-WR-TIMEZONE", tzid]]);

  for (const event of feed.events) {
    calendar.createEvent({
      id: `${event.key}@${feed.host}`,
      sequence: sequenceOf(event.changedAt),
      stamp: now,
      lastModified: event.changedAt,
      timezone: tzid,
      start: new TZDate(event.start.getTime(), tzid),
      end: event.end ? new TZDate(event.end.getTime(), tzid) : null,
      summary: event.title,
      description: event.description,
      location: event.location,
      url: event.url,
    });
  }
  // RFC 5545 ends every content line with CRLF; the library omits the last one.
  return calendar.toString() + "\r\n";
}
