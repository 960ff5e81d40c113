// Judging's reads: tracks, who judges them, the judge's page (where to go
// next, progress, their own judgments), the deliberation view with how sure
// the ranking is, published results, and the CSV exports.
//
// A ranking is a pure function of the judgments not withdrawn (ranking.ts):
// nothing is stored but the judgments, so an undo or an organizer's
// withdrawal changes the ranking by being read again.
import type { Db, Tx } from "../platform/db";
import { csvLine } from "../platform/csv";
import { notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { isOrganizer, requireActor, type Actor } from "../people/rules";
import { canSeeEdition } from "../editions/rules";
import { rankPairwise, rankRankings, rankRubric, type JudgingMethod, type RankingRule, type TrackRanking } from "./ranking";
import { mixSeed } from "./random";
import { VISIT_HOLD_MS, assertCanDeliberate, conflictReason, type Person } from "./rules";

const personFields = { id: true, name: true, email: true, department: true, managerEmail: true } as const;

export async function trackOrNotFound(db: Db | Tx, trackId: string) {
  const track = await db.judgingTrack.findUnique({ where: { id: trackId }, include: { criteria: { orderBy: { position: "asc" } } } });
  if (!track) throw notFound(msg("judging.track.notFound"));
  return track;
}
export type Track = Awaited<ReturnType<typeof trackOrNotFound>>;

/** The teams a track judges, with their members (for conflicts) and what a judge reads about them. */
export async function trackTeams(db: Db | Tx, track: { id: string; editionId: string; eligibility: string }) {
  return db.team.findMany({
    where: { editionId: track.editionId, ...(track.eligibility === "OPT_IN" ? { trackEntries: { some: { trackId: track.id } } } : {}) },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      topic: { select: { id: true, title: true } },
      members: { select: { user: { select: personFields } }, orderBy: { joinedAt: "asc" } },
      articles: { where: { published: { isNot: null } }, select: { slug: true }, take: 1 },
    },
  });
}
export type TrackTeamRow = Awaited<ReturnType<typeof trackTeams>>[number];

/** The teams this judge may judge in the track, and why the others not. */
export async function judgeCandidates(db: Db | Tx, track: Track, judgeId: string) {
  const [teams, judge, declared] = await Promise.all([
    trackTeams(db, track),
    db.user.findUnique({ where: { id: judgeId }, select: personFields }),
    db.judgingConflict.findMany({ where: { editionId: track.editionId, judgeId }, select: { teamId: true } }),
  ]);
  if (!judge) throw notFound(msg("judging.judges.notFound"));
  const declaredIds = new Set(declared.map((c) => c.teamId));
  const excluded = new Map<string, string>();
  for (const team of teams) {
    const members: Person[] = team.members.map((m) => m.user);
    const reason = conflictReason(judge, members, declaredIds.has(team.id), track);
    if (reason) excluded.set(team.id, reason);
  }
  return { teams, candidates: teams.filter((t) => !excluded.has(t.id)), excluded };
}

/** The judgments that count (not withdrawn), in the order they were made: the track's, or one judge's. */
export async function activeJudgments(db: Db | Tx, trackId: string, judgeId?: string) {
  return db.judgment.findMany({
    where: { trackId, withdrawnAt: null, ...(judgeId ? { judgeId } : {}) },
    orderBy: [{ createdAt: "asc" }, { sequence: "asc" }],
    select: { id: true, judgeId: true, kind: true, teamId: true, winnerId: true, loserId: true, payload: true, notes: true, starred: true, createdAt: true },
  });
}
export type ActiveJudgment = Awaited<ReturnType<typeof activeJudgments>>[number];

/** The last of each key: a judge's later rubric form of a team, or later ranking, replaces the earlier. */
function latestBy<T>(items: T[], key: (item: T) => string): T[] {
  const last = new Map<string, T>();
  for (const item of items) last.set(key(item), item);
  return [...last.values()];
}

function parseJson<T>(text: string, fallback: T): T {
  try {
    return JSON.parse(text) as T;
  } catch {
    return fallback;
  }
}

/** The ranking of a track from its judgments (pure once read). */
export function rankTrack(
  track: Pick<Track, "id" | "method" | "rankingRule" | "normalize" | "criteria">,
  teamIds: string[],
  judgments: ActiveJudgment[],
): TrackRanking {
  const seed = mixSeed(0, track.id);
  const eligible = new Set(teamIds);
  const method = track.method as JudgingMethod;
  if (method === "PAIRWISE") {
    const pairs = judgments
      .filter((j) => j.kind === "PAIR" && j.winnerId && j.loserId && eligible.has(j.winnerId) && eligible.has(j.loserId))
      .map((j) => ({ judgeId: j.judgeId, winnerId: j.winnerId!, loserId: j.loserId! }));
    return rankPairwise(teamIds, pairs, { seed });
  }
  if (method === "RANKING") {
    const orders = latestBy(
      judgments.filter((j) => j.kind === "RANKING"),
      (j) => j.judgeId,
    )
      .map((j) => ({ judgeId: j.judgeId, order: parseJson<string[]>(j.payload, []).filter((id) => eligible.has(id)) }))
      .filter((r) => r.order.length > 0);
    return rankRankings(teamIds, orders, { rule: track.rankingRule as RankingRule, seed });
  }
  const forms = latestBy(
    judgments.filter((j) => j.kind === "RUBRIC" && j.teamId && eligible.has(j.teamId)),
    (j) => `${j.judgeId}:${j.teamId}`,
  ).map((j) => ({ judgeId: j.judgeId, teamId: j.teamId!, scores: parseJson<Record<string, number>>(j.payload, {}) }));
  const criteria = track.criteria.map((c) => ({ id: c.id, weight: c.weight, scale: c.scale as 5 | 10 }));
  return rankRubric(teamIds, criteria, forms, { normalize: track.normalize, seed });
}

/** A track's teams, the judgments that count, and the ranking they make: what every view of the results reads. */
export async function readRanking(db: Db, track: Parameters<typeof rankTrack>[0] & { editionId: string; eligibility: string }) {
  const [teams, judgments] = await Promise.all([trackTeams(db, track), activeJudgments(db, track.id)]);
  const ranking = rankTrack(
    track,
    teams.map((t) => t.id),
    judgments,
  );
  return { teams, judgments, ranking, byId: new Map(teams.map((t) => [t.id, t])) };
}

/** The team a judge is at or was sent to, and whether it's still held against other judges. */
export function heldTeams(seats: { userId: string; nextTeamId: string | null; sentAt: Date | null }[], exceptJudge: string, now: Date): Set<string> {
  return new Set(
    seats.filter((s) => s.userId !== exceptJudge && s.nextTeamId && s.sentAt && now.getTime() - s.sentAt.getTime() < VISIT_HOLD_MS).map((s) => s.nextTeamId!),
  );
}

/** What a judge has done in a track: the teams seen (skips apart), and the team of the pairwise chain's last link. */
export function judgeProgress(mine: ActiveJudgment[]) {
  const seen = new Set<string>();
  const skipped = new Set<string>();
  let current: string | null = null;
  for (const j of mine) {
    if (!j.teamId) continue;
    if (j.kind === "SKIP") skipped.add(j.teamId);
    else seen.add(j.teamId);
    if (j.kind === "SEEN" || j.kind === "PAIR") current = j.teamId;
  }
  return { seen, skipped, current };
}

/** The tracks of an edition this person may see: organizers all; judges theirs; everyone the published ones. */
export async function listTracks(db: Db, actor: Actor | null, editionId: string) {
  const edition = await db.edition.findUnique({ where: { id: editionId } });
  if (!edition || !canSeeEdition(actor, edition)) throw notFound(msg("judging.edition.notFound"));
  const organizer = isOrganizer(actor);
  const tracks = await db.judgingTrack.findMany({
    where: {
      editionId,
      ...(organizer ? {} : { OR: [{ resultsPublishedAt: { not: null } }, ...(actor ? [{ judges: { some: { userId: actor.id } } }] : [])] }),
    },
    orderBy: { createdAt: "asc" },
    include: {
      criteria: { orderBy: { position: "asc" } },
      prize: { select: { id: true, name: true } },
      judges: { select: { userId: true, user: { select: { name: true } } } },
      _count: { select: { teams: true, judgments: { where: { withdrawnAt: null } } } },
    },
  });
  return tracks.map((t) => ({ ...t, seated: !!actor && t.judges.some((j) => j.userId === actor.id) }));
}

/** The opt-in tracks a team may enter or leave (not closed), and whether it is in. */
export async function tracksToEnter(db: Db, teamId: string) {
  const team = await db.team.findUnique({ where: { id: teamId }, select: { editionId: true } });
  if (!team) return [];
  const tracks = await db.judgingTrack.findMany({
    where: { editionId: team.editionId, eligibility: "OPT_IN", status: { not: "CLOSED" } },
    orderBy: { createdAt: "asc" },
    select: { id: true, name: true, description: true, teams: { where: { teamId }, select: { teamId: true } } },
  });
  return tracks.map(({ teams, ...t }) => ({ ...t, entered: teams.length > 0 }));
}

/** Organizers: every team of the edition and whether it is entered in this opt-in track. */
export async function trackEntries(db: Db, actor: Actor | null, trackId: string) {
  if (!isOrganizer(actor)) throw notFound(msg("judging.track.notFound"));
  const track = await trackOrNotFound(db, trackId);
  const teams = await db.team.findMany({
    where: { editionId: track.editionId },
    orderBy: { name: "asc" },
    select: { id: true, name: true, trackEntries: { where: { trackId }, select: { teamId: true } } },
  });
  return teams.map(({ trackEntries, ...t }) => ({ ...t, entered: trackEntries.length > 0 }));
}

/** A track for its page: the organizer's settings, or what a judge or reader may see. */
export async function getTrack(db: Db, actor: Actor | null, trackId: string) {
  const track = await trackOrNotFound(db, trackId);
  const edition = await db.edition.findUnique({ where: { id: track.editionId } });
  if (!edition || !canSeeEdition(actor, edition)) throw notFound(msg("judging.track.notFound"));
  const seated = actor ? !!(await db.trackJudge.findUnique({ where: { trackId_userId: { trackId, userId: actor.id } } })) : false;
  if (!isOrganizer(actor) && !seated && !track.resultsPublishedAt) throw notFound(msg("judging.track.notFound"));
  // every judgment, withdrawn ones too: a track that has any is kept (closed, not deleted)
  const judgments = await db.judgment.count({ where: { trackId } });
  return { track, edition, seated, judgments };
}

/** The judge's page: where to go now, the form to fill, progress, and their own judgments (withdrawn ones too). */
export async function judgePage(db: Db, actor: Actor | null, trackId: string, now = new Date()) {
  const me = requireActor(actor);
  const track = await trackOrNotFound(db, trackId);
  const seat = await db.trackJudge.findUnique({ where: { trackId_userId: { trackId, userId: me.id } } });
  if (!seat) throw notFound(msg("judging.judges.notYou"));
  const [{ teams, candidates, excluded }, mine] = await Promise.all([
    judgeCandidates(db, track, me.id),
    db.judgment.findMany({ where: { trackId, judgeId: me.id }, orderBy: { sequence: "asc" } }),
  ]);
  const active = mine.filter((j) => !j.withdrawnAt);
  const progress = judgeProgress(active as ActiveJudgment[]);
  const byId = new Map(teams.map((t) => [t.id, t]));
  const latestRanking = active.filter((j) => j.kind === "RANKING").at(-1);
  return {
    track,
    seat,
    next: seat.nextTeamId ? (byId.get(seat.nextTeamId) ?? null) : null,
    current: progress.current ? (byId.get(progress.current) ?? null) : null,
    seen: [...progress.seen].flatMap((id) => byId.get(id) ?? []),
    ranked: latestRanking ? parseJson<string[]>(latestRanking.payload, []) : [],
    candidates: candidates.length,
    excluded: [...excluded].map(([teamId, reason]) => ({ team: byId.get(teamId)!, reason })),
    mine: mine.reverse().map((j) => ({ ...j, team: j.teamId ? byId.get(j.teamId) : undefined, winner: j.winnerId ? byId.get(j.winnerId) : undefined })),
    now,
  };
}

/** The deliberation view: the ranking, how sure it is, notes and stars by team, judges and their leniency. */
export async function deliberation(db: Db, actor: Actor | null, trackId: string) {
  const me = requireActor(actor);
  const track = await trackOrNotFound(db, trackId);
  const seat = await db.trackJudge.findUnique({ where: { trackId_userId: { trackId, userId: me.id } } });
  assertCanDeliberate(isOrganizer(me), !!seat);
  const [{ judgments, ranking, byId }, seats, withdrawn] = await Promise.all([
    readRanking(db, track),
    db.trackJudge.findMany({ where: { trackId }, include: { user: { select: { id: true, name: true, guest: true } } }, orderBy: { createdAt: "asc" } }),
    db.judgment.groupBy({ by: ["judgeId"], where: { trackId, withdrawnAt: { not: null } }, _count: true }),
  ]);
  const names = new Map(seats.map((s) => [s.userId, s.user.name]));
  const remarks = new Map<string, { judge: string; notes: string; starred: boolean; at: Date }[]>();
  for (const j of judgments) {
    if (!j.teamId || (!j.notes && !j.starred)) continue;
    const list = remarks.get(j.teamId) ?? [];
    list.push({ judge: names.get(j.judgeId) ?? "A former judge", notes: j.notes, starred: j.starred, at: j.createdAt });
    remarks.set(j.teamId, list);
  }
  const counted = new Map<string, number>();
  for (const j of judgments) counted.set(j.judgeId, (counted.get(j.judgeId) ?? 0) + 1);
  const withdrawnBy = new Map(withdrawn.map((w) => [w.judgeId, w._count]));
  return {
    track,
    ranking,
    standings: ranking.standings.map((s) => ({
      ...s,
      team: byId.get(s.teamId)!,
      remarks: remarks.get(s.teamId) ?? [],
      stars: (remarks.get(s.teamId) ?? []).filter((r) => r.starred).length,
    })),
    teamName: (id: string) => byId.get(id)?.name ?? "a team no longer in the track",
    judges: seats.map((s) => ({
      id: s.userId,
      name: s.user.name,
      guest: s.user.guest,
      judgments: counted.get(s.userId) ?? 0,
      withdrawn: withdrawnBy.get(s.userId) ?? 0,
      leniency: ranking.leniency?.find((l) => l.judgeId === s.userId) ?? null,
    })),
  };
}

/** Published results, for everyone: the order and the scores, without notes or judges. */
export async function publishedResults(db: Db, actor: Actor | null, trackId: string) {
  const { track } = await getTrack(db, actor, trackId);
  if (!track.resultsPublishedAt) throw notFound(msg("judging.results.notPublished"));
  const { ranking, byId } = await readRanking(db, track);
  return { track, standings: ranking.standings.map((s) => ({ ...s, team: byId.get(s.teamId)! })) };
}

/** The tracks of an edition whose published results give leaderboard points: by team, per track. */
export async function trackBonusRows(db: Db, editionId: string) {
  const tracks = await db.judgingTrack.findMany({
    where: { editionId, resultsPublishedAt: { not: null }, bonusPoints: { not: "" } },
    include: { criteria: true },
    orderBy: { createdAt: "asc" },
  });
  return Promise.all(tracks.map(async (track) => ({ track, standings: (await readRanking(db, track)).ranking.standings })));
}

/** Every judgment of a track, withdrawn ones marked: organizers only. */
export async function judgmentsCsv(db: Db, actor: Actor | null, trackId: string): Promise<string> {
  if (!isOrganizer(actor)) throw notFound(msg("judging.track.notFound"));
  const track = await trackOrNotFound(db, trackId);
  const [teams, judgments] = await Promise.all([
    db.team.findMany({ where: { editionId: track.editionId }, select: { id: true, name: true } }),
    db.judgment.findMany({ where: { trackId }, orderBy: [{ createdAt: "asc" }, { sequence: "asc" }], include: { judge: { select: { name: true } } } }),
  ]);
  const name = new Map(teams.map((t) => [t.id, t.name]));
  const criteria = new Map(track.criteria.map((c) => [c.id, c.name]));
  const detail = (j: (typeof judgments)[number]) => {
    if (j.kind === "RANKING")
      return parseJson<string[]>(j.payload, [])
        .map((id, i) => `${i + 1}. ${name.get(id) ?? id}`)
        .join("; ");
    if (j.kind === "RUBRIC")
      return Object.entries(parseJson<Record<string, number>>(j.payload, {}))
        .map(([id, score]) => `${criteria.get(id) ?? id}: ${score}`)
        .join("; ");
    return "";
  };
  let out = csvLine([
    "at",
    "judge",
    "sequence",
    "kind",
    "team",
    "preferred",
    "other",
    "detail",
    "starred",
    "notes",
    "withdrawn at",
    "withdrawn by",
    "withdrawal reason",
  ]);
  const withdrawers = new Map(
    (await db.user.findMany({ where: { id: { in: judgments.flatMap((j) => j.withdrawnById ?? []) } }, select: { id: true, name: true } })).map((u) => [
      u.id,
      u.name,
    ]),
  );
  for (const j of judgments) {
    out += csvLine([
      j.createdAt.toISOString(),
      j.judge.name,
      j.sequence,
      j.kind,
      j.teamId ? (name.get(j.teamId) ?? "") : "",
      j.winnerId ? (name.get(j.winnerId) ?? "") : "",
      j.loserId ? (name.get(j.loserId) ?? "") : "",
      detail(j),
      j.starred ? "yes" : "",
      j.notes,
      j.withdrawnAt?.toISOString() ?? "",
      j.withdrawnById ? (withdrawers.get(j.withdrawnById) ?? "") : "",
      j.withdrawnReason ?? "",
    ]);
  }
  return out;
}

/** A track's results: place, team, score and interval, the judges who saw each team. Organizers, or anyone once published. */
export async function resultsCsv(db: Db, actor: Actor | null, trackId: string): Promise<string> {
  const track = await trackOrNotFound(db, trackId);
  if (!isOrganizer(actor) && !track.resultsPublishedAt) throw notFound(msg("judging.track.notFound"));
  const { ranking, byId } = await readRanking(db, track);
  let out = csvLine(["place", "team", "score", "low", "high", "judges", "judgments"]);
  for (const s of ranking.standings) {
    out += csvLine([s.rank, byId.get(s.teamId)?.name ?? "", round(s.score), round(s.low), round(s.high), s.judges, s.judgments]);
  }
  return out;
}

const round = (n: number) => (Number.isFinite(n) ? Math.round(n * 1000) / 1000 : "");

/** Invitations of an edition: organizers only. */
export async function listInvites(db: Db, actor: Actor | null, editionId: string) {
  if (!isOrganizer(actor)) throw notFound(msg("judging.edition.notFound"));
  return db.judgeInvite.findMany({
    where: { editionId },
    orderBy: { createdAt: "desc" },
    include: { tracks: { include: { track: { select: { id: true, name: true } } } } },
  });
}

/** Declared conflicts and the judging audit trail of an edition: organizers only. */
export async function judgingAdmin(db: Db, actor: Actor | null, editionId: string) {
  if (!isOrganizer(actor)) throw notFound(msg("judging.edition.notFound"));
  const [conflicts, audit] = await Promise.all([
    db.judgingConflict.findMany({ where: { editionId }, include: { team: { select: { name: true } } }, orderBy: { createdAt: "asc" } }),
    db.judgingAudit.findMany({ where: { editionId }, orderBy: { createdAt: "desc" }, take: 200 }),
  ]);
  const judges = await db.user.findMany({ where: { id: { in: conflicts.map((c) => c.judgeId) } }, select: { id: true, name: true } });
  const judgeName = new Map(judges.map((j) => [j.id, j.name]));
  return { conflicts: conflicts.map((c) => ({ ...c, judgeName: judgeName.get(c.judgeId) ?? "" })), audit };
}
