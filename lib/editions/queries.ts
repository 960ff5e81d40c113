// Editions, their phases and their agenda.
import type { Db, Tx } from "../platform/db";
import { pickCurrentEdition, splitCurrentAndActive, formatEditionNumber, parseEditionSlug, canSeeEdition } from "./rules";
import { notFound } from "../platform/errors";
import { msg } from "../platform/messages";
import { isOrganizer, type Actor } from "../people/rules";

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
  if (!edition || !canSeeEdition(actor, edition)) throw notFound(msg("editions.edition.noEdition", { number: formatEditionNumber(number) }));
  return edition;
}

export const getEditionById = (db: Db, actor: Actor | null, id: string) => editionOrNotFound(db, id, actor);

/**
 * The edition with this id, or "not found": the one way of lib/ to load an
 * edition by id. With `seenBy` (null: a visitor), also "not found" when that
 * person may not see it (a draft); without, for writes that checked their
 * actor already and for the server's own work.
 */
export async function editionOrNotFound(db: Db | Tx, id: string, seenBy?: Actor | null) {
  const edition = await db.edition.findUnique({ where: { id } });
  if (!edition || (seenBy !== undefined && !canSeeEdition(seenBy, edition))) throw notFound(msg("editions.edition.notFound"));
  return edition;
}

/**
 * The edition people care about now (lib/editions/rules.ts): the live one
 * (hacking, presentations, voting), else the newest taking proposals or forming
 * teams, else the newest closed or archived; for organizers, failing all
 * that, the newest draft.
 */
export async function currentEdition(db: Db, actor: Actor | null) {
  return pickCurrentEdition(await visibleEditions(db, actor), { includeDrafts: isOrganizer(actor) });
}

/**
 * The edition the site's header links to: the public answer (the same for
 * everyone, so the caller may cache it) or, only when no edition is public,
 * an organizer's newest draft.
 */
export async function headerEditionNumber(db: Db, actor: Actor | null, publicNumber: number | null): Promise<number | null> {
  if (publicNumber !== null || !isOrganizer(actor)) return publicNumber;
  return (await currentEdition(db, actor))?.number ?? null;
}

/** The current edition and the other active ones (proposals to voting), for the home page. */
export async function currentAndActiveEditions(db: Db, actor: Actor | null) {
  return splitCurrentAndActive(await visibleEditions(db, actor), { includeDrafts: isOrganizer(actor) });
}

// ---- agenda ----------------------------------------------------------------

export async function listAgenda(db: Db, editionId: string) {
  return db.agendaItem.findMany({ where: { editionId }, orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }] });
}

/** The number a new edition most likely gets: one more than the newest. */
export async function nextEditionNumber(db: Db): Promise<number> {
  const latest = await db.edition.aggregate({ _max: { number: true } });
  return (latest._max.number ?? 0) + 1;
}

/** The edition of an /api/editions/<hex>/… URL, visible to this person. */
export async function getEditionBySlug(db: Db, actor: Actor | null, slug: string) {
  const number = parseEditionSlug(decodeURIComponent(slug));
  if (number === null) throw notFound(msg("editions.edition.notANumber", { slug }));
  return getEditionByNumber(db, actor, number);
}

/** Every edition this person may see (organizers: drafts too), for the rules of lib/editions/rules.ts. */
function visibleEditions(db: Db, actor: Actor | null) {
  return db.edition.findMany({ where: isOrganizer(actor) ? {} : { phase: { not: "DRAFT" } } });
}

/** The edition's number, by id (null: there is no such edition). For what follows a change, not for showing: no permission check. */
export async function editionNumberOf(db: Db, id: string): Promise<number | null> {
  return (await db.edition.findUnique({ where: { id }, select: { number: true } }))?.number ?? null;
}
