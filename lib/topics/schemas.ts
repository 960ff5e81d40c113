import { z } from "zod";
import { TOPIC_KINDS } from "./rules";
import { idSchema, text } from "../platform/schemas";
import { msg } from "../platform/messages";

export const topicSchema = z.object({
  title: text(msg("topics.field.title"), 3, 120),
  pitch: text(msg("topics.field.pitch"), 10, 10_000),
  kind: z.enum(TOPIC_KINDS, { error: msg("topics.form.pickKind") }),
});
export type TopicInput = z.infer<typeof topicSchema>;

export const rejectTopicSchema = z.object({
  reason: text(msg("topics.field.reason"), 3, 500),
});

export const mergeTopicSchema = z.object({
  targetTopicId: idSchema,
});

export const topicListQuerySchema = z.object({
  kind: z.enum(TOPIC_KINDS).optional().catch(undefined),
  sort: z.enum(["interest", "recent"]).catch("interest").default("interest"),
});
export type TopicListQuery = z.infer<typeof topicListQuerySchema>;
