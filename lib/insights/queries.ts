// Reads behind the insights: what the charts and reports count, across
// editions. Each edition counts the people taking part: whoever proposed a
// topic, showed interest in one, or was in a team.
import type { Db } from "../platform/db";
import { notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { type Actor, assertOrganizer } from "../people/rules";
import { formatEditionNumber } from "../editions/rules";
import { listEditions } from "../editions/queries";
import { TOPIC_KIND_LABELS, type TopicKind } from "../topics/rules";
import type { OutcomeStatus } from "../teams/rules";
import { countOutcomes, type EditionFigures, type EditionReport, participation, teamSizes, type TopicFigures } from "./rules";

/** Who took part in each of these editions, by edition id. */
async function participantsOf(db: Db, editionIds: string[]): Promise<Map<string, Set<string>>> {
  const [members, proposers, interests] = await Promise.all([
    db.teamMember.findMany({ where: { editionId: { in: editionIds } }, select: { editionId: true, userId: true } }),
    db.topic.findMany({ where: { editionId: { in: editionIds } }, select: { editionId: true, proposerId: true } }),
    db.interest.findMany({ where: { topic: { editionId: { in: editionIds } } }, select: { userId: true, topic: { select: { editionId: true } } } }),
  ]);
  const people = new Map(editionIds.map((id) => [id, new Set<string>()]));
  for (const m of members) people.get(m.editionId)?.add(m.userId);
  for (const t of proposers) people.get(t.editionId)?.add(t.proposerId);
  for (const i of interests) people.get(i.topic.editionId)?.add(i.userId);
  return people;
}

/** The editions a report looks at: every one this person may see, drafts aside, oldest first. */
async function reportedEditions(db: Db, actor: Actor | null) {
  return (await listEditions(db, actor)).filter((e) => e.phase !== "DRAFT").sort((a, b) => a.number - b.number);
}

/**
 * Per edition this person may see (drafts aside): teams, people taking part,
 * articles published, and its approved topics per kind (what anyone may read
 * on its pages).
 */
export async function editionFigures(
  db: Db,
  actor: Actor | null,
): Promise<(EditionFigures & { edition: { number: number; slug: string }; topics: TopicFigures; outcomes: Record<OutcomeStatus, number> })[]> {
  const editions = await reportedEditions(db, actor);
  const ids = editions.map((e) => e.id);
  const [people, articles, topics, outcomes] = await Promise.all([
    participantsOf(db, ids),
    db.publishedArticle.groupBy({ by: ["editionId"], where: { editionId: { in: ids } }, _count: { _all: true } }),
    db.topic.findMany({ where: { editionId: { in: ids }, status: "APPROVED" }, select: { editionId: true, kind: true, _count: { select: { teams: true } } } }),
    db.projectOutcome.findMany({ where: { team: { editionId: { in: ids } } }, select: { status: true, team: { select: { editionId: true } } } }),
  ]);
  const published = new Map(articles.map((a) => [a.editionId, a._count._all]));
  return editions.map((e) => {
    const slug = formatEditionNumber(e.number);
    const own = topics.filter((t) => t.editionId === e.id);
    return {
      number: e.number,
      slug,
      edition: { number: e.number, slug },
      teams: e._count.teams,
      people: people.get(e.id)?.size ?? 0,
      articles: published.get(e.id) ?? 0,
      topics: topicFigures(own.map((t) => ({ kind: t.kind, teams: t._count.teams }))),
      outcomes: countOutcomes(outcomes.filter((o) => o.team.editionId === e.id).map((o) => o.status)),
    };
  });
}

/** Topics per kind, and how many have a team. */
function topicFigures(topics: { kind: string; teams: number }[]): TopicFigures {
  return (Object.keys(TOPIC_KIND_LABELS) as TopicKind[]).map((kind) => {
    const ofKind = topics.filter((t) => t.kind === kind);
    // the kind's name in the reader's language, where it is shown (a chart's series, a report's measure)
    return { kind, label: msg(`labels.topicKind.${kind}`), proposed: ofKind.length, becameTeams: ofKind.filter((t) => t.teams > 0).length };
  });
}

/** Organizers: what an edition counts (people, first-timers, teams, topics, ballots, judging, challenges, departments). */
export async function editionReport(db: Db, actor: Actor | null, editionId: string): Promise<EditionReport> {
  assertOrganizer(actor, msg("insights.doing.seeReports"));
  const editions = await reportedEditions(db, actor);
  const index = editions.findIndex((e) => e.id === editionId);
  const edition = editions[index];
  if (!edition) throw notFound(msg("insights.noReport"));
  // the earlier editions count only for who took part before: their own figures aren't read
  return (await reportsOf(db, editions.slice(0, index + 1), [edition.id]))[0];
}

/** Organizers: every edition's report, oldest first. */
export async function allReports(db: Db, actor: Actor | null): Promise<EditionReport[]> {
  assertOrganizer(actor, msg("insights.doing.seeReports"));
  return reportsOf(db, await reportedEditions(db, actor));
}

type ReportedEdition = Awaited<ReturnType<typeof reportedEditions>>[number];

/**
 * The reports of these editions (oldest first; each compared with those
 * before it in the list), or of the `only` ones among them.
 */
async function reportsOf(db: Db, editions: ReportedEdition[], only?: string[]): Promise<EditionReport[]> {
  const ids = only ?? editions.map((e) => e.id);
  const [people, teams, topics, ballots, tracks, judgments, challenges, articles, outcomes] = await Promise.all([
    participantsOf(
      db,
      editions.map((e) => e.id),
    ),
    db.team.findMany({ where: { editionId: { in: ids } }, select: { id: true, name: true, editionId: true, memberCount: true, topicId: true } }),
    db.topic.findMany({ where: { editionId: { in: ids }, status: { not: "MERGED" } }, select: { id: true, editionId: true, kind: true } }),
    db.ballot.groupBy({ by: ["editionId"], where: { editionId: { in: ids }, voidId: null }, _count: { _all: true } }),
    db.judgingTrack.findMany({ where: { editionId: { in: ids } }, select: { id: true, editionId: true } }),
    db.judgment.findMany({
      where: { track: { editionId: { in: ids } }, withdrawnAt: null },
      select: { kind: true, teamId: true, winnerId: true, loserId: true, payload: true, track: { select: { editionId: true } } },
    }),
    db.challenge.findMany({
      where: { editionId: { in: ids } },
      orderBy: { opensAt: "asc" },
      select: {
        id: true,
        editionId: true,
        title: true,
        kind: true,
        attempts: { select: { teamId: true }, distinct: ["teamId"] },
        solves: { select: { teamId: true } },
        bots: { select: { teamId: true } },
        scores: { select: { teamId: true } },
      },
    }),
    db.publishedArticle.groupBy({ by: ["editionId"], where: { editionId: { in: ids } }, _count: { _all: true } }),
    db.projectOutcome.findMany({ where: { team: { editionId: { in: ids } } }, select: { status: true, team: { select: { editionId: true } } } }),
  ]);
  const everyone = [...new Set(ids.flatMap((id) => [...(people.get(id) ?? [])]))];
  const departments = new Map(
    (await db.user.findMany({ where: { id: { in: everyone }, department: { not: null } }, select: { id: true, department: true } })).map((u) => [
      u.id,
      u.department!,
    ]),
  );
  const ballotCount = new Map(ballots.map((b) => [b.editionId, b._count._all]));
  const articleCount = new Map(articles.map((a) => [a.editionId, a._count._all]));
  const earlier = new Set<string>();
  const reports: EditionReport[] = [];
  editions.forEach((edition, i) => {
    const here = people.get(edition.id) ?? new Set<string>();
    const previous = i > 0 ? (people.get(editions[i - 1].id) ?? new Set<string>()) : null;
    const report = participation(here, earlier, previous);
    for (const id of here) earlier.add(id);
    if (!ids.includes(edition.id)) return;
    const ownTeams = teams.filter((t) => t.editionId === edition.id);
    const ownTracks = tracks.filter((t) => t.editionId === edition.id);
    const ownJudgments = judgments.filter((j) => j.track.editionId === edition.id);
    const byDepartment = new Map<string, number>();
    for (const id of here) {
      const department = departments.get(id);
      if (department) byDepartment.set(department, (byDepartment.get(department) ?? 0) + 1);
    }
    reports.push({
      edition: { number: edition.number, slug: formatEditionNumber(edition.number), title: edition.title },
      participation: report,
      teams: teamSizes(ownTeams.map((t) => t.memberCount)),
      topics: topicFigures(
        topics.filter((t) => t.editionId === edition.id).map((t) => ({ kind: t.kind, teams: ownTeams.filter((team) => team.topicId === t.id).length })),
      ),
      vote: ballotCount.has(edition.id) ? { ballots: ballotCount.get(edition.id)!, people: here.size } : null,
      judging: ownTracks.length
        ? {
            tracks: ownTracks.length,
            judgments: ownJudgments.length,
            perTeam: ownTeams.map((team) => ({ team: team.name, judgments: ownJudgments.filter((j) => concerns(j, team.id)).length })),
          }
        : null,
      challenges: challenges
        .filter((c) => c.editionId === edition.id)
        .map((c) => ({
          title: c.title,
          kind: c.kind,
          took: new Set((c.kind === "RIDDLE" ? c.attempts : c.kind === "TOURNAMENT" ? c.bots : c.scores).map((x) => x.teamId)).size,
          succeeded: c.kind === "RIDDLE" ? c.solves.length : null,
          teams: ownTeams.length,
        })),
      departments: [...byDepartment.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .map(([department, count]) => ({ department, people: count })),
      articles: articleCount.get(edition.id) ?? 0,
      outcomes: countOutcomes(outcomes.filter((o) => o.team.editionId === edition.id).map((o) => o.status)),
    });
  });
  return reports;
}

/** Whether a judgment is about this team: the team seen or scored, either side of a pair, or among those ranked. */
function concerns(
  judgment: { kind: string; teamId: string | null; winnerId: string | null; loserId: string | null; payload: string },
  teamId: string,
): boolean {
  if (judgment.teamId === teamId || judgment.winnerId === teamId || judgment.loserId === teamId) return true;
  if (judgment.kind !== "RANKING") return false;
  try {
    const ranked: unknown = JSON.parse(judgment.payload);
    return Array.isArray(ranked) && ranked.includes(teamId);
  } catch {
    return false;
  }
}
