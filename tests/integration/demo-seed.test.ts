import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { playingVersions, tournamentView } from "@/lib/arena/queries";
import { listArticles } from "@/lib/articles/queries";
import { startTournament } from "@/lib/arena/commands";
import { agendaStatuses } from "@/lib/editions/rules";
import { seedDemo, type DemoSummary } from "@/lib/demo/seed";
import { TOPIC_KINDS } from "@/lib/topics/rules";
import { currentEdition } from "@/lib/editions/queries";
import { teamOf } from "@/lib/teams/queries";
import type { Db } from "@/lib/platform/db";
import { formatInZone, formatTime, zonedLocalToUtc, utcToZonedLocal } from "@/lib/platform/time";
import { needsSetup } from "@/lib/people/queries";
import { verifyCredentials } from "@/lib/people/commands";
import { listJuryPrizes } from "@/lib/prizes/queries";
import { runningOrder } from "@/lib/stage/queries";
import { announcedPrizes } from "@/lib/votes/queries";
import { createTestDatabase, type TestDatabase } from "../helpers/test-db";

let t: TestDatabase;
let summary: DemoSummary;
const seededAt = new Date();
beforeAll(async () => {
  t = await createTestDatabase();
  summary = await seedDemo(t.db, { now: seededAt });
});
afterAll(async () => {
  await t?.drop();
});

const edition = (number: number) => t.db.edition.findUniqueOrThrow({ where: { number } });
/** Today at `hhmm` in Paris, the demo's zone. */
const parisToday = (hhmm: string) => zonedLocalToUtc(`${utcToZonedLocal(seededAt, "Europe/Paris").slice(0, 10)}T${hhmm}`, "Europe/Paris")!;

const CLOCK = /\b(\d{1,2}):(\d{2})\b/g;
const clockTimes = (text: string) => [...text.matchAll(CLOCK)].map((m) => `${m[1].padStart(2, "0")}:${m[2]}`);
const WEEKDAYS = /\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b/g;

/**
 * Every way 0x09, seeded at `now`, contradicts itself (issue 11, item 21), one
 * sentence each: a clock time in a text that isn't one of the edition's
 * (schedule) times, a deadline in a statement that isn't the challenge's
 * closing, anything done in a challenge before it opened or after "now".
 */
async function contradictions(db: Db, now: Date): Promise<string[]> {
  const found: string[] = [];
  const live = await db.edition.findUniqueOrThrow({ where: { number: 9 }, include: { agenda: { orderBy: { startsAt: "asc" } } } });
  const tz = live.timezone;
  const hhmm = (d: Date) => formatTime(d, tz);
  const challenges = await db.challenge.findMany({
    where: { editionId: live.id },
    include: { scores: true, solves: true, attempts: true, audit: true, bots: { include: { versions: true } } },
  });
  const schedule = new Set(
    [
      live.hackingStartsAt,
      live.presentationsStartAt,
      live.endsAt,
      ...live.agenda.flatMap((item) => (item.endsAt ? [item.startsAt, item.endsAt] : [item.startsAt])),
      ...challenges.flatMap((c) => [c.opensAt, c.closesAt]),
    ].map(hhmm),
  );
  const days = new Set(
    [live.hackingStartsAt, live.presentationsStartAt].map((d) =>
      formatInZone(d, tz, { weekday: "long", day: undefined, month: undefined, hour: undefined, minute: undefined }),
    ),
  );
  const checkText = (where: string, text: string, own: Date[] = [], { weekdays = true } = {}) => {
    for (const time of clockTimes(text)) {
      if (!schedule.has(time) && !own.map(hhmm).includes(time)) found.push(`${where} mentions ${time}, which is no time of the edition's`);
    }
    if (weekdays) for (const [day] of text.matchAll(WEEKDAYS)) if (!days.has(day)) found.push(`${where} mentions ${day}, which is neither day of the edition`);
  };

  const item = (title: string) => live.agenda.find((a) => a.title === title);
  const freeze = item("Code freeze and rehearsal");
  if (item("Kick-off")?.startsAt.getTime() !== live.hackingStartsAt.getTime()) found.push("the kick-off isn't when hacking starts");
  if (item("Presentations")?.startsAt.getTime() !== live.presentationsStartAt.getTime()) found.push("the agenda's presentations aren't the edition's");
  if (Math.max(...live.agenda.map((a) => (a.endsAt ?? a.startsAt).getTime())) !== live.endsAt.getTime())
    found.push("the agenda doesn't end when the edition does");
  for (const a of live.agenda) {
    checkText(`agenda item "${a.title}"`, `${a.title}\n${a.description}`, [a.startsAt, ...(a.endsAt ? [a.endsAt] : [])]);
    for (const [, time] of a.description.matchAll(/\bcode freeze (?:\w+ )?at (\d\d:\d\d)/gi)) {
      if (!freeze || time !== hhmm(freeze.startsAt)) found.push(`agenda item "${a.title}" puts the code freeze at ${time}`);
    }
    for (const [, time] of a.description.matchAll(/\bat (\d\d:\d\d) sharp\b/g)) {
      if (time !== hhmm(a.startsAt)) found.push(`agenda item "${a.title}" starts at ${hhmm(a.startsAt)}, its text says ${time} sharp`);
    }
  }

  for (const c of challenges) {
    checkText(`challenge "${c.title}"`, c.statement, [c.opensAt, c.closesAt]);
    for (const [, time] of c.statement.matchAll(/\bdue at (\d\d:\d\d)/g)) {
      if (time !== hhmm(c.closesAt)) found.push(`challenge "${c.title}" says its bots are due at ${time}; it closes at ${hhmm(c.closesAt)}`);
    }
    if (c.kind === "TOURNAMENT" && !/\bdue at \d\d:\d\d/.test(c.statement)) found.push(`tournament "${c.title}" doesn't say when bots are due`);
    if (!live.agenda.some((a) => a.startsAt.getTime() === c.opensAt.getTime() || a.startsAt.getTime() === c.closesAt.getTime())) {
      found.push(`challenge "${c.title}" (${hhmm(c.opensAt)}–${hhmm(c.closesAt)}) is on no agenda item`);
    }
    if (c.opensAt > now && (c.scores.length || c.solves.length || c.attempts.length || c.audit.length || c.bots.length)) {
      found.push(`challenge "${c.title}" opens at ${hhmm(c.opensAt)}, after now (${hhmm(now)}), yet has scores, solves, attempts or bots`);
    }
    const during = (d: Date) => d >= c.opensAt && d <= c.closesAt;
    for (const a of c.attempts) if (!during(a.createdAt) || a.createdAt > now) found.push(`challenge "${c.title}": an attempt at ${hhmm(a.createdAt)}`);
    for (const v of c.bots.flatMap((b) => b.versions))
      if (!during(v.createdAt) || v.createdAt > now) found.push(`challenge "${c.title}": a bot sent at ${hhmm(v.createdAt)}`);
    for (const a of c.audit) if (a.createdAt < c.opensAt || a.createdAt > now) found.push(`challenge "${c.title}": a score given at ${hhmm(a.createdAt)}`);
  }

  const articles = await db.article.findMany({ where: { editionId: live.id } });
  // (an article may well say that a room sounds like a Monday morning)
  for (const a of articles) checkText(`article "${a.title}"`, `${a.title}\n${a.summary}\n${a.body}`, [], { weekdays: false });
  return found;
}
const userId = async (email: string) => (await t.db.user.findUniqueOrThrow({ where: { email } })).id;

describe("the demo seed", () => {
  it("opens on 0x09, live: hacking since yesterday, presentations still ahead", async () => {
    const live = await edition(9);
    expect(live.phase).toBe("HACKING");
    expect((await currentEdition(t.db, null))?.number).toBe(9);
    expect(live.hackingStartsAt.getTime()).toBeLessThan(seededAt.getTime());
    expect(live.presentationsStartAt.getTime()).toBeGreaterThan(seededAt.getTime());
    expect(live.endsAt.getTime() - live.presentationsStartAt.getTime()).toBe(3 * 60 * 60 * 1000);

    const agenda = await t.db.agendaItem.findMany({ where: { editionId: live.id } });
    const statuses = [...agendaStatuses(agenda, seededAt).values()];
    expect(statuses).toContain("past");
    expect(statuses).toContain("now");
    expect(statuses).toContain("next");
  });

  it("has at least 12 topics of all three kinds, one pending and one rejected with its reason, and 8 teams", async () => {
    const live = await edition(9);
    const topics = await t.db.topic.findMany({ where: { editionId: live.id } });
    expect(topics.length).toBeGreaterThanOrEqual(12);
    expect(new Set(topics.map((topic) => topic.kind))).toEqual(new Set(TOPIC_KINDS));
    expect(topics.filter((topic) => topic.status === "PENDING")).toHaveLength(1);
    const rejected = topics.filter((topic) => topic.status === "REJECTED");
    expect(rejected).toHaveLength(1);
    expect(rejected[0].rejectionReason).toBeTruthy();
    expect(await t.db.team.count({ where: { editionId: live.id } })).toBe(8);
  });

  it("puts alice in a team of 0x09 and leaves bob out, interested in a couple of topics", async () => {
    const live = await edition(9);
    expect(await teamOf(t.db, await userId("alice@demo.test"), live.id)).not.toBeNull();
    const bob = await userId("bob@demo.test");
    expect(await teamOf(t.db, bob, live.id)).toBeNull();
    expect(await t.db.interest.count({ where: { userId: bob, topic: { editionId: live.id } } })).toBeGreaterThanOrEqual(2);
  });

  it("keeps every team's member count true and within its edition's cap, members interested in the topic", async () => {
    const teams = await t.db.team.findMany({ include: { edition: true, members: true, topic: { include: { interests: true } } } });
    expect(teams.length).toBeGreaterThan(8);
    for (const team of teams) {
      expect(team.memberCount, team.name).toBe(team.members.length);
      expect(team.memberCount, team.name).toBeGreaterThanOrEqual(2);
      expect(team.memberCount, team.name).toBeLessThanOrEqual(team.edition.maxTeamSize);
      const interested = new Set(team.topic?.interests.map((i) => i.userId));
      for (const member of team.members) expect(interested.has(member.userId), team.name).toBe(true);
    }
  });

  it("signs the demo accounts in with the shared password", async () => {
    expect(summary.password).toBe("hexathon");
    expect(summary.accounts.map((a) => a.email)).toEqual(["organizer@demo.test", "judge@demo.test", "alice@demo.test", "bob@demo.test"]);
    expect((await verifyCredentials(t.db, "organizer@demo.test", "hexathon"))?.role).toBe("ORGANIZER");
    expect((await verifyCredentials(t.db, "judge@demo.test", "hexathon"))?.role).toBe("JUDGE");
    expect(await verifyCredentials(t.db, "alice@demo.test", "wrong")).toBeNull();
    expect(await t.db.user.count()).toBeGreaterThanOrEqual(35);
  });

  it("keeps 0x07 and 0x08 as archived editions with their topics and teams", async () => {
    for (const number of [7, 8]) {
      const past = await edition(number);
      expect(past.phase).toBe("ARCHIVED");
      expect(past.endsAt.getTime()).toBeLessThan(Date.UTC(2020, 0, 1));
      expect(await t.db.topic.count({ where: { editionId: past.id } })).toBeGreaterThanOrEqual(4);
      expect(await t.db.team.count({ where: { editionId: past.id } })).toBeGreaterThanOrEqual(3);
      expect(await t.db.agendaItem.count({ where: { editionId: past.id } })).toBeGreaterThan(0);
    }
    expect(summary.editions).toBe(3);
  });

  it("shows the archived editions' winners: a revealed podium, the public favourite and a jury prize", async () => {
    for (const number of [7, 8]) {
      const edition = await t.db.edition.findUniqueOrThrow({ where: { number } });
      const prizes = await announcedPrizes(t.db, edition.id);
      expect(prizes?.podium.length).toBeGreaterThanOrEqual(3);
      expect(prizes?.publicFavourite).not.toBeNull();
      expect((await listJuryPrizes(t.db, null, edition.id)).map((p) => p.name)).toEqual(["Product management special prize"]);
    }
  });

  it("sets 0x09's running order and leaves its vote and jury prize for the demo's final", async () => {
    const edition = await t.db.edition.findUniqueOrThrow({ where: { number: 9 } });
    const order = await runningOrder(t.db, edition.id);
    expect(order).toHaveLength(8);
    expect(await t.db.team.count({ where: { editionId: edition.id, presentationOrder: null } })).toBe(0);
    expect(await t.db.vote.findUnique({ where: { editionId: edition.id } })).toBeNull();
    expect(await listJuryPrizes(t.db, null, edition.id)).toHaveLength(0); // defined, not yet awarded
  });

  // before the tournament below is played, which scores a challenge at the real time
  it("never contradicts its own schedule: texts' times, deadlines, scores only where a challenge has opened (issue 11, item 21)", async () => {
    expect(await contradictions(t.db, seededAt)).toEqual([]);
    // the statement's deadline, on the edition's clock, is the tournament's closing
    const live = await edition(9);
    const rps = await t.db.challenge.findFirstOrThrow({ where: { editionId: live.id, game: "rps", kind: "TOURNAMENT" } });
    expect(rps.statement).toContain(`Bots are due at ${formatTime(rps.closesAt, live.timezone)}`);
    // no upcoming challenge counts on the leaderboard
    const upcoming = await t.db.challenge.findMany({ where: { editionId: live.id, opensAt: { gt: seededAt } }, include: { scores: true, solves: true } });
    expect(upcoming.flatMap((c) => [...c.scores, ...c.solves])).toEqual([]);
  });

  it("has two bot tournaments with a field of bots in, Heatmappers' still to come; the Connect Four one plays as a Swiss tournament", async () => {
    const live = await edition(9);
    const tournaments = await t.db.challenge.findMany({ where: { editionId: live.id, kind: "TOURNAMENT" }, orderBy: { title: "asc" } });
    expect(tournaments.map((c) => [c.game, c.format])).toEqual([
      ["connect4", "SWISS"],
      ["rps", "ROUND_ROBIN"],
    ]);
    for (const c of tournaments) {
      const entries = await playingVersions(t.db, c.id);
      expect(entries).toHaveLength(4);
      expect(entries.map((e) => e.team.name)).not.toContain("Heatmappers");
    }
    const organizer = await t.db.user.findUniqueOrThrow({ where: { email: "organizer@demo.test" } });
    const organizing = { id: organizer.id, role: "ORGANIZER" as const };
    await startTournament(t.db, organizing, tournaments[0].id, { seed: 1 });
    await vi.waitFor(async () => expect((await tournamentView(t.db, organizing, tournaments[0].id))?.tournament.status).toBe("DONE"), {
      timeout: 30_000,
      interval: 100,
    });
    const view = (await tournamentView(t.db, organizing, tournaments[0].id))!;
    expect(view.standings[0].name).toBe("Kernel Sanders"); // the bot that looks ahead
    expect(view.standings.every((s) => s.forfeits === 0)).toBe(true);
  }, 40_000);

  it("publishes articles for 0x07 to 0x09, one with a benchmark table, C and Python listings and an image, searchable", async () => {
    const published = await t.db.publishedArticle.findMany({ select: { editionNumber: true, html: true, coverFile: true, title: true } });
    expect(new Set(published.map((p) => p.editionNumber))).toEqual(new Set([7, 8, 9]));
    expect(published.length).toBeGreaterThanOrEqual(6);
    const showcase = published.find(
      (p) => p.html.includes("<table") && /\blanguage-c\b/.test(p.html) && /\blanguage-python\b/.test(p.html) && p.html.includes("<img"),
    );
    expect(showcase?.title).toBeTruthy();
    expect(published.some((p) => p.coverFile)).toBe(true);
    const { total } = await listArticles(t.db, { q: "latency" });
    expect(total).toBeGreaterThan(0);
  });

  it("doesn't contradict itself when seeded early in the morning, with the whole day ahead", async () => {
    const early = await createTestDatabase();
    try {
      const morning = parisToday("07:10");
      await seedDemo(early.db, { now: morning });
      const live = await early.db.edition.findUniqueOrThrow({ where: { number: 9 } });
      expect(formatTime(live.presentationsStartAt, live.timezone)).toBe("16:00"); // the programme as written, unshifted
      expect(await contradictions(early.db, morning)).toEqual([]);
    } finally {
      await early.drop();
    }
  });

  it("skips the one-time setup screen and refuses to seed twice", async () => {
    expect(await needsSetup(t.db)).toBe(false);
    await expect(seedDemo(t.db)).rejects.toThrow(/empty database/);
    expect(await t.db.edition.count()).toBe(3);
  });

  it("still has the presentations ahead when seeded late in the evening", async () => {
    const late = await createTestDatabase();
    try {
      const evening = parisToday("22:40");
      await seedDemo(late.db, { now: evening });
      const live = await late.db.edition.findUniqueOrThrow({ where: { number: 9 }, include: { agenda: true } });
      const ahead = live.presentationsStartAt.getTime() - evening.getTime();
      expect(ahead).toBeGreaterThanOrEqual(2 * 60 * 60 * 1000);
      expect(ahead).toBeLessThanOrEqual(3 * 60 * 60 * 1000);
      expect(live.hackingStartsAt.getTime()).toBeLessThan(evening.getTime());
      expect([...agendaStatuses(live.agenda, evening).values()]).toContain("now");
      // the whole programme slid by hours: its texts say the new times
      expect(formatTime(live.presentationsStartAt, live.timezone)).not.toBe("16:00");
      expect(await contradictions(late.db, evening)).toEqual([]);
    } finally {
      await late.drop();
    }
  });
});
