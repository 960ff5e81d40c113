// What the calendar feeds hold: an edition's agenda (public, for everyone who
// may see the edition) and a person's own feed (a secret address: their
// team's presentation slot and its challenges besides the agenda). The text
// itself is written by lib/editions/calendar.ts. Hexathon's own words are in
// the reader's language: the page's for the edition's agenda, the person's
// for their own feed (a calendar app fetches it without cookies).
import type { Db } from "../platform/db";
import { siteOrigin } from "../platform/config";
import { notFound } from "../platform/errors";
import { translate } from "../platform/i18n";
import { defaultLocale, localeOr, type Locale } from "../platform/locale";
import { msg } from "../platform/messages";
import { canSeeChallenge } from "../challenges/rules";
import { type CalendarEvent, type CalendarFeed } from "./calendar";
import { currentEdition } from "./queries";
import { formatEditionNumber, parseEditionSlug } from "./rules";

type EditionRow = {
  id: string;
  number: number;
  title: string;
  timezone: string;
  hackingStartsAt: Date;
  presentationsStartAt: Date;
  endsAt: Date;
  slotSeconds: number;
  changeoverSeconds: number;
  updatedAt: Date;
};

const host = () => new URL(siteOrigin()).hostname;

/** The feed with lib's messages put into `locale` (people's words pass as they are). */
function said(feed: CalendarFeed, locale: Locale): CalendarFeed {
  const say = (text: string) => translate(text, locale);
  return {
    ...feed,
    name: say(feed.name),
    description: feed.description && say(feed.description),
    events: feed.events.map((event) => ({ ...event, title: say(event.title), description: event.description && say(event.description) })),
  };
}

/** The agenda's items and the edition's milestones. */
async function agendaEvents(db: Db, edition: EditionRow): Promise<CalendarEvent[]> {
  const slug = formatEditionNumber(edition.number);
  const page = `${siteOrigin()}/editions/${slug}`;
  const items = await db.agendaItem.findMany({ where: { editionId: edition.id }, orderBy: { startsAt: "asc" } });
  return [
    {
      key: `hacking-${edition.id}`,
      title: msg("editions.calendar.hacking", { slug, edition: edition.title }),
      description: msg("editions.calendar.hackingText"),
      url: page,
      start: edition.hackingStartsAt,
      end: edition.presentationsStartAt,
      changedAt: edition.updatedAt,
    },
    {
      key: `presentations-${edition.id}`,
      title: msg("editions.calendar.presentations", { slug, edition: edition.title }),
      description: msg("editions.calendar.presentationsText", { minutes: Math.round(edition.slotSeconds / 60) }),
      url: `${page}/live`,
      start: edition.presentationsStartAt,
      end: edition.endsAt,
      changedAt: edition.updatedAt,
    },
    ...items.map((item) => ({
      key: `agenda-${item.id}`,
      title: item.title,
      description: item.description || undefined,
      location: item.location || undefined,
      url: page,
      start: item.startsAt,
      end: item.endsAt,
      changedAt: item.updatedAt,
    })),
  ];
}

/** /editions/<hex>/agenda.ics: anyone who may see the edition (drafts are nobody's calendar), in `locale`. */
export async function agendaCalendar(db: Db, slug: string, locale: Locale = defaultLocale()): Promise<CalendarFeed> {
  const number = parseEditionSlug(slug);
  const edition = number === null ? null : await db.edition.findUnique({ where: { number } });
  if (!edition || edition.phase === "DRAFT") throw notFound(msg("editions.edition.noSuchEdition"));
  const name = formatEditionNumber(edition.number);
  const feed = {
    name: `Hexathon ${name} — ${edition.title}`,
    description: msg("editions.calendar.agendaDescription", { slug: name }),
    timezone: edition.timezone,
    host: host(),
    url: `${siteOrigin()}/editions/${name}/agenda.ics`,
    events: await agendaEvents(db, edition),
  };
  return said(feed, locale);
}

/**
 * /calendar/<key>.ics: the agenda of each edition the person has a team in
 * (still to come or under way), their team's presentation slot once the running
 * order gives it, and the challenges their team may take part in — hidden
 * riddles only once they are open, as on the pages. In the person's language.
 */
export async function personalCalendar(db: Db, key: string, now = new Date()): Promise<CalendarFeed> {
  const person = await db.user.findUnique({
    where: { calendarKey: key },
    include: { memberships: { include: { team: { include: { edition: true } } } } },
  });
  if (!person) throw notFound(msg("editions.calendar.invalidAddress"));
  const events: CalendarEvent[] = [];
  const memberships = person.memberships.filter((m) => !["DRAFT", "ARCHIVED"].includes(m.team.edition.phase));
  // without a team yet: the current edition's agenda, which the team's dates join once there is one
  const current = memberships.length ? null : await currentEdition(db, null);
  let timezone = current?.timezone ?? "UTC";
  if (current && current.phase !== "ARCHIVED") events.push(...(await agendaEvents(db, current)));
  for (const { team } of memberships) {
    const edition = team.edition;
    timezone = edition.timezone;
    const slug = formatEditionNumber(edition.number);
    events.push(...(await agendaEvents(db, edition)));
    const order = await db.team.findMany({
      where: { editionId: edition.id, presentationOrder: { not: null } },
      orderBy: { presentationOrder: "asc" },
      select: { id: true, updatedAt: true },
    });
    const index = order.findIndex((t) => t.id === team.id);
    if (index >= 0) {
      const start = new Date(edition.presentationsStartAt.getTime() + index * (edition.slotSeconds + edition.changeoverSeconds) * 1000);
      // another team moving in the order moves this slot: the slot changed when any of them did
      const changedAt = new Date(Math.max(edition.updatedAt.getTime(), ...order.map((t) => t.updatedAt.getTime())));
      events.push({
        key: `slot-${team.id}`,
        title: msg("editions.calendar.slot", { team: team.name, slug, index: index + 1, count: order.length }),
        description: msg("editions.calendar.slotText"),
        url: `${siteOrigin()}/editions/${slug}/live`,
        start,
        end: new Date(start.getTime() + edition.slotSeconds * 1000),
        changedAt,
      });
    }
    const challenges = await db.challenge.findMany({ where: { editionId: edition.id }, orderBy: { opensAt: "asc" } });
    // a calendar address ends up in Google's or Microsoft's hands: a hidden riddle stays hidden there, whoever subscribed
    for (const challenge of challenges.filter((c) => canSeeChallenge(c, "EMPLOYEE", now))) {
      events.push({
        key: `challenge-${challenge.id}`,
        title: msg("editions.calendar.challenge", { slug, challenge: challenge.title }),
        url: `${siteOrigin()}/editions/${slug}/challenges/${challenge.id}`,
        start: challenge.opensAt,
        end: challenge.closesAt,
        changedAt: challenge.updatedAt,
      });
    }
  }
  const feed = {
    name: `Hexathon — ${person.name}`,
    description: msg("editions.calendar.personalDescription"),
    timezone,
    host: host(),
    events,
  };
  return said(feed, localeOr(person.locale));
}
