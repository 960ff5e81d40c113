// Reads behind the insights: what the charts and reports count, across
// editions. Each edition counts the people taking part: whoever proposed a
// topic, showed interest in one, or was in a team.
import type { Db } from "../platform/db";
import type { Actor } from "../people/rules";
import { formatEditionNumber } from "../editions/rules";
import { listEditions } from "../editions/queries";
import type { EditionFigures } from "./rules";

/** Per edition this person may see (drafts aside): teams, people taking part, articles published. */
export async function editionFigures(db: Db, actor: Actor | null): Promise<EditionFigures[]> {
  const editions = (await listEditions(db, actor)).filter((e) => e.phase !== "DRAFT");
  const ids = editions.map((e) => e.id);
  const [members, proposers, interests, articles] = await Promise.all([
    db.teamMember.findMany({ where: { editionId: { in: ids } }, select: { editionId: true, userId: true } }),
    db.topic.findMany({ where: { editionId: { in: ids } }, select: { editionId: true, proposerId: true } }),
    db.interest.findMany({ where: { topic: { editionId: { in: ids } } }, select: { userId: true, topic: { select: { editionId: true } } } }),
    db.publishedArticle.groupBy({ by: ["editionId"], where: { editionId: { in: ids } }, _count: { _all: true } }),
  ]);
  const people = new Map(ids.map((id) => [id, new Set<string>()]));
  for (const m of members) people.get(m.editionId)?.add(m.userId);
  for (const t of proposers) people.get(t.editionId)?.add(t.proposerId);
  for (const i of interests) people.get(i.topic.editionId)?.add(i.userId);
  const published = new Map(articles.map((a) => [a.editionId, a._count._all]));
  return editions.map((e) => ({
    number: e.number,
    slug: formatEditionNumber(e.number),
    teams: e._count.teams,
    people: people.get(e.id)?.size ?? 0,
    articles: published.get(e.id) ?? 0,
  }));
}
