import { z } from "zod";
import { parseEditionSlug } from "../editions/rules";
import { TOPIC_KINDS } from "../topics/rules";
import { MAX_TAGS, UPLOAD_FILE } from "./rules";
import { idSchema, text } from "../platform/schemas";
import { msg } from "../platform/messages";

const title = text(msg("articles.field.title"), 3, 140);

export const newArticleSchema = z.object({
  editionId: idSchema,
  /** empty or missing: an article of no team (organizers only) */
  teamId: z
    .union([z.literal(""), z.null()])
    .optional()
    .transform(() => null)
    .or(idSchema),
  title,
});

/** The editor's autosave: the whole working copy, and the version it started from. */
export const articleDraftSchema = z.object({
  title,
  slug: z
    .string()
    .trim()
    .toLowerCase()
    .max(80, { error: msg("articles.draft.slugTooLong") })
    .optional(),
  summary: z
    .string({ error: msg("articles.draft.summaryNotText") })
    .trim()
    .max(400, { error: msg("articles.draft.summaryTooLong") })
    .default(""),
  body: z
    .string({ error: msg("articles.draft.bodyNotText") })
    .max(200_000, { error: msg("articles.draft.bodyTooLong") })
    .default(""),
  tags: z
    .array(
      z
        .string()
        .trim()
        .max(32, { error: msg("articles.draft.tagTooLong") }),
    )
    .max(MAX_TAGS, { error: msg("articles.draft.tooManyTags", { max: MAX_TAGS }) })
    .default([]),
  coverFile: z
    .string()
    .regex(UPLOAD_FILE, { error: msg("articles.draft.coverNotAnUpload") })
    .nullable()
    .default(null),
  coverAlt: z
    .string()
    .trim()
    .max(200, { error: msg("articles.draft.coverAltTooLong") })
    .default(""),
  version: z
    .number({ error: msg("articles.draft.versionNotANumber") })
    .int()
    .min(1),
});

export const previewSchema = z.object({ body: z.string().max(200_000, { error: msg("articles.draft.bodyTooLong") }) });

export const authorsSchema = z.object({
  authors: z
    .array(z.union([z.object({ userId: idSchema }), z.object({ name: text(msg("articles.field.authorName"), 2, 80) })]), {
      error: msg("articles.authors.notAList"),
    })
    .min(1, { error: msg("articles.authors.atLeastOne") })
    .max(20, { error: msg("articles.authors.tooMany") }),
});

export const REVIEW_ACTIONS = ["submit", "comment", "request-changes", "publish", "unpublish"] as const;
export const reviewSchema = z
  .object({
    action: z.enum(REVIEW_ACTIONS, { error: msg("articles.review.actionInvalid", { actions: REVIEW_ACTIONS.join(", ") }) }),
    comment: z
      .string()
      .trim()
      .max(4000, { error: msg("articles.review.commentTooLong") })
      .default(""),
  })
  .refine((r) => !(r.action === "comment" || r.action === "request-changes") || r.comment.length > 0, {
    error: msg("articles.review.commentFirst"),
    path: ["comment"],
  });

/** The public list's query string: anything odd is dropped, not an error (a reader follows links, not forms). */
export const articleQuerySchema = z.object({
  q: z.string().trim().max(200).optional().catch(undefined),
  edition: z
    .string()
    .transform((v) => parseEditionSlug(v) ?? undefined)
    .optional()
    .catch(undefined),
  kind: z.enum(TOPIC_KINDS).optional().catch(undefined),
  tag: z
    .string()
    .trim()
    .toLowerCase()
    .max(32)
    .regex(/^[a-z0-9-]+$/)
    .optional()
    .catch(undefined),
  author: z
    .string()
    .trim()
    .toLowerCase()
    .max(80)
    .regex(/^[a-z0-9-]+$/)
    .optional()
    .catch(undefined),
  page: z.coerce.number().int().min(1).max(10_000).optional().catch(undefined),
});
