// Full-text search over the published articles, behind one function for both
// databases: SQLite's FTS5 (bm25 ranking, porter stemming, accents folded)
// and PostgreSQL's full-text search (a weighted tsvector column with a GIN
// index, ts_rank_cd ranking). Titles weigh most, then summaries, then bodies.
// Matches come back highlighted in a snippet, as safe HTML (<mark> only).
import { dbKind, type Db, type Tx } from "../platform/db";
import { escapeMarkup } from "../platform/markdown";

export type SearchHit = { articleId: string; rank: number; snippet: string };

// highlight delimiters no text contains: the text is escaped first, then they become <mark>
const OPEN = "\u0002";
const CLOSE = "\u0003";

/** A snippet with the search engine's markers, as HTML: escaped, the matches in <mark>. */
export function snippetHtml(marked: string): string {
  return escapeMarkup(marked.replace(/\s+/g, " ").trim()).replaceAll(OPEN, "<mark>").replaceAll(CLOSE, "</mark>");
}

/** The words of a query, for either engine: letters and digits only, so nothing a person types is query syntax. */
export function queryTerms(query: string): string[] {
  return (
    query
      .normalize("NFKC")
      .toLowerCase()
      .match(/[\p{L}\p{N}]+/gu) ?? []
  ).slice(0, 12);
}

/** FTS5: every word must match, the last one as a prefix (results while typing). */
export function fts5Query(terms: string[]): string {
  return terms.map((t, i) => `"${t}"${i === terms.length - 1 ? "*" : ""}`).join(" ");
}

/** PostgreSQL: every word must match, the last one as a prefix. */
export function tsQuery(terms: string[]): string {
  return terms.map((t, i) => `${t.replace(/'/g, "")}${i === terms.length - 1 ? ":*" : ""}`).join(" & ");
}

/** The published articles matching `query`, best first; `among` narrows to those ids (the other filters), already computed. */
export async function searchArticles(
  db: Db,
  query: string,
  { limit, offset, among }: { limit: number; offset: number; among?: string[] },
): Promise<{ hits: SearchHit[]; total: number }> {
  const terms = queryTerms(query);
  if (terms.length === 0 || (among && among.length === 0)) return { hits: [], total: 0 };
  if (dbKind(db) === "sqlite") {
    const match = fts5Query(terms);
    const filter = among ? `AND "articleId" IN (SELECT value FROM json_each(?))` : "";
    const params = among ? [match, JSON.stringify(among)] : [match];
    const [{ total }] = await db.$queryRawUnsafe<{ total: number | bigint }[]>(
      `SELECT count(*) AS total FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ? ${filter}`,
      ...params,
    );
    const rows = await db.$queryRawUnsafe<{ articleId: string; rank: number; snippet: string }[]>(
      `SELECT "articleId", bm25("ArticleSearch", 0, 10, 4, 1) AS rank,
              snippet("ArticleSearch", -1, ?, ?, '…', 24) AS snippet
         FROM "ArticleSearch" WHERE "ArticleSearch" MATCH ? ${filter}
        ORDER BY rank, "articleId" LIMIT ? OFFSET ?`,
      OPEN,
      CLOSE,
      ...params,
      limit,
      offset,
    );
    return { total: Number(total), hits: rows.map((r) => ({ articleId: r.articleId, rank: -r.rank, snippet: snippetHtml(r.snippet) })) };
  }
  const tsquery = tsQuery(terms);
  const filter = among ? `AND "articleId" = ANY($2::text[])` : "";
  const params: unknown[] = among ? [tsquery, among] : [tsquery];
  const [{ total }] = await db.$queryRawUnsafe<{ total: number | bigint }[]>(
    `SELECT count(*) AS total FROM "PublishedArticle" WHERE "search" @@ to_tsquery('english', $1) ${filter}`,
    ...params,
  );
  const n = params.length;
  const rows = await db.$queryRawUnsafe<{ articleId: string; rank: number; snippet: string }[]>(
    `SELECT "articleId", ts_rank_cd("search", q) AS rank,
            ts_headline('english', "summary" || ' ' || left("body", 20000), q,
              'StartSel=${OPEN}, StopSel=${CLOSE}, MaxWords=30, MinWords=12, MaxFragments=1, FragmentDelimiter=" … "') AS snippet
       FROM "PublishedArticle", to_tsquery('english', $1) q
      WHERE "search" @@ q ${filter}
      ORDER BY rank DESC, "publishedAt" DESC, "articleId" LIMIT $${n + 1} OFFSET $${n + 2}`,
    ...params,
    limit,
    offset,
  );
  return { total: Number(total), hits: rows.map((r) => ({ articleId: r.articleId, rank: Number(r.rank), snippet: snippetHtml(r.snippet) })) };
}

/** Puts a published article into the index (SQLite; PostgreSQL's column follows its row by itself). Call in the publishing transaction. */
export async function indexArticle(tx: Tx, kind: "sqlite" | "postgresql", article: { articleId: string; title: string; summary: string; body: string }) {
  if (kind !== "sqlite") return;
  await tx.$executeRawUnsafe(`DELETE FROM "ArticleSearch" WHERE "articleId" = ?`, article.articleId);
  await tx.$executeRawUnsafe(
    `INSERT INTO "ArticleSearch" ("articleId", "title", "summary", "body") VALUES (?, ?, ?, ?)`,
    article.articleId,
    article.title,
    article.summary,
    article.body,
  );
}

export async function unindexArticle(tx: Tx, kind: "sqlite" | "postgresql", articleId: string) {
  if (kind !== "sqlite") return;
  await tx.$executeRawUnsafe(`DELETE FROM "ArticleSearch" WHERE "articleId" = ?`, articleId);
}
