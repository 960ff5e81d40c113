// The presentations: the running order, the stage (who presents) and the
// synchronized timer. Organizers drive it; every screen follows it live.
//
// Concurrency: each change reads the stage, computes the next state with the
// pure functions of lib/stage/rules.ts and writes it only if the version is
// unchanged (compare-and-set), retrying on a race; two organizers pressing
// "next" at once move the stage once per press, never into a torn state.
import { editionOrNotFound } from "../editions/queries";
import { randomBytes } from "node:crypto";
import type { Db } from "../platform/db";
import { type LiveEvent } from "../platform/live/bus";
import { msg } from "../platform/messages";
import { assertOrganizer, type Actor } from "../people/rules";
import { idleTimer, type TimerState, type TimerStatus } from "./rules";

export type StageTeam = { id: string; name: string; topic: string | null; members: string[] };

/** What every screen needs to render the stage: sent on connect and after each change. */
export type StageSnapshot = {
  version: number;
  timer: TimerState;
  current: StageTeam | null;
  next: StageTeam | null;
  order: StageTeam[];
  /** 1-based position of the current team in the running order */
  position: number | null;
  changeoverMs: number;
};

/** Teams in their running order; those without a place yet come last, by name. */
export async function runningOrder(db: Db, editionId: string): Promise<StageTeam[]> {
  const teams = await db.team.findMany({
    where: { editionId },
    orderBy: [{ presentationOrder: { sort: "asc", nulls: "last" } }, { name: "asc" }],
    include: { topic: { select: { title: true } }, members: { include: { user: { select: { name: true } } }, orderBy: { joinedAt: "asc" } } },
  });
  return teams.map((t) => ({ id: t.id, name: t.name, topic: t.topic?.title ?? null, members: t.members.map((m) => m.user.name) }));
}

export async function stageSnapshot(db: Db, edition: EditionLike): Promise<StageSnapshot> {
  const [stage, order] = await Promise.all([db.stage.findUnique({ where: { editionId: edition.id } }), runningOrder(db, edition.id)]);
  const index = stage?.currentTeamId ? order.findIndex((t) => t.id === stage.currentTeamId) : -1;
  return {
    version: stage?.version ?? 0,
    timer: timerOf(stage, edition),
    current: index >= 0 ? order[index] : null,
    // before the first team, "next" is the first one
    next: index >= 0 ? (order[index + 1] ?? null) : (order[0] ?? null),
    order,
    position: index >= 0 ? index + 1 : null,
    changeoverMs: edition.changeoverSeconds * 1000,
  };
}

export function stageEvent(snapshot: StageSnapshot): LiveEvent {
  return { type: "stage", id: snapshot.version, data: snapshot };
}

/** The edition's display key, created on first use. */
export async function displayKey(db: Db, actor: Actor | null, editionId: string): Promise<string> {
  assertOrganizer(actor, msg("stage.doing.openProjector"));
  const edition = await editionOrNotFound(db, editionId);
  if (edition.displayKey) return edition.displayKey;
  await db.edition.updateMany({ where: { id: editionId, displayKey: null }, data: { displayKey: newKey() } });
  return (await editionOrNotFound(db, editionId)).displayKey!;
}

export async function editionByDisplayKey(db: Db, key: string) {
  if (!key || key.length > 64) return null;
  return db.edition.findUnique({ where: { displayKey: key } });
}

export function timerOf(stage: { status: string; slotMs: number; endsAt: Date | null; remainingMs: number } | null, edition: EditionLike): TimerState {
  if (!stage) return idleTimer(edition.slotSeconds * 1000);
  return { status: stage.status as TimerStatus, slotMs: stage.slotMs, endsAt: stage.endsAt?.getTime() ?? null, remainingMs: stage.remainingMs };
}

// ---- the projector's secret link ------------------------------------------

export function newKey() {
  return randomBytes(18).toString("base64url");
}

export type EditionLike = { id: string; slotSeconds: number; changeoverSeconds: number };
