// The articles' small rules, shared by the server and the editor in the
// browser: statuses, addresses (slugs), tags, author keys.
import { phaseIndex, type Phase } from "../editions/rules";
import { isOrganizer, type Actor } from "../people/rules";

export const ARTICLE_STATUSES = ["DRAFT", "IN_REVIEW", "PUBLISHED"] as const;
export type ArticleStatus = (typeof ARTICLE_STATUSES)[number];
export const ARTICLE_STATUS_LABELS: Record<ArticleStatus, string> = { DRAFT: "Draft", IN_REVIEW: "In review", PUBLISHED: "Published" };

export const MAX_TAGS = 8;

/** "Sub-millisecond tracing, at last!" → "sub-millisecond-tracing-at-last" (ASCII letters, digits, hyphens). */
export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/, "");
}

/** A tag as stored and filtered on: lowercase, words joined by hyphens ("eBPF" → "ebpf", "Open Source" → "open-source"). */
export const normalizeTag = (tag: string) => slugify(tag).slice(0, 32);

/** An author's key in the public author filter: /articles?author=alice-martin. */
export const authorKey = (name: string) => slugify(name) || "author";

export const parseTags = (json: string): string[] => {
  try {
    const tags = JSON.parse(json);
    return Array.isArray(tags) ? tags.filter((t): t is string => typeof t === "string") : [];
  } catch {
    return [];
  }
};

/** An uploaded image's stored name: its content's hash and its type (lib/articles/uploads.ts). */
export const UPLOAD_FILE = /^[a-f0-9]{32}\.(png|jpg|webp|gif|avif)$/;

export type ArticleWithAuthors = { id: string; createdById: string; authors: { userId: string | null }[] };

/** Authors (and organizers) edit: the team's members when the article was started, and whoever they add. */
export function canEditArticle(actor: Actor | null, article: ArticleWithAuthors): boolean {
  if (!actor) return false;
  if (isOrganizer(actor)) return true;
  return article.authors.some((a) => a.userId === actor.id);
}

/** A team's article is started once hacking has started, and ever after (write-ups come after the event). */
export const teamArticlesOpen = (edition: { phase: string }) => phaseIndex(edition.phase as Phase) >= phaseIndex("HACKING");
