import { z } from "zod";
import { checkbox, text } from "../platform/schemas";
import { NEWS_TYPES, WEBHOOK_KINDS } from "./rules";

/** An organizer's webhook form. Whether the address may be reached is checked by lib/notifications/commands.ts. */
export const webhookSchema = z.object({
  kind: z.enum(WEBHOOK_KINDS, { error: "Pick where it posts: Slack, Mattermost, Microsoft Teams or another tool." }),
  name: text("Name", 2, 80),
  url: z
    .string({ error: "The webhook's address is required." })
    .trim()
    .min(1, { error: "The webhook's address is required." })
    .max(2000, { error: "That address is too long (2000 characters at most)." }),
  events: z
    .array(z.enum(NEWS_TYPES, { error: "That is not a kind of news Hexathon sends." }), { error: "Pick the news it receives." })
    .min(1, { error: "Pick at least one kind of news it receives." })
    .max(NEWS_TYPES.length, { error: "That is too many kinds of news." }),
  allowInternal: checkbox(),
});
export type WebhookInput = z.output<typeof webhookSchema>;
