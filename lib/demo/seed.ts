// Fills an empty, migrated database with the demo: ~40 people, the live
// edition 0x09 in the middle of hacking, and the archived 0x07 and 0x08.
//
// Rows are written directly rather than through lib/topics and lib/teams:
// those enforce what people may do in each phase (no teams once hacking has
// started, no topics in an archived edition), which is exactly the state the
// demo has to start in. So the invariants they guard (one team per person and
// edition, team size, memberCount, interest before joining) are checked here,
// on the data, before anything is written.
import { seededRandom } from "../platform/random";
import type { Db, Tx } from "../platform/db";
import { formatEditionNumber } from "../editions/rules";
import { type Role } from "../people/rules";
import { hashPassword } from "../people/passwords";
import { makeJoinCode } from "../votes/rules";
import { teamNameKey } from "../teams/rules";
import { compileBot } from "../arena/engine/compile";
import { DEMO_BOTS } from "./bots";
import path from "node:path";
import { importArticles } from "../articles/import";
import { formatTime, utcToZonedLocal, zonedLocalToUtc } from "../platform/time";
import { markSetupDone } from "../people/commands";
import {
  DEMO_ACCOUNTS,
  DEMO_EDITIONS,
  DEMO_PASSWORD,
  DEMO_PEOPLE,
  LIVE_CHALLENGES,
  type DemoChallenge,
  type DemoEdition,
  type DemoText,
  type Slot,
  type TimeOf,
} from "./data";

export type DemoAccount = { email: string; role: Role; note: string };
export type DemoSummary = { accounts: DemoAccount[]; password: typeof DEMO_PASSWORD; editions: number };

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Turns the edition's [day, "HH:MM"] slots into instants. */
type Clock = (slot: Slot) => Date;

/**
 * The live edition always looks live: hacking began yesterday morning and the
 * presentations are today (at 16:00, Paris time, in its schedule). Seeded
 * later than two hours before them, the whole two-day programme slides forward
 * by whole hours so that the presentations are still 2 to 3 hours away, and
 * "now" lands in the afternoon of day 2, as it would at 14:00. Texts follow:
 * they take their times from the placed programme (textOf).
 */
function liveClock(edition: DemoEdition, now: Date): Clock {
  const tz = edition.timezone;
  const today = utcToZonedLocal(now, tz).slice(0, 10);
  const days = { 1: addDays(today, -1), 2: today };
  const wall = ([day, time]: Slot) => zonedLocalToUtc(`${days[day]}T${time}`, tz)!;
  const presentations = wall(edition.presentationsStartAt).getTime();
  let shift = 0;
  if (presentations - now.getTime() < 2 * HOUR) {
    // whole hours keep the agenda on round times (the zone's offset is whole hours too)
    shift = Math.ceil((now.getTime() + 2 * HOUR) / HOUR) * HOUR - presentations;
  }
  return (slot) => new Date(wall(slot).getTime() + shift);
}

function archivedClock(edition: DemoEdition): Clock {
  const days = { 1: edition.firstDay!, 2: addDays(edition.firstDay!, 1) };
  return ([day, time]) => zonedLocalToUtc(`${days[day]}T${time}`, edition.timezone)!;
}

/** A demo text as people read it: its times are the slots of the placed programme, on the edition's clock. */
function textOf(text: DemoText, at: Clock, timezone: string): string {
  const time: TimeOf = (slot) => formatTime(at(slot), timezone);
  return typeof text === "string" ? text : text(time);
}

/** Fails loudly on a typo in data.ts instead of seeding a demo that contradicts the app's own rules. */
function checkEdition(edition: DemoEdition, people: Set<string>) {
  const where = `demo edition ${edition.number}`;
  const topics = new Map(edition.topics.map((t) => [t.key, t]));
  if (topics.size !== edition.topics.length) throw new Error(`${where}: duplicate topic key`);
  if (new Set(edition.topics.map((t) => t.title)).size !== edition.topics.length) throw new Error(`${where}: duplicate topic title`);
  const placed = new Set<string>();
  const names = new Set<string>();
  for (const topic of edition.topics) {
    for (const key of [topic.proposer, ...(topic.interested ?? [])]) {
      if (!people.has(key)) throw new Error(`${where}, topic ${topic.key}: unknown person "${key}"`);
    }
  }
  for (const team of edition.teams) {
    const topic = topics.get(team.topic);
    if (topic?.status !== "APPROVED") throw new Error(`${where}, team ${team.name}: topic "${team.topic}" is missing or not approved`);
    if (names.has(teamNameKey(team.name))) throw new Error(`${where}: two teams called "${team.name}"`);
    names.add(teamNameKey(team.name));
    if (team.members.length < 1 || team.members.length > edition.maxTeamSize) {
      throw new Error(`${where}, team ${team.name}: ${team.members.length} members, the cap is ${edition.maxTeamSize}`);
    }
    for (const key of team.members) {
      if (!people.has(key)) throw new Error(`${where}, team ${team.name}: unknown person "${key}"`);
      if (placed.has(key)) throw new Error(`${where}: "${key}" is in two teams`);
      placed.add(key);
    }
  }
}

/** Seeds one edition; returns, per person key, the live facts the summary needs. */
async function seedEdition(tx: Tx, edition: DemoEdition, userIds: Map<string, string>, now: Date) {
  const at = edition.firstDay ? archivedClock(edition) : liveClock(edition, now);
  const hackingStartsAt = at(edition.hackingStartsAt);
  const row = await tx.edition.create({
    data: {
      number: edition.number,
      title: edition.title,
      timezone: edition.timezone,
      phase: edition.phase,
      hackingStartsAt,
      presentationsStartAt: at(edition.presentationsStartAt),
      endsAt: at(edition.endsAt),
      maxTeamSize: edition.maxTeamSize,
      createdAt: new Date(hackingStartsAt.getTime() - 45 * DAY),
    },
  });
  const editionId = row.id;
  const uid = (key: string) => userIds.get(key)!;

  await tx.agendaItem.createMany({
    data: edition.agenda.map((item) => ({
      editionId,
      title: item.title,
      description: textOf(item.description, at, edition.timezone),
      location: item.location,
      startsAt: at(item.start),
      endsAt: item.end ? at(item.end) : null,
      createdAt: new Date(hackingStartsAt.getTime() - 30 * DAY),
    })),
  });

  // Proposals trickle in over the four weeks before the hackathon, in data order.
  const proposedAt = (i: number) => new Date(hackingStartsAt.getTime() - (28 - i * 2) * DAY + (i % 5) * 3 * HOUR);
  const topics = await tx.topic.createManyAndReturn({
    data: edition.topics.map((t, i) => ({
      editionId,
      proposerId: uid(t.proposer),
      title: t.title,
      pitch: t.pitch,
      kind: t.kind,
      status: t.status,
      rejectionReason: t.rejectionReason ?? null,
      createdAt: proposedAt(i),
      updatedAt: proposedAt(i),
    })),
    select: { id: true, title: true },
  });
  // matched by title (unique per edition): createManyAndReturn doesn't promise to keep the input order
  const topicIds = new Map(edition.topics.map((t) => [t.key, topics.find((r) => r.title === t.title)!.id] as const));

  // Interest: team members first (joining a team around a topic requires it),
  // then the listed people, then a deterministic handful of others. The demo
  // accounts and organizers are kept out of the draw so that what they see is
  // exactly what data.ts says.
  const teamOfPerson = new Map(edition.teams.flatMap((team) => team.members.map((m) => [m, team] as const)));
  const pool = DEMO_PEOPLE.filter((p) => p.role !== "ORGANIZER" && !DEMO_ACCOUNTS.some((a) => a.key === p.key)).map((p) => p.key);
  const random = seededRandom(edition.number * 7919);
  const interests: { userId: string; topicId: string; createdAt: Date }[] = [];
  edition.topics.forEach((topic, i) => {
    const keys = new Set([...edition.teams.filter((team) => team.topic === topic.key).flatMap((team) => team.members), ...(topic.interested ?? [])]);
    const candidates = pool.filter((k) => !keys.has(k));
    for (let n = 0; n < topic.extraInterest && candidates.length; n++) {
      keys.add(candidates.splice(Math.floor(random() * candidates.length), 1)[0]);
    }
    [...keys].forEach((key, j) => {
      interests.push({ userId: uid(key), topicId: topicIds.get(topic.key)!, createdAt: new Date(proposedAt(i).getTime() + (j + 1) * 2 * HOUR) });
    });
  });
  await tx.interest.createMany({ data: interests });

  // Teams formed during the last week before hacking.
  const formedAt = (i: number) => new Date(hackingStartsAt.getTime() - (7 - i * 0.5) * DAY);
  const teams = await tx.team.createManyAndReturn({
    data: edition.teams.map((team, i) => ({
      editionId,
      topicId: topicIds.get(team.topic)!,
      name: team.name,
      nameKey: teamNameKey(team.name),
      memberCount: team.members.length,
      // the running order of the presentations follows the data
      presentationOrder: i + 1,
      createdAt: formedAt(i),
      updatedAt: formedAt(i),
    })),
    select: { id: true, nameKey: true },
  });
  const teamIds = new Map(teams.map((t) => [t.nameKey, t.id]));
  await tx.teamMember.createMany({
    data: edition.teams.flatMap((team, i) =>
      team.members.map((key, j) => ({
        teamId: teamIds.get(teamNameKey(team.name))!,
        userId: uid(key),
        editionId,
        joinedAt: new Date(formedAt(i).getTime() + j * 30 * 60 * 1000),
      })),
    ),
  });

  const orderedTeamIds = edition.teams.map((team) => teamIds.get(teamNameKey(team.name))!);
  await seedFinal(tx, editionId, edition, orderedTeamIds, random, at(edition.endsAt));
  await seedJudging(tx, editionId, edition, orderedTeamIds, (key) => teamOfPerson.get(key)?.name ?? null, uid, random, at(edition.endsAt));
  if (!edition.firstDay) {
    const teamByName = (name: string) => {
      const team = edition.teams.find((t) => t.name === name)!;
      return { id: teamIds.get(teamNameKey(name))!, firstMember: uid(team.members[0]) };
    };
    await seedChallenges(tx, editionId, edition.timezone, at, teamByName, uid("judge"));
  }

  return {
    teamOf: (key: string) => teamOfPerson.get(key)?.name ?? null,
    interestCount: (key: string) => interests.filter((i) => i.userId === uid(key)).length,
  };
}

/**
 * Edition 0x09's mini-challenges (LIVE_CHALLENGES, timed by its schedule) and
 * what the teams did in them, every instant relative to a challenge's own
 * times: the circle riddle solved by four teams (two in the same second: a
 * tie), the judged race to the fifth page partly scored, some teams' bots in
 * the two tournaments, and the last riddle still hidden. Nothing happened after
 * "now", and nothing in a challenge before it opened.
 */
async function seedChallenges(
  tx: Tx,
  editionId: string,
  timezone: string,
  at: Clock,
  team: (name: string) => { id: string; firstMember: string },
  judgeId: string,
) {
  const MINUTE = 60 * 1000;
  const created: Partial<Record<keyof typeof LIVE_CHALLENGES, { id: string; opensAt: Date; closesAt: Date }>> = {};
  for (const [key, { statement, opens, closes, answers, ...columns }] of Object.entries(LIVE_CHALLENGES) as [keyof typeof LIVE_CHALLENGES, DemoChallenge][]) {
    created[key] = await tx.challenge.create({
      data: {
        editionId,
        ...columns,
        statement: textOf(statement, at, timezone),
        opensAt: at(opens),
        closesAt: at(closes),
        answers: answers && { create: answers.map((text) => ({ text })) },
      },
      select: { id: true, opensAt: true, closesAt: true },
    });
  }
  const { circle, fifthPage, rps, connect4 } = created as Required<typeof created>;

  // seconds after the riddle opened: the day-one article's table ("3 min 12 s") reads them
  const afterOpening = (seconds: number) => new Date(circle.opensAt.getTime() + seconds * 1000);
  const attempts: { teamName: string; answer: string; correct: boolean; when: Date }[] = [
    { teamName: "Heatmappers", answer: "10", correct: false, when: afterOpening(90) },
    { teamName: "Laws of the Universe", answer: "15", correct: true, when: afterOpening(192) },
    { teamName: "Kernel Sanders", answer: "15 women", correct: false, when: afterOpening(230) },
    { teamName: "Kernel Sanders", answer: " 15 ", correct: true, when: afterOpening(280) },
    { teamName: "Black Magic", answer: "15.0", correct: true, when: afterOpening(280) },
    { teamName: "Heatmappers", answer: "11", correct: false, when: afterOpening(365) },
    { teamName: "Prometheus Unbound", answer: "Fifteen", correct: true, when: afterOpening(545) },
  ];
  for (const a of attempts) {
    const t = team(a.teamName);
    const attempt = await tx.attempt.create({
      data: { challengeId: circle.id, teamId: t.id, userId: t.firstMember, answer: a.answer, correct: a.correct, createdAt: a.when },
    });
    if (a.correct) await tx.solve.create({ data: { challengeId: circle.id, teamId: t.id, attemptId: attempt.id, solvedAt: a.when } });
  }

  // the race is over; the judges scored three teams just after it closed
  const judgeName = (await tx.user.findUniqueOrThrow({ where: { id: judgeId }, select: { name: true } })).name;
  const scores: [string, number, string][] = [
    ["Ask the Map", 8, "First to describe the lighthouse on page five."],
    ["Snake Case", 5, "Right, a few minutes later."],
    ["Laws of the Universe", 3, "Right, but needed a hint."],
  ];
  for (const [name, points, comment] of scores) {
    const t = team(name);
    await tx.score.create({ data: { challengeId: fifthPage.id, teamId: t.id, points, comment, updatedById: judgeId } });
    await tx.scoreAudit.create({
      data: {
        challengeId: fifthPage.id,
        teamId: t.id,
        judgeId,
        judgeName,
        oldPoints: null,
        newPoints: points,
        comment,
        createdAt: new Date(fifthPage.closesAt.getTime() + 5 * MINUTE),
      },
    });
  }

  // bots sent on the afternoon of day 1, a few hours after the arena opened
  const challengeOf = { rps, connect4 };
  for (const [i, bot] of DEMO_BOTS.entries()) {
    const compiled = await compileBot(bot.source, "js");
    if (!compiled.ok) throw new Error(`demo bot of ${bot.team}: ${compiled.error}`);
    const { id: teamId, firstMember } = team(bot.team);
    const arena = challengeOf[bot.game];
    await tx.bot.create({
      data: {
        challengeId: arena.id,
        teamId,
        versions: {
          create: {
            version: 1,
            language: "js",
            source: bot.source,
            compiled: compiled.script,
            submittedById: firstMember,
            createdAt: new Date(arena.opensAt.getTime() + ((4 + (i % 4)) * 60 + 10 + i) * MINUTE),
          },
        },
      },
    });
  }
}

/**
 * The final of an edition: archived editions get their audience vote (closed,
 * the podium revealed, ballots that make the teams listed first the most
 * popular) and an awarded jury prize, so the archive shows its winners; the
 * live edition gets a jury prize for the judges to vote on.
 */
async function seedFinal(tx: Tx, editionId: string, edition: DemoEdition, teamIds: string[], random: () => number, endsAt: Date) {
  const archived = edition.phase === "ARCHIVED";
  await tx.prize.create({
    data: {
      editionId,
      kind: "JURY",
      name: "Product management special prize",
      description: "Chosen by the product managers: the hack they most want in the product.",
      teamId: archived ? teamIds[1] : null,
      awardedAt: archived ? endsAt : null,
      createdAt: new Date(endsAt.getTime() - 10 * DAY),
    },
  });
  if (!archived) return;
  await tx.vote.create({
    data: {
      editionId,
      status: "CLOSED",
      joinCode: makeJoinCode((n) => Uint8Array.from({ length: n }, () => Math.floor(random() * 256))),
      revealed: 3,
      openedAt: new Date(endsAt.getTime() - 2 * HOUR),
      closedAt: new Date(endsAt.getTime() - HOUR),
    },
  });
  const weights = teamIds.map((_, i) => teamIds.length - i);
  const pickOne = (exclude: Set<string>) => {
    const candidates = teamIds.map((id, i) => ({ id, w: weights[i] })).filter((c) => !exclude.has(c.id));
    let r = random() * candidates.reduce((sum, c) => sum + c.w, 0);
    for (const c of candidates) if ((r -= c.w) <= 0) return c.id;
    return candidates[candidates.length - 1].id;
  };
  const ballots = await tx.ballot.createManyAndReturn({
    data: Array.from({ length: 40 + edition.number * 3 }, (_, b) => ({ editionId, voterKey: `device:demo-${edition.number}-${b}` })),
    select: { id: true },
  });
  await tx.ballotPick.createMany({
    data: ballots.flatMap((ballot) => {
      const chosen = new Set<string>();
      for (let rank = 1; rank <= Math.min(3, teamIds.length); rank++) chosen.add(pickOne(chosen));
      return [...chosen].map((teamId, i) => ({ ballotId: ballot.id, teamId, rank: i + 1 }));
    }),
  });
}

/**
 * A judging track per edition. The archived ones: a rubric track, judged and
 * published (scores drawn around the teams' data order, as their vote is;
 * nobody scores their own team). The live one, hacking still: a pairwise track
 * set up, its judges seated, not open yet.
 */
async function seedJudging(
  tx: Tx,
  editionId: string,
  edition: DemoEdition,
  teamIds: string[],
  teamOf: (key: string) => string | null,
  uid: (key: string) => string,
  random: () => number,
  endsAt: Date,
) {
  const archived = edition.phase === "ARCHIVED";
  const track = await tx.judgingTrack.create({
    data: archived
      ? {
          editionId,
          name: "Best technical achievement",
          description: "The hardest problem solved, and how well.",
          method: "RUBRIC",
          normalize: true,
          status: "CLOSED",
          resultsPublishedAt: endsAt,
          createdAt: new Date(endsAt.getTime() - 10 * DAY),
        }
      : {
          editionId,
          name: "Best use of our C core",
          description: "Teams that build on the engine's C core: how deep, how useful.",
          method: "PAIRWISE",
          eligibility: "OPT_IN",
          createdAt: new Date(endsAt.getTime() - 3 * DAY),
        },
  });
  // the demo judge, the product manager and the organizer judge (each skips their own team, if any)
  const judgeKeys = ["judge", "pauline", "organizer"];
  await tx.trackJudge.createMany({ data: judgeKeys.map((key) => ({ trackId: track.id, userId: uid(key) })) });
  if (!archived) {
    await tx.trackTeam.createMany({ data: teamIds.slice(0, 3).map((teamId) => ({ trackId: track.id, teamId })) });
    return;
  }
  const criteria = await tx.trackCriterion.createManyAndReturn({
    data: [
      { trackId: track.id, name: "Difficulty", description: "How hard the problem was.", weight: 2, scale: 5, position: 1 },
      { trackId: track.id, name: "Execution", description: "How well it works, live.", weight: 1, scale: 5, position: 2 },
    ],
    select: { id: true },
  });
  const ownTeam = new Map(edition.teams.map((team, i) => [team.name, teamIds[i]]));
  for (const [j, key] of judgeKeys.entries()) {
    const own = ownTeam.get(teamOf(key) ?? "");
    const judged = teamIds.map((teamId, i) => ({ teamId, i })).filter((t) => t.teamId !== own);
    await tx.judgment.createMany({
      data: judged.map(({ teamId, i }, n) => {
        // better teams come first in the data; the product manager is the lenient judge
        const quality = 4.5 - (3 * i) / Math.max(1, teamIds.length - 1) + (key === "pauline" ? 0.5 : 0);
        const score = () => Math.max(1, Math.min(5, Math.round(quality + (random() - 0.5) * 1.5)));
        return {
          trackId: track.id,
          judgeId: uid(key),
          sequence: n + 1,
          kind: "RUBRIC",
          teamId,
          payload: JSON.stringify(Object.fromEntries(criteria.map((c) => [c.id, score()]))),
          createdAt: new Date(endsAt.getTime() - 2 * HOUR + (j * teamIds.length + n) * 60_000),
        };
      }),
    });
    await tx.trackJudge.update({ where: { trackId_userId: { trackId: track.id, userId: uid(key) } }, data: { sequence: judged.length } });
  }
}

/**
 * Seeds the demo into an empty, migrated database (SQLite or PostgreSQL).
 * Every account's password is "hexathon". `now` places the live edition.
 */
export async function seedDemo(db: Db, options: { now?: Date } = {}): Promise<DemoSummary> {
  const now = options.now ?? new Date();
  const people = new Set(DEMO_PEOPLE.map((p) => p.key));
  if (people.size !== DEMO_PEOPLE.length) throw new Error("demo people: duplicate key");
  for (const edition of DEMO_EDITIONS) checkEdition(edition, people);

  if ((await db.user.count()) > 0 || (await db.edition.count()) > 0) {
    throw new Error("The demo can only be seeded into an empty database: this one already has people or editions.");
  }

  // argon2 is deliberately slow; one hash shared by every account keeps seeding quick
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const live = DEMO_EDITIONS.find((e) => !e.firstDay)!;

  const liveFacts = await db.$transaction(
    async (tx) => {
      const joinedAt = new Date("2018-09-03T08:00:00Z");
      const users = await tx.user.createManyAndReturn({
        data: DEMO_PEOPLE.map((p, i) => ({
          email: p.email,
          name: p.name,
          role: p.role,
          passwordHash,
          createdAt: new Date(joinedAt.getTime() + i * 3 * DAY),
          emailVerifiedAt: new Date(joinedAt.getTime() + i * 3 * DAY),
        })),
        select: { id: true, email: true },
      });
      const byEmail = new Map(users.map((u) => [u.email, u.id]));
      const userIds = new Map(DEMO_PEOPLE.map((p) => [p.key, byEmail.get(p.email)!]));
      let facts: Awaited<ReturnType<typeof seedEdition>> | undefined;
      for (const edition of DEMO_EDITIONS) {
        const result = await seedEdition(tx, edition, userIds, now);
        if (edition === live) facts = result;
      }
      return facts!;
    },
    // PostgreSQL's default of 5 s is tight on a busy 2-core machine
    { timeout: 60_000, maxWait: 10_000 },
  );
  await markSetupDone(db);
  await importDemoArticles(db, now);

  const liveNumber = formatEditionNumber(live.number);
  return {
    password: DEMO_PASSWORD,
    editions: DEMO_EDITIONS.length,
    accounts: DEMO_ACCOUNTS.map((a) => {
      if (a.note) return { email: a.email, role: a.role, note: a.note };
      const team = liveFacts.teamOf(a.key);
      const interests = liveFacts.interestCount(a.key);
      return {
        email: a.email,
        role: a.role,
        note: team ? `In team “${team}” of ${liveNumber}` : `In no team of ${liveNumber}; interested in ${interests} topic${interests === 1 ? "" : "s"}`,
      };
    }),
  };
}

/**
 * The demo's published articles (lib/demo/articles/*.md), through the same importer as `npm run import`:
 * from the project's root, as the migrations are (the release archive has them at the same place).
 */
export const DEMO_ARTICLES_DIR = path.join(process.env.HEXATHON_ROOT ?? process.cwd(), "lib", "demo", "articles");

async function importDemoArticles(db: Db, now: Date) {
  const organizer = await db.user.findFirstOrThrow({ where: { role: "ORGANIZER" }, orderBy: { createdAt: "asc" } });
  const results = await importArticles(db, { id: organizer.id, role: "ORGANIZER" }, DEMO_ARTICLES_DIR, now).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return []; // no demo articles in this checkout
    throw error;
  });
  const failed = results.filter((r) => r.outcome === "failed");
  if (failed.length) throw new Error(`demo articles: ${failed.map((f) => `${f.file}: ${f.error}`).join("; ")}`);
  // the live edition's articles are written during it: dated an hour before the demo starts, whatever the day
  const live = await db.edition.findFirstOrThrow({ where: { phase: { notIn: ["ARCHIVED", "DRAFT"] } }, orderBy: { number: "desc" } });
  await db.publishedArticle.updateMany({ where: { editionId: live.id }, data: { publishedAt: new Date(now.getTime() - 60 * 60 * 1000) } });
}
