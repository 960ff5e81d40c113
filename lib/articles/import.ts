// `npm run import -- DIR`: backfills articles from a folder of Markdown files
// with front-matter (title, edition, team, authors, date, tags, summary,
// cover), uploading the images they reference, and publishing them with
// their original date. Idempotent: each file is remembered by its path in the
// folder, and importing it again changes nothing unless the file changed
// (then the article is updated and shows "updated on").
import fs from "node:fs/promises";
import path from "node:path";
import matter from "gray-matter";
import { z } from "zod";
import { MAX_TAGS, normalizeTag, parseTags } from "./rules";
import { createArticle, publishArticle, saveArticle, setAuthors, type AuthorInput } from "./commands";
import type { Db } from "../platform/db";
import { parseEditionSlug } from "../editions/rules";
import { DomainError } from "../platform/errors";
import { translate } from "../platform/i18n";
import { msg } from "../platform/messages";
import { assertOrganizer, type Actor } from "../people/rules";
import { storeUpload } from "./uploads";

const frontMatterSchema = z.object({
  title: z.string().trim().min(3).max(140),
  edition: z.union([z.string(), z.number()]).transform((v, ctx) => {
    const n = typeof v === "number" ? v : parseEditionSlug(v);
    if (!n) ctx.addIssue({ code: "custom", message: `edition "${v}" isn't an edition number such as 0x07` });
    return n ?? 0;
  }),
  team: z.string().trim().min(1).optional(),
  authors: z.array(z.string().trim().min(2).max(80)).min(1).max(20),
  date: z.union([z.date(), z.string()]).transform((v, ctx) => {
    const d = v instanceof Date ? v : new Date(v);
    if (Number.isNaN(d.getTime())) ctx.addIssue({ code: "custom", message: `date "${String(v)}" isn't a date (2025-06-20)` });
    return d;
  }),
  tags: z.array(z.string()).max(MAX_TAGS).default([]),
  summary: z.string().trim().max(400).optional(),
  slug: z.string().trim().optional(),
  cover: z.string().trim().optional(),
  cover_alt: z.string().trim().max(200).default(""),
});

export type ImportResult = { file: string; outcome: "created" | "updated" | "unchanged" | "failed"; slug?: string; error?: string };

const isLocalImage = (target: string) => !/^([a-z]+:|\/|#)/i.test(target);

/** Uploads an image the article references by a path relative to its file; gives its /uploads/ address. */
async function uploadImage(db: Db, actor: Actor, baseDir: string, target: string): Promise<string> {
  const file = path.resolve(baseDir, decodeURI(target));
  if (!file.startsWith(path.resolve(baseDir) + path.sep)) throw new Error(`image ${target} is outside the article's folder`);
  const stored = await storeUpload(db, actor, await fs.readFile(file).catch(() => Promise.reject(new Error(`image ${target} not found`))));
  return stored.file;
}

async function importFile(db: Db, actor: Actor, root: string, relative: string, now: Date): Promise<ImportResult> {
  const absolute = path.join(root, relative);
  const { data, content } = matter(await fs.readFile(absolute, "utf8"));
  const parsed = frontMatterSchema.safeParse(data);
  if (!parsed.success)
    return { file: relative, outcome: "failed", error: parsed.error.issues.map((i) => `${i.path.join(".") || "front-matter"}: ${i.message}`).join("; ") };
  const meta = parsed.data;
  const edition = await db.edition.findUnique({ where: { number: meta.edition } });
  if (!edition) return { file: relative, outcome: "failed", error: `there is no edition ${data.edition}` };
  const team = meta.team ? await db.team.findFirst({ where: { editionId: edition.id, name: meta.team } }) : null;
  if (meta.team && !team) return { file: relative, outcome: "failed", error: `edition ${data.edition} has no team "${meta.team}"` };

  // images: uploaded (content-addressed: the same image again is the same file), links rewritten
  const baseDir = path.dirname(absolute);
  let body = content.trim() + "\n";
  for (const match of [...body.matchAll(/!\[([^\]]*)\]\(([^)\s]+)([^)]*)\)/g)]) {
    if (!isLocalImage(match[2])) continue;
    body = body.replace(match[0], `![${match[1]}](/uploads/${await uploadImage(db, actor, baseDir, match[2])}${match[3]})`);
  }
  const coverFile = meta.cover ? await uploadImage(db, actor, baseDir, meta.cover) : null;
  const summary =
    meta.summary ??
    content
      .split(/\n\s*\n/)
      .find((p) => p.trim() && !p.trim().startsWith("#"))
      ?.trim()
      .slice(0, 300) ??
    "";
  const tags = [...new Set(meta.tags.map(normalizeTag).filter(Boolean))];
  const users = await db.user.findMany({
    where: { OR: [{ email: { in: meta.authors } }, { name: { in: meta.authors } }] },
    select: { id: true, email: true, name: true },
  });
  const authors: AuthorInput[] = meta.authors.map((a) => {
    const user = users.find((u) => u.email === a || u.name === a);
    return user ? { userId: user.id } : { name: a };
  });

  let article = await db.article.findUnique({
    where: { importKey: relative },
    include: { authors: { orderBy: { position: "asc" } }, published: { select: { publishedAt: true } } },
  });
  if (article) {
    const sameAuthors =
      JSON.stringify(article.authors.map((a) => a.userId ?? a.name)) === JSON.stringify(authors.map((a) => ("userId" in a ? a.userId : a.name)));
    const same =
      article.title === meta.title &&
      article.summary === summary &&
      article.body === body &&
      JSON.stringify(parseTags(article.tags)) === JSON.stringify(tags) &&
      article.coverFile === coverFile &&
      article.coverAlt === meta.cover_alt &&
      article.teamId === (team?.id ?? null) &&
      article.editionId === edition.id &&
      sameAuthors &&
      article.status === "PUBLISHED" &&
      !article.pendingChanges &&
      article.published?.publishedAt.getTime() === meta.date.getTime();
    if (same) return { file: relative, outcome: "unchanged", slug: article.slug };
  }
  const created = !article;
  if (!article) {
    const fresh = await createArticle(db, actor, { editionId: edition.id, teamId: team?.id ?? null, title: meta.title }, { importKey: relative });
    article = await db.article.findUniqueOrThrow({
      where: { id: fresh.id },
      include: { authors: { orderBy: { position: "asc" } }, published: { select: { publishedAt: true } } },
    });
  }
  await setAuthors(db, actor, article.id, authors);
  const current = await db.article.findUniqueOrThrow({ where: { id: article.id }, select: { version: true } });
  const saved = await saveArticle(
    db,
    actor,
    article.id,
    { title: meta.title, slug: article.published ? undefined : (meta.slug ?? undefined), summary, body, tags, coverFile, coverAlt: meta.cover_alt },
    current.version,
  );
  await publishArticle(db, actor, article.id, now, { publishedAt: meta.date });
  return { file: relative, outcome: created ? "created" : "updated", slug: saved.slug };
}

/** Imports every .md file of `dir` (and its subfolders), as `actor` (an organizer). */
export async function importArticles(db: Db, actor: Actor, dir: string, now = new Date()): Promise<ImportResult[]> {
  assertOrganizer(actor, msg("articles.doing.import"));
  const root = path.resolve(dir);
  const files = (await fs.readdir(root, { recursive: true })).filter((f) => f.endsWith(".md")).sort();
  const results: ImportResult[] = [];
  for (const file of files) {
    try {
      results.push(await importFile(db, actor, root, file, now));
    } catch (error) {
      // a command-line tool's report: in English (a refusal of lib/ is a message to translate)
      results.push({ file, outcome: "failed", error: error instanceof DomainError || error instanceof Error ? translate(error.message, "en") : String(error) });
    }
  }
  return results;
}
