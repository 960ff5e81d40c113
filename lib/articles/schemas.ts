import { z } from "zod";
import { parseEditionSlug } from "../editions/rules";
import { TOPIC_KINDS } from "../topics/rules";
import { MAX_TAGS, UPLOAD_FILE } from "./rules";
import { idSchema, text } from "../platform/schemas";

const title = text("Title", 3, 140);

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
  slug: z.string().trim().toLowerCase().max(80, { error: "The address is at most 80 characters." }).optional(),
  summary: z
    .string({ error: "The summary must be text." })
    .trim()
    .max(400, { error: "The summary is at most 400 characters: one or two sentences." })
    .default(""),
  body: z.string({ error: "The text must be text." }).max(200_000, { error: "The text is at most 200,000 characters." }).default(""),
  tags: z
    .array(z.string().trim().max(32, { error: "A tag is at most 32 characters." }))
    .max(MAX_TAGS, { error: `At most ${MAX_TAGS} tags.` })
    .default([]),
  coverFile: z.string().regex(UPLOAD_FILE, { error: "The cover is one of our uploads." }).nullable().default(null),
  coverAlt: z.string().trim().max(200, { error: "The cover's description is at most 200 characters." }).default(""),
  version: z.number({ error: "version must be a number." }).int().min(1),
});

export const previewSchema = z.object({ body: z.string().max(200_000, { error: "The text is at most 200,000 characters." }) });

export const authorsSchema = z.object({
  authors: z
    .array(z.union([z.object({ userId: idSchema }), z.object({ name: text("Name", 2, 80) })]), { error: "authors is a list of { userId } or { name }." })
    .min(1, { error: "An article needs at least one author." })
    .max(20, { error: "At most 20 authors." }),
});

export const REVIEW_ACTIONS = ["submit", "comment", "request-changes", "publish", "unpublish"] as const;
export const reviewSchema = z
  .object({
    action: z.enum(REVIEW_ACTIONS, { error: `action is one of ${REVIEW_ACTIONS.join(", ")}.` }),
    comment: z.string().trim().max(4000, { error: "A comment is at most 4,000 characters." }).default(""),
  })
  .refine((r) => !(r.action === "comment" || r.action === "request-changes") || r.comment.length > 0, { error: "Write the comment first.", path: ["comment"] });

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
