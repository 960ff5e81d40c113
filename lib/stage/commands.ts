// The stage's writes: the organizer's timer commands, the running order, the
// slot's length and the projector's secret link; every screen hears of each.
import { editionOrNotFound } from "../editions/queries";
import type { Db } from "../platform/db";
import { DomainError, invalid, notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { announce } from "../platform/events";
import { assertOrganizer, type Actor } from "../people/rules";
import { applyTimerCommand, idleTimer, type TimerCommand, type TimerState } from "./rules";
import { StageSnapshot, runningOrder, timerOf, newKey, stageSnapshot, EditionLike, StageTeam } from "./queries";

export type StageCommand = TimerCommand | "next" | "previous" | { goto: string };

/** Applies a stage command (start, pause, next team…) for an organizer, and tells every screen. */
export async function commandStage(db: Db, actor: Actor | null, editionId: string, command: StageCommand, now = Date.now()): Promise<StageSnapshot> {
  assertOrganizer(actor, msg("stage.doing.run"));
  const edition = await editionOrNotFound(db, editionId);
  // A failed compare-and-set means another change went through meanwhile, so
  // with n organizers (or clicks) racing, a press retries at most n - 1 times:
  // the budget must cover a burst of presses, or some are lost as "press again".
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    // read inside the loop: a reorder racing a "next" is seen on the retry
    const order = await runningOrder(db, editionId);
    const stage = await db.stage.findUnique({ where: { editionId } });
    const timer = timerOf(stage, edition);
    let currentTeamId = stage?.currentTeamId ?? null;
    let next: TimerState;
    if (typeof command === "string" && command !== "next" && command !== "previous") {
      if (!currentTeamId) {
        if (!order.length) throw invalid(msg("stage.order.noTeams"));
        currentTeamId = order[0].id; // "start" before choosing anyone starts the first team
      }
      // a reset starts over with the edition's slot, even if it changed mid-presentation
      next = command === "reset" ? idleTimer(edition.slotSeconds * 1000) : applyTimerCommand(timer, command, now);
    } else {
      currentTeamId = targetTeam(order, currentTeamId, command);
      next = idleTimer(edition.slotSeconds * 1000); // a new team starts with a full slot, when the organizer says go
    }
    const data = {
      currentTeamId,
      status: next.status,
      slotMs: next.slotMs,
      endsAt: next.endsAt === null ? null : new Date(next.endsAt),
      remainingMs: Math.round(next.remainingMs),
    };
    if (!stage) {
      try {
        await db.stage.create({ data: { editionId, ...data, version: 1 } });
      } catch (error) {
        if ((error as { code?: string }).code === "P2002") continue; // another organizer created it first
        throw error;
      }
    } else {
      const written = await db.stage.updateMany({ where: { editionId, version: stage.version }, data: { ...data, version: stage.version + 1 } });
      if (written.count === 0) continue; // someone changed the stage meanwhile: apply ours on top of theirs
    }
    return stageChanged(db, edition);
  }
  throw new DomainError("CONFLICT", msg("stage.busy"));
}

/** Sets the running order; teams not listed keep their relative order after those listed. */
export async function setRunningOrder(db: Db, actor: Actor | null, editionId: string, teamIds: string[]): Promise<StageSnapshot> {
  assertOrganizer(actor, msg("stage.doing.setOrder"));
  const edition = await editionOrNotFound(db, editionId);
  const teams = await db.team.findMany({ where: { editionId }, select: { id: true } });
  const known = new Set(teams.map((t) => t.id));
  if (new Set(teamIds).size !== teamIds.length) throw invalid(msg("stage.order.twice"), "teamIds");
  const unknown = teamIds.find((id) => !known.has(id));
  if (unknown) throw invalid(msg("stage.order.unknownTeam"), "teamIds");
  const current = await runningOrder(db, editionId);
  const full = [...teamIds, ...current.map((t) => t.id).filter((id) => !teamIds.includes(id))];
  await db.$transaction(full.map((id, i) => db.team.update({ where: { id }, data: { presentationOrder: i + 1 } })));
  await db.stage.updateMany({ where: { editionId }, data: { version: { increment: 1 } } });
  return stageChanged(db, edition);
}

export async function setSlotLength(db: Db, actor: Actor | null, editionId: string, slotSeconds: number, changeoverSeconds: number): Promise<StageSnapshot> {
  assertOrganizer(actor, msg("stage.doing.changeSlot"));
  const edition = await db.edition.update({ where: { id: editionId }, data: { slotSeconds, changeoverSeconds } }).catch((error) => {
    if ((error as { code?: string }).code === "P2025") throw notFound(msg("editions.edition.notFound"));
    throw error;
  });
  // an idle timer shows the new slot at once; a running one keeps its time
  await db.stage.updateMany({ where: { editionId, status: "IDLE" }, data: { slotMs: slotSeconds * 1000, remainingMs: slotSeconds * 1000 } });
  await db.stage.updateMany({ where: { editionId }, data: { version: { increment: 1 } } });
  return stageChanged(db, edition);
}

/** A new display key: links copied before stop working. */
export async function rotateDisplayKey(db: Db, actor: Actor | null, editionId: string): Promise<string> {
  assertOrganizer(actor, msg("stage.doing.revokeLink"));
  const key = newKey();
  await db.edition.update({ where: { id: editionId }, data: { displayKey: key } });
  return key;
}

/** Every screen hears of the change (app/_lib/live-updates.ts); the organizer's page gets the stage as it is now. */
async function stageChanged(db: Db, edition: EditionLike) {
  await announce({ type: "stage.changed", editionId: edition.id });
  return stageSnapshot(db, edition);
}

/** The team `command` moves the stage to, or the current one. */
function targetTeam(order: StageTeam[], currentId: string | null, command: StageCommand): string | null {
  const index = currentId ? order.findIndex((t) => t.id === currentId) : -1;
  if (command === "next") {
    if (index + 1 >= order.length) throw invalid(order.length ? msg("stage.order.last") : msg("stage.order.noTeams"));
    return order[index + 1].id;
  }
  if (command === "previous") {
    if (index <= 0) throw invalid(msg("stage.order.first"));
    return order[index - 1].id;
  }
  if (typeof command === "object") {
    if (!order.some((t) => t.id === command.goto)) throw invalid(msg("stage.order.notInOrder"));
    return command.goto;
  }
  return currentId;
}

const MAX_ATTEMPTS = 50;
