// Judging's writes: organizers set up tracks, criteria, judges, invitations
// and conflicts, open, pause and publish; judges record judgments and undo
// them. Every judgment is kept: undo and an organizer's withdrawal mark it
// withdrawn (who, when, why) and the ranking is read again without it.
//
// Concurrency: a judgment is taken only for the judge's next sequence number
// (a conditional update of their seat, then an insert under a unique key), so
// a form submitted twice counts once; two judges on the same pair are two
// judgments, each counted once. A withdrawal is a conditional update: a
// second one is refused, not counted twice.
import { createHash, randomBytes } from "node:crypto";
import { editionOrNotFound } from "../editions/queries";
import { announce } from "../platform/events";
import { log } from "../platform/log";
import { msg } from "../platform/messages";
import { metrics } from "../platform/metrics";
import type { Db, Tx } from "../platform/db";
import { DomainError, conflict, forbidden, invalid, isUniqueViolation, notFound } from "../platform/errors";
import { assertOrganizer, isOrganizer, requireActor, type Actor } from "../people/rules";
import { awardPrize } from "../prizes/commands";
import { nextTeam, nextTeamToVisit } from "./ranking";
import { mixSeed } from "./random";
import { assertJudgingOpen, assertStatusChange, MAX_CRITERIA, type TrackStatus } from "./rules";
import type { CriterionInput, InviteInput, JudgmentInput, TrackInput } from "./schemas";
import { MAX_CRITERIA_MESSAGE } from "./schemas";
import { activeJudgments, heldTeams, judgeCandidates, judgeProgress, rankTrack, readRanking, trackOrNotFound, trackTeams, type Track } from "./queries";

const sha256 = (token: string) => createHash("sha256").update(token).digest("hex");

async function audit(db: Db | Tx, actor: Actor, editionId: string, trackId: string | null, action: string, detail = "") {
  const who = await db.user.findUnique({ where: { id: actor.id }, select: { name: true } });
  await db.judgingAudit.create({ data: { editionId, trackId, actorId: actor.id, actorName: who?.name ?? "", action, detail } });
}

const changed = (editionId: string) => announce({ type: "judging.changed", editionId });

async function checkPrize(db: Db, editionId: string, prizeId: string | null) {
  if (!prizeId) return;
  const prize = await db.prize.findUnique({ where: { id: prizeId }, select: { editionId: true, kind: true } });
  if (!prize || prize.editionId !== editionId || prize.kind !== "JURY") throw invalid(msg("judging.track.pickJuryPrize"), "prizeId");
}

// ---- tracks -----------------------------------------------------------------------

export async function createTrack(db: Db, actor: Actor | null, editionId: string, input: TrackInput) {
  const me = assertOrganizer(actor, msg("judging.doing.setUp"));
  await editionOrNotFound(db, editionId);
  await checkPrize(db, editionId, input.prizeId);
  const track = await db.judgingTrack.create({ data: { editionId, ...input } });
  await audit(db, me, editionId, track.id, "track created", `${track.name} (${track.method})`);
  await changed(editionId);
  return track;
}

/** Changes a track's settings. Its method can't change once a judgment was made (they would mean something else). */
export async function updateTrack(db: Db, actor: Actor | null, trackId: string, input: TrackInput) {
  const me = assertOrganizer(actor, msg("judging.doing.setUp"));
  const track = await trackOrNotFound(db, trackId);
  await checkPrize(db, track.editionId, input.prizeId);
  if (input.method !== track.method && (await db.judgment.count({ where: { trackId } })) > 0) {
    throw invalid(msg("judging.track.methodLocked"), "method");
  }
  const updated = await db.judgingTrack.update({ where: { id: trackId }, data: input });
  await audit(db, me, track.editionId, trackId, "track changed", updated.name);
  await changed(track.editionId);
  return updated;
}

export async function deleteTrack(db: Db, actor: Actor | null, trackId: string) {
  const me = assertOrganizer(actor, msg("judging.doing.setUp"));
  const track = await trackOrNotFound(db, trackId);
  // judgments are kept for good: a track that has any can be closed, not deleted
  if ((await db.judgment.count({ where: { trackId } })) > 0) throw invalid(msg("judging.track.hasJudgments"));
  await db.judgingTrack.delete({ where: { id: trackId } });
  await audit(db, me, track.editionId, null, "track deleted", track.name);
  await changed(track.editionId);
}

export async function addCriterion(db: Db, actor: Actor | null, trackId: string, input: CriterionInput) {
  const me = assertOrganizer(actor, msg("judging.doing.setUp"));
  const track = await trackOrNotFound(db, trackId);
  if (track.method !== "RUBRIC") throw invalid(msg("judging.criterion.onlyRubric"));
  if (track.criteria.length >= MAX_CRITERIA) throw invalid(MAX_CRITERIA_MESSAGE);
  if (await db.judgment.count({ where: { trackId, kind: "RUBRIC" } })) throw invalid(msg("judging.criterion.locked"));
  const position = (track.criteria.at(-1)?.position ?? 0) + 1;
  const criterion = await db.trackCriterion.create({ data: { trackId, position, ...input } });
  await audit(db, me, track.editionId, trackId, "criterion added", `${input.name} ×${input.weight} (1–${input.scale})`);
  await changed(track.editionId);
  return criterion;
}

export async function removeCriterion(db: Db, actor: Actor | null, criterionId: string) {
  const me = assertOrganizer(actor, msg("judging.doing.setUp"));
  const criterion = await db.trackCriterion.findUnique({ where: { id: criterionId }, include: { track: true } });
  if (!criterion) throw notFound(msg("judging.criterion.notFound"));
  if (await db.judgment.count({ where: { trackId: criterion.trackId, kind: "RUBRIC" } })) {
    throw invalid(msg("judging.criterion.locked"));
  }
  await db.trackCriterion.delete({ where: { id: criterionId } });
  await audit(db, me, criterion.track.editionId, criterion.trackId, "criterion removed", criterion.name);
  await changed(criterion.track.editionId);
}

export async function setTrackStatus(db: Db, actor: Actor | null, trackId: string, status: Exclude<TrackStatus, "DRAFT">) {
  const me = assertOrganizer(actor, msg("judging.doing.changeStatus"));
  const track = await trackOrNotFound(db, trackId);
  const teams = (await trackTeams(db, track)).length;
  assertStatusChange(track.status, status, { teams, criteria: track.criteria.length, method: track.method });
  if (track.status === status) return track;
  const updated = await db.judgingTrack.update({ where: { id: trackId }, data: { status } });
  await audit(db, me, track.editionId, trackId, { OPEN: track.status === "DRAFT" ? "opened" : "resumed", PAUSED: "paused", CLOSED: "closed" }[status]);
  await changed(track.editionId);
  return updated;
}

/** Shows the track's results to everyone (and gives its bonus points), or hides them again. */
export async function publishResults(db: Db, actor: Actor | null, trackId: string, published: boolean) {
  const me = assertOrganizer(actor, msg("judging.doing.publishResults"));
  const track = await trackOrNotFound(db, trackId);
  if (published && track.status === "DRAFT") throw invalid(msg("judging.results.nothingToPublish"));
  await db.judgingTrack.update({ where: { id: trackId }, data: { resultsPublishedAt: published ? new Date() : null } });
  await audit(db, me, track.editionId, trackId, published ? "results published" : "results hidden");
  await announce({ type: "judging.published", editionId: track.editionId });
  // the bonus points of a published track count in the leaderboard
  if (track.bonusPoints) await announce({ type: "challenges.changed", editionId: track.editionId });
}

/** Awards the track's prize to the team ranked first (refused while first place is shared). */
export async function awardTrackWinner(db: Db, actor: Actor | null, trackId: string) {
  assertOrganizer(actor, msg("judging.doing.awardPrizes"));
  const track = await trackOrNotFound(db, trackId);
  if (!track.prizeId) throw invalid(msg("judging.results.noPrize"));
  const { judgments, ranking } = await readRanking(db, track);
  const first = ranking.standings.filter((s) => s.rank === 1);
  if (!judgments.length || !first.length) throw invalid(msg("judging.results.nobodyJudged"));
  if (first.length > 1) throw invalid(msg("judging.results.firstShared"));
  return awardPrize(db, actor, track.prizeId, first[0].teamId);
}

/** A team enters an opt-in track (its members, or an organizer), or leaves it. */
export async function enterTrack(db: Db, actor: Actor | null, trackId: string, teamId: string, entered: boolean) {
  const me = requireActor(actor);
  const track = await trackOrNotFound(db, trackId);
  if (track.eligibility !== "OPT_IN") throw invalid(msg("judging.entry.nothingToEnter"));
  const team = await db.team.findUnique({ where: { id: teamId }, include: { members: { select: { userId: true } } } });
  if (!team || team.editionId !== track.editionId) throw notFound(msg("judging.entry.teamNotFound"));
  if (!isOrganizer(me) && !team.members.some((m) => m.userId === me.id)) throw forbidden(msg("judging.entry.onlyMembers"));
  if (!entered && track.status !== "DRAFT" && (await db.judgment.count({ where: { trackId, teamId, withdrawnAt: null } }))) {
    throw invalid(msg("judging.entry.alreadyJudged"));
  }
  if (entered) await db.trackTeam.upsert({ where: { trackId_teamId: { trackId, teamId } }, create: { trackId, teamId }, update: {} });
  else await db.trackTeam.deleteMany({ where: { trackId, teamId } });
  await changed(track.editionId);
}

// ---- judges, invitations, conflicts ------------------------------------------------------

/** Seats a person with an account (found by email) as a judge of the track; people without one get an invitation instead. */
export async function addJudge(db: Db, actor: Actor | null, trackId: string, email: string) {
  const me = assertOrganizer(actor, msg("judging.doing.chooseJudges"));
  const track = await trackOrNotFound(db, trackId);
  const user = await db.user.findUnique({ where: { email: email.trim().toLowerCase() }, select: { id: true, name: true } });
  if (!user) throw invalid(msg("judging.judges.noAccount"), "email");
  await db.trackJudge.upsert({ where: { trackId_userId: { trackId, userId: user.id } }, create: { trackId, userId: user.id }, update: {} });
  await audit(db, me, track.editionId, trackId, "judge added", user.name);
  await changed(track.editionId);
  return user;
}

/** Takes a judge off a track; their judgments stay and count (withdraw them separately). */
export async function removeJudge(db: Db, actor: Actor | null, trackId: string, userId: string) {
  const me = assertOrganizer(actor, msg("judging.doing.chooseJudges"));
  const track = await trackOrNotFound(db, trackId);
  const { count } = await db.trackJudge.deleteMany({ where: { trackId, userId } });
  if (!count) throw notFound(msg("judging.judges.notAJudge"));
  const user = await db.user.findUnique({ where: { id: userId }, select: { name: true } });
  await audit(db, me, track.editionId, trackId, "judge removed", user?.name ?? userId);
  await changed(track.editionId);
}

/** A one-time invitation link to judge the chosen tracks; the token is returned once and only its hash kept. */
export async function createInvite(db: Db, actor: Actor | null, editionId: string, input: InviteInput, now = new Date()) {
  const me = assertOrganizer(actor, msg("judging.doing.inviteJudges"));
  await editionOrNotFound(db, editionId);
  const trackIds = [...new Set(input.trackIds)];
  if ((await db.judgingTrack.count({ where: { id: { in: trackIds }, editionId } })) !== trackIds.length) {
    throw invalid(msg("judging.invite.pickTracksOfEdition"), "trackIds");
  }
  const token = randomBytes(24).toString("base64url");
  const invite = await db.judgeInvite.create({
    data: {
      editionId,
      tokenHash: sha256(token),
      label: input.label,
      createdById: me.id,
      expiresAt: new Date(now.getTime() + input.hours * 3600_000),
      createdAt: now,
      tracks: { create: trackIds.map((trackId) => ({ trackId })) },
    },
  });
  await audit(db, me, editionId, null, "invitation created", `${input.label}, valid ${input.hours} h`);
  return { invite, token };
}

export async function revokeInvite(db: Db, actor: Actor | null, inviteId: string, now = new Date()) {
  const me = assertOrganizer(actor, msg("judging.doing.revokeInvitations"));
  const invite = await db.judgeInvite.findUnique({ where: { id: inviteId } });
  if (!invite) throw notFound(msg("judging.invite.notFound"));
  const { count } = await db.judgeInvite.updateMany({ where: { id: inviteId, usedAt: null, revokedAt: null }, data: { revokedAt: now } });
  if (!count) throw invalid(invite.usedAt ? msg("judging.invite.usedTakeOff") : msg("judging.invite.alreadyRevoked"));
  await audit(db, me, invite.editionId, null, "invitation revoked", invite.label);
}

const INVITE_UNUSABLE = {
  unknown: msg("judging.invite.unknown"),
  used: msg("judging.invite.used"),
  revoked: msg("judging.invite.revoked"),
  expired: msg("judging.invite.expired"),
};

/** What an invitation link offers (for its page), or why it can't be used. */
export async function inviteTarget(db: Db, token: string, now = new Date()) {
  const invite = await db.judgeInvite.findUnique({
    where: { tokenHash: sha256(token) },
    include: { edition: { select: { number: true, title: true } }, tracks: { include: { track: { select: { id: true, name: true } } } } },
  });
  const problem = !invite ? "unknown" : invite.usedAt ? "used" : invite.revokedAt ? "revoked" : invite.expiresAt <= now ? "expired" : null;
  if (problem) throw invalid(INVITE_UNUSABLE[problem]);
  return invite!;
}

/**
 * Uses an invitation: seats `userId` (the signed-in person) or a new guest
 * account named `name` on its tracks. The link is marked used by a
 * conditional update inside the transaction: two simultaneous uses seat one.
 */
export async function redeemInvite(db: Db, token: string, who: { userId: string } | { name: string }, now = new Date()) {
  const invite = await inviteTarget(db, token, now);
  const userId = await db.$transaction(async (tx) => {
    const taken = await tx.judgeInvite.updateMany({ where: { id: invite.id, usedAt: null, revokedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (!taken.count) throw invalid(INVITE_UNUSABLE.used);
    const id =
      "userId" in who
        ? who.userId
        : (
            await tx.user.create({
              // a guest has no address of its own: a unique one that no mail server accepts
              data: { email: `judge-${randomBytes(8).toString("hex")}@guests.invalid`, name: who.name, guest: true, emailVerifiedAt: now },
            })
          ).id;
    await tx.judgeInvite.update({ where: { id: invite.id }, data: { usedById: id } });
    for (const { trackId } of invite.tracks) {
      await tx.trackJudge.upsert({ where: { trackId_userId: { trackId, userId: id } }, create: { trackId, userId: id }, update: {} });
    }
    const name = "userId" in who ? ((await tx.user.findUnique({ where: { id }, select: { name: true } }))?.name ?? "") : who.name;
    await tx.judgingAudit.create({
      data: { editionId: invite.editionId, actorId: id, actorName: name, action: "invitation used", detail: invite.label },
    });
    return id;
  });
  await changed(invite.editionId);
  return { userId, editionNumber: invite.edition.number, trackIds: invite.tracks.map((t) => t.trackId) };
}

export async function declareConflict(db: Db, actor: Actor | null, editionId: string, input: { judgeId: string; teamId: string; reason: string }) {
  const me = assertOrganizer(actor, msg("judging.doing.declareConflicts"));
  const [team, judge] = await Promise.all([
    db.team.findUnique({ where: { id: input.teamId }, select: { editionId: true, name: true } }),
    db.user.findUnique({ where: { id: input.judgeId }, select: { name: true } }),
  ]);
  if (!team || team.editionId !== editionId) throw invalid(msg("judging.conflict.pickTeam"), "teamId");
  if (!judge) throw invalid(msg("judging.conflict.pickJudge"), "judgeId");
  await db.judgingConflict.upsert({
    where: { editionId_judgeId_teamId: { editionId, judgeId: input.judgeId, teamId: input.teamId } },
    create: { editionId, ...input, createdById: me.id },
    update: { reason: input.reason },
  });
  // a judge sent to that team goes elsewhere
  await db.trackJudge.updateMany({
    where: { userId: input.judgeId, nextTeamId: input.teamId, track: { editionId } },
    data: { nextTeamId: null, sentAt: null },
  });
  await audit(db, me, editionId, null, "conflict declared", `${judge.name} × ${team.name}${input.reason ? `: ${input.reason}` : ""}`);
  await changed(editionId);
}

export async function removeConflict(db: Db, actor: Actor | null, editionId: string, judgeId: string, teamId: string) {
  const me = assertOrganizer(actor, msg("judging.doing.declareConflicts"));
  const { count } = await db.judgingConflict.deleteMany({ where: { editionId, judgeId, teamId } });
  if (!count) throw notFound(msg("judging.conflict.notDeclared"));
  const [judge, team] = await Promise.all([
    db.user.findUnique({ where: { id: judgeId }, select: { name: true } }),
    db.team.findUnique({ where: { id: teamId }, select: { name: true } }),
  ]);
  await audit(db, me, editionId, null, "conflict removed", `${judge?.name ?? judgeId} × ${team?.name ?? teamId}`);
  await changed(editionId);
}

// ---- judging -----------------------------------------------------------------------

async function seatOf(db: Db | Tx, trackId: string, userId: string) {
  const seat = await db.trackJudge.findUnique({ where: { trackId_userId: { trackId, userId } } });
  if (!seat) throw forbidden(msg("judging.judges.notYou"));
  return seat;
}

/**
 * Sends the judge to their next team: for pairwise the most informative one
 * after the team they saw last (ranking.ts's nextTeam), otherwise every team
 * once and then where the top three are least sure (nextTeamToVisit). A judge
 * already sent somewhere stays sent there (skipTeam moves them on). Returns
 * the team's id (null: nothing left to see).
 */
export async function sendJudge(db: Db, actor: Actor | null, trackId: string, now = new Date()) {
  const me = requireActor(actor);
  const track = await trackOrNotFound(db, trackId);
  const seat = await seatOf(db, trackId, me.id);
  assertJudgingOpen(track);
  if (seat.nextTeamId) return seat.nextTeamId;
  const teamId = await chooseNext(db, track, me.id, now);
  await db.trackJudge.updateMany({
    where: { trackId, userId: me.id, sequence: seat.sequence, nextTeamId: null },
    data: { nextTeamId: teamId, sentAt: teamId ? now : null },
  });
  return teamId;
}

async function chooseNext(db: Db, track: Track, judgeId: string, now: Date): Promise<string | null> {
  const [{ candidates }, judgments, seats] = await Promise.all([
    judgeCandidates(db, track, judgeId),
    activeJudgments(db, track.id),
    db.trackJudge.findMany({ where: { trackId: track.id }, select: { userId: true, nextTeamId: true, sentAt: true } }),
  ]);
  const mine = judgments.filter((j) => j.judgeId === judgeId);
  const { seen, skipped, current } = judgeProgress(mine);
  const busy = heldTeams(seats, judgeId, now);
  const seed = mixSeed(mine.length, `${track.id}:${judgeId}`);
  const ids = candidates.map((t) => t.id);
  if (track.method === "PAIRWISE") {
    const pairs = judgments
      .filter((j) => j.kind === "PAIR" && j.winnerId && j.loserId)
      .map((j) => ({ judgeId: j.judgeId, winnerId: j.winnerId!, loserId: j.loserId! }));
    return nextTeam({ judgeId, current, seen: [...seen, ...skipped], busy: [...busy], candidates: ids, judgments: pairs, seed });
  }
  // rubric and ranking: every team seen once, then where the podium is least sure (ranking.ts)
  const { standings } = rankTrack(track, ids, judgments);
  return nextTeamToVisit({ judgeId, seen: [...seen, ...skipped], busy: [...busy], candidates: ids, standings, seed });
}

/**
 * Records a judgment. The page's `sequence` must be the judge's next: a
 * repeated submission is refused with a message, never counted twice. After
 * a visit (pairwise, rubric, a team seen) the judge is sent to the next team.
 */
export async function recordJudgment(db: Db, actor: Actor | null, trackId: string, input: JudgmentInput, now = new Date()) {
  const me = requireActor(actor);
  const track = await trackOrNotFound(db, trackId);
  const seat = await seatOf(db, trackId, me.id);
  assertJudgingOpen(track);
  const { candidates, excluded } = await judgeCandidates(db, track, me.id);
  const allowed = new Set(candidates.map((t) => t.id));
  const assertTeam = (teamId: string, field = "teamId") => {
    if (allowed.has(teamId)) return;
    throw excluded.has(teamId) ? forbidden(excluded.get(teamId)!) : invalid(msg("judging.judgment.teamNotJudged"), field);
  };
  if (input.sequence !== seat.sequence + 1) throw staleForm(input.sequence <= seat.sequence);

  const data: { kind: string; teamId?: string; winnerId?: string; loserId?: string; payload?: string; notes?: string; starred?: boolean } = {
    kind: input.kind,
  };
  const mine = await activeJudgments(db, trackId, me.id);
  const progress = judgeProgress(mine);
  switch (input.kind) {
    case "SEEN":
    case "PAIR": {
      assertTeam(input.teamId);
      if (track.method === "RUBRIC") throw invalid(msg("judging.judgment.rubricUsesForm"));
      if (track.method === "PAIRWISE" && input.teamId !== seat.nextTeamId) {
        throw invalid(msg("judging.judgment.sentElsewhere"), "teamId");
      }
      if (progress.seen.has(input.teamId)) throw invalid(msg("judging.judgment.alreadyJudged"), "teamId");
      if (input.kind === "PAIR") {
        if (track.method !== "PAIRWISE") throw invalid(msg("judging.judgment.onlyPairwise"));
        if (!progress.current) throw invalid(msg("judging.judgment.firstTeam"));
        if (input.preferredId !== input.teamId && input.preferredId !== progress.current) {
          throw invalid(msg("judging.judgment.pickOneOfTwo"), "preferredId");
        }
        const other = input.preferredId === input.teamId ? progress.current : input.teamId;
        Object.assign(data, { winnerId: input.preferredId, loserId: other });
      } else if (track.method === "PAIRWISE" && progress.current) {
        throw invalid(msg("judging.judgment.compareWithPrevious"));
      }
      Object.assign(data, { teamId: input.teamId, notes: input.notes, starred: input.starred });
      break;
    }
    case "RANKING": {
      if (track.method !== "RANKING") throw invalid(msg("judging.judgment.onlyRanking"));
      for (const id of input.order) assertTeam(id, "order");
      const seen = [...progress.seen].filter((id) => allowed.has(id));
      if (input.order.length !== seen.length || input.order.some((id) => !progress.seen.has(id))) {
        throw invalid(msg("judging.judgment.orderExactlySeen"), "order");
      }
      data.payload = JSON.stringify(input.order);
      break;
    }
    case "RUBRIC": {
      if (track.method !== "RUBRIC") throw invalid(msg("judging.judgment.onlyRubric"));
      assertTeam(input.teamId);
      for (const c of track.criteria) {
        const score = input.scores[c.id];
        if (score === undefined) throw invalid(msg("judging.judgment.giveScore", { criterion: c.name }), `score.${c.id}`);
        if (score < 1 || score > c.scale) throw invalid(msg("judging.judgment.scoreRange", { criterion: c.name, scale: c.scale }), `score.${c.id}`);
      }
      const unknown = Object.keys(input.scores).find((id) => !track.criteria.some((c) => c.id === id));
      if (unknown) throw invalid(msg("judging.judgment.unknownCriterion"));
      Object.assign(data, { teamId: input.teamId, payload: JSON.stringify(input.scores), notes: input.notes, starred: input.starred });
      break;
    }
  }

  const judgment = await takeSequence(db, trackId, me.id, input.sequence, data, now);
  await changed(track.editionId);
  if (data.teamId) await sendOn(db, actor, trackId, now);
  return judgment;
}

/** After a judgment is saved, the judge is sent on; failing that is no reason to refuse what was saved (the page offers "Next team"). */
async function sendOn(db: Db, actor: Actor | null, trackId: string, now: Date) {
  try {
    await sendJudge(db, actor, trackId, now);
  } catch (error) {
    if (!(error instanceof DomainError)) log().warn({ err: error, trackId }, "could not send the judge to the next team");
  }
}

/** The team the app sent the judge to wasn't there: noted, and the judge is sent elsewhere. */
export async function skipTeam(db: Db, actor: Actor | null, trackId: string, sequence: number, now = new Date()) {
  const me = requireActor(actor);
  const track = await trackOrNotFound(db, trackId);
  const seat = await seatOf(db, trackId, me.id);
  assertJudgingOpen(track);
  if (sequence !== seat.sequence + 1) throw staleForm(sequence <= seat.sequence);
  if (!seat.nextTeamId) throw invalid(msg("judging.judgment.nothingToSkip"));
  const judgment = await takeSequence(db, trackId, me.id, sequence, { kind: "SKIP", teamId: seat.nextTeamId }, now);
  await changed(track.editionId);
  await sendOn(db, actor, trackId, now);
  return judgment;
}

/** The refusal of a form whose sequence number isn't the judge's next: a repeat (counted), or a page out of date. */
function staleForm(alreadyDone: boolean) {
  if (alreadyDone) metrics().judgments.inc({ kind: "refused_repeat" });
  return conflict(alreadyDone ? msg("judging.judgment.alreadyRecorded") : msg("judging.judgment.formOutOfDate"));
}

/** Takes the judge's next sequence number and stores the judgment under it, in one transaction. */
async function takeSequence(db: Db, trackId: string, judgeId: string, sequence: number, data: { kind: string; [field: string]: unknown }, now: Date) {
  try {
    const judgment = await db.$transaction(async (tx) => {
      const moved = await tx.trackJudge.updateMany({
        where: { trackId, userId: judgeId, sequence: sequence - 1 },
        data: { sequence, nextTeamId: null, sentAt: null },
      });
      if (!moved.count) throw staleForm(true);
      // the track may have been paused while the form was filled in: checked again inside the transaction
      assertJudgingOpen(await trackOrNotFound(tx, trackId));
      return tx.judgment.create({ data: { trackId, judgeId, sequence, createdAt: now, ...data } as never });
    });
    metrics().judgments.inc({ kind: data.kind });
    return judgment;
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if (isUniqueViolation(error)) throw staleForm(true);
    throw error;
  }
}

/** Undoes one's own judgment (while the track is open), or an organizer withdraws any. Never deletes it. */
export async function withdrawJudgment(db: Db, actor: Actor | null, judgmentId: string, reason = "", now = new Date()) {
  const me = requireActor(actor);
  const judgment = await db.judgment.findUnique({ where: { id: judgmentId }, include: { track: true } });
  if (!judgment || (judgment.judgeId !== me.id && !isOrganizer(me))) throw notFound(msg("judging.judgment.notFound"));
  if (!isOrganizer(me)) assertJudgingOpen(judgment.track);
  const { count } = await db.judgment.updateMany({
    where: { id: judgmentId, withdrawnAt: null },
    data: {
      withdrawnAt: now,
      withdrawnById: me.id,
      withdrawnReason: reason || (judgment.judgeId === me.id ? "undone by the judge" : "withdrawn by an organizer"),
    },
  });
  if (!count) throw invalid(msg("judging.judgment.alreadyWithdrawn"));
  if (judgment.judgeId !== me.id)
    await audit(db, me, judgment.track.editionId, judgment.trackId, "judgment withdrawn", `${judgment.kind} #${judgment.sequence}: ${reason}`);
  await changed(judgment.track.editionId);
}

/** An organizer withdraws every judgment of one judge in a track (a careless or biased judge), with a reason for the audit trail. */
export async function withdrawJudgeJudgments(db: Db, actor: Actor | null, trackId: string, judgeId: string, reason: string, now = new Date()) {
  const me = assertOrganizer(actor, msg("judging.doing.withdrawJudgments"));
  const track = await trackOrNotFound(db, trackId);
  const { count } = await db.judgment.updateMany({
    where: { trackId, judgeId, withdrawnAt: null },
    data: { withdrawnAt: now, withdrawnById: me.id, withdrawnReason: reason },
  });
  if (!count) throw invalid(msg("judging.judgment.noneLeft"));
  const judge = await db.user.findUnique({ where: { id: judgeId }, select: { name: true } });
  await audit(
    db,
    me,
    track.editionId,
    trackId,
    "judge's judgments withdrawn",
    `${judge?.name ?? judgeId}: ${count} judgment${count === 1 ? "" : "s"}; ${reason}`,
  );
  await changed(track.editionId);
  return count;
}
