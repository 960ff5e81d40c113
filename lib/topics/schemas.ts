import { z } from "zod";
import { TOPIC_KINDS } from "./rules";
import { idSchema, text } from "../platform/schemas";

export const topicSchema = z.object({
  title: text("Title", 3, 120),
  pitch: text("Pitch", 10, 10_000),
  kind: z.enum(TOPIC_KINDS, { error: "Pick the kind of topic." }),
});
export type TopicInput = z.infer<typeof topicSchema>;

export const rejectTopicSchema = z.object({
  reason: text("Reason", 3, 500),
});

export const mergeTopicSchema = z.object({
  targetTopicId: idSchema,
});

export const topicListQuerySchema = z.object({
  kind: z.enum(TOPIC_KINDS).optional().catch(undefined),
  sort: z.enum(["interest", "recent"]).catch("interest").default("interest"),
});
export type TopicListQuery = z.infer<typeof topicListQuerySchema>;
