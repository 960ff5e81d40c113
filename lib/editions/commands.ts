// Editions' writes: creating and changing an edition, moving it through its
// phases, and its agenda. Organizers only.
import { editionOrNotFound } from "./queries";
import { announce } from "../platform/events";
import type { Db } from "../platform/db";
import { type Phase, formatEditionNumber } from "./rules";
import { conflict, invalid, isUniqueViolation, notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { assertOrganizer, type Actor } from "../people/rules";
import type { AgendaItemInput, EditionInput } from "./schemas";
import { zonedLocalToUtc } from "../platform/time";

export async function createEdition(db: Db, actor: Actor | null, input: EditionInput) {
  assertOrganizer(actor, msg("editions.doing.create"));
  try {
    const edition = await db.edition.create({ data: { ...editionData(input), phase: "DRAFT" } });
    await announce({ type: "edition.created", editionId: edition.id });
    return edition;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(msg("editions.edition.exists", { number: formatEditionNumber(input.number) }), "number");
    throw error;
  }
}

export async function updateEdition(db: Db, actor: Actor | null, id: string, input: EditionInput) {
  assertOrganizer(actor, msg("editions.doing.edit"));
  try {
    // its published articles carry its number (lists filter and link by it): renumbered with it, in one go
    const [edition] = await db.$transaction([
      db.edition.update({ where: { id }, data: editionData(input) }),
      db.publishedArticle.updateMany({ where: { editionId: id }, data: { editionNumber: input.number } }),
    ]);
    await announce({ type: "edition.updated", editionId: id });
    return edition;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(msg("editions.edition.exists", { number: formatEditionNumber(input.number) }), "number");
    if ((error as { code?: string }).code === "P2025") throw notFound(msg("editions.edition.notFound"));
    throw error;
  }
}

/** Organizers move an edition to any phase: forward as the event goes, back to correct a mistake. */
export async function setPhase(db: Db, actor: Actor | null, id: string, phase: Phase) {
  assertOrganizer(actor, msg("editions.doing.changePhase"));
  const updated = await db.edition.updateMany({ where: { id }, data: { phase } });
  if (updated.count === 0) throw notFound(msg("editions.edition.notFound"));
  await announce({ type: "phase.changed", editionId: id, phase });
  return db.edition.findUniqueOrThrow({ where: { id } });
}

export async function addAgendaItem(db: Db, actor: Actor | null, editionId: string, input: AgendaItemInput) {
  assertOrganizer(actor, msg("editions.doing.editAgenda"));
  const edition = await editionOrNotFound(db, editionId);
  const item = await db.agendaItem.create({ data: { editionId, ...agendaData(input, edition.timezone) } });
  await announce({ type: "agenda.changed", editionId });
  return item;
}

export async function updateAgendaItem(db: Db, actor: Actor | null, itemId: string, input: AgendaItemInput) {
  assertOrganizer(actor, msg("editions.doing.editAgenda"));
  const item = await db.agendaItem.findUnique({ where: { id: itemId }, include: { edition: true } });
  if (!item) throw notFound(msg("editions.agenda.itemGone"));
  const updated = await db.agendaItem.update({ where: { id: itemId }, data: agendaData(input, item.edition.timezone) });
  await announce({ type: "agenda.changed", editionId: item.editionId });
  return updated;
}

export async function deleteAgendaItem(db: Db, actor: Actor | null, itemId: string) {
  assertOrganizer(actor, msg("editions.doing.editAgenda"));
  const item = await db.agendaItem.findUnique({ where: { id: itemId }, select: { editionId: true } });
  await db.agendaItem.deleteMany({ where: { id: itemId } }); // deleting twice is not an error
  if (item) await announce({ type: "agenda.changed", editionId: item.editionId });
}

/** Converts the form's wall-clock times (in the edition's zone) into instants. */
function editionData(input: EditionInput) {
  const at = (local: string, field: string) => {
    const d = zonedLocalToUtc(local, input.timezone);
    if (!d) throw invalid(msg("editions.dates.invalid"), field);
    return d;
  };
  return {
    number: input.number,
    title: input.title,
    timezone: input.timezone,
    hackingStartsAt: at(input.hackingStartsAt, "hackingStartsAt"),
    presentationsStartAt: at(input.presentationsStartAt, "presentationsStartAt"),
    endsAt: at(input.endsAt, "endsAt"),
    maxTeamSize: input.maxTeamSize,
  };
}

function agendaData(input: AgendaItemInput, timezone: string) {
  const startsAt = zonedLocalToUtc(input.startsAt, timezone);
  if (!startsAt) throw invalid(msg("editions.dates.invalidStart"), "startsAt");
  const endsAt = input.endsAt ? zonedLocalToUtc(input.endsAt, timezone) : null;
  if (input.endsAt && !endsAt) throw invalid(msg("editions.dates.invalidEnd"), "endsAt");
  return { title: input.title, startsAt, endsAt, location: input.location, description: input.description };
}
