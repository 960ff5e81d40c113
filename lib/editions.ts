// Editions, their phases and their agenda.
import type { Db } from "./db";
import { pickCurrentEdition, splitCurrentAndActive } from "./current-edition";
import type { Phase } from "./domain";
import { formatEditionNumber, parseEditionSlug } from "./domain";
import { conflict, invalid, isUniqueViolation, notFound } from "./errors";
import { assertOrganizer, canSeeEdition, isOrganizer, type Actor } from "./permissions";
import type { AgendaItemInput, EditionInput } from "./schemas/editions";
import { zonedLocalToUtc } from "./time";

/** Converts the form's wall-clock times (in the edition's zone) into instants. */
function editionData(input: EditionInput) {
  const at = (local: string, field: string) => {
    const d = zonedLocalToUtc(local, input.timezone);
    if (!d) throw invalid("That date and time is not valid.", field);
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

export async function listEditions(db: Db, actor: Actor | null) {
  const editions = await db.edition.findMany({
    where: isOrganizer(actor) ? {} : { phase: { not: "DRAFT" } },
    orderBy: { number: "desc" },
    include: { _count: { select: { teams: true, topics: true } } },
  });
  return editions;
}

export async function getEditionByNumber(db: Db, actor: Actor | null, number: number) {
  const edition = await db.edition.findUnique({ where: { number } });
  if (!edition || !canSeeEdition(actor, edition)) throw notFound(`There is no edition ${formatEditionNumber(number)}.`);
  return edition;
}

export async function getEditionById(db: Db, actor: Actor | null, id: string) {
  const edition = await db.edition.findUnique({ where: { id } });
  if (!edition || !canSeeEdition(actor, edition)) throw notFound("That edition doesn't exist.");
  return edition;
}

/** Every edition this person may see (organizers: drafts too), for the rules of lib/current-edition.ts. */
function visibleEditions(db: Db, actor: Actor | null) {
  return db.edition.findMany({ where: isOrganizer(actor) ? {} : { phase: { not: "DRAFT" } } });
}

/**
 * The edition people care about now (lib/current-edition.ts): the live one
 * (hacking, presentations, voting), else the newest taking proposals or forming
 * teams, else the newest closed or archived; for organizers, failing all
 * that, the newest draft.
 */
export async function currentEdition(db: Db, actor: Actor | null) {
  return pickCurrentEdition(await visibleEditions(db, actor), { includeDrafts: isOrganizer(actor) });
}

/** The current edition and the other active ones (proposals to voting), for the home page. */
export async function currentAndActiveEditions(db: Db, actor: Actor | null) {
  return splitCurrentAndActive(await visibleEditions(db, actor), { includeDrafts: isOrganizer(actor) });
}

export async function createEdition(db: Db, actor: Actor | null, input: EditionInput) {
  assertOrganizer(actor, "create editions");
  try {
    return await db.edition.create({ data: { ...editionData(input), phase: "DRAFT" } });
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Edition ${formatEditionNumber(input.number)} already exists.`, "number");
    throw error;
  }
}

export async function updateEdition(db: Db, actor: Actor | null, id: string, input: EditionInput) {
  assertOrganizer(actor, "edit editions");
  try {
    // its published articles carry its number (lists filter and link by it): renumbered with it, in one go
    const [edition] = await db.$transaction([
      db.edition.update({ where: { id }, data: editionData(input) }),
      db.publishedArticle.updateMany({ where: { editionId: id }, data: { editionNumber: input.number } }),
    ]);
    return edition;
  } catch (error) {
    if (isUniqueViolation(error)) throw conflict(`Edition ${formatEditionNumber(input.number)} already exists.`, "number");
    if ((error as { code?: string }).code === "P2025") throw notFound("That edition doesn't exist.");
    throw error;
  }
}

/** Organizers move an edition to any phase: forward as the event goes, back to correct a mistake. */
export async function setPhase(db: Db, actor: Actor | null, id: string, phase: Phase) {
  assertOrganizer(actor, "change an edition's phase");
  const updated = await db.edition.updateMany({ where: { id }, data: { phase } });
  if (updated.count === 0) throw notFound("That edition doesn't exist.");
  return db.edition.findUniqueOrThrow({ where: { id } });
}

// ---- agenda ----------------------------------------------------------------

export async function listAgenda(db: Db, editionId: string) {
  return db.agendaItem.findMany({ where: { editionId }, orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }] });
}

function agendaData(input: AgendaItemInput, timezone: string) {
  const startsAt = zonedLocalToUtc(input.startsAt, timezone);
  if (!startsAt) throw invalid("That start is not a valid date and time.", "startsAt");
  const endsAt = input.endsAt ? zonedLocalToUtc(input.endsAt, timezone) : null;
  if (input.endsAt && !endsAt) throw invalid("That end is not a valid date and time.", "endsAt");
  return { title: input.title, startsAt, endsAt, location: input.location, description: input.description };
}

export async function addAgendaItem(db: Db, actor: Actor | null, editionId: string, input: AgendaItemInput) {
  assertOrganizer(actor, "edit the agenda");
  const edition = await db.edition.findUnique({ where: { id: editionId } });
  if (!edition) throw notFound("That edition doesn't exist.");
  return db.agendaItem.create({ data: { editionId, ...agendaData(input, edition.timezone) } });
}

export async function updateAgendaItem(db: Db, actor: Actor | null, itemId: string, input: AgendaItemInput) {
  assertOrganizer(actor, "edit the agenda");
  const item = await db.agendaItem.findUnique({ where: { id: itemId }, include: { edition: true } });
  if (!item) throw notFound("That agenda item doesn't exist any more.");
  return db.agendaItem.update({ where: { id: itemId }, data: agendaData(input, item.edition.timezone) });
}

export async function deleteAgendaItem(db: Db, actor: Actor | null, itemId: string) {
  assertOrganizer(actor, "edit the agenda");
  await db.agendaItem.deleteMany({ where: { id: itemId } }); // deleting twice is not an error
}

/** The number a new edition most likely gets: one more than the newest. */
export async function nextEditionNumber(db: Db): Promise<number> {
  const latest = await db.edition.aggregate({ _max: { number: true } });
  return (latest._max.number ?? 0) + 1;
}

/** The edition of an /api/editions/<hex>/… URL, visible to this person. */
export async function getEditionBySlug(db: Db, actor: Actor | null, slug: string) {
  const number = parseEditionSlug(decodeURIComponent(slug));
  if (number === null) throw notFound(`“${slug}” is not an edition number: use the hexadecimal form, e.g. 0x09.`);
  return getEditionByNumber(db, actor, number);
}
