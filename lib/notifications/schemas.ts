import { z } from "zod";
import { checkbox, text } from "../platform/schemas";
import { EMAIL_KINDS, EMAIL_MODES, NEWS_TYPES, WEBHOOK_KINDS } from "./rules";

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

/** A person's email settings form: one choice per kind (a kind left out keeps its setting). */
export const emailSettingsSchema = z.strictObject(
  Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, z.enum(EMAIL_MODES, { error: "Pick at once, in the daily digest, or never." }).optional()])) as Record<
    (typeof EMAIL_KINDS)[number],
    z.ZodOptional<z.ZodEnum<{ [K in (typeof EMAIL_MODES)[number]]: K }>>
  >,
  { error: "That is not a kind of email Hexathon sends." },
);
export type EmailSettingsInput = z.output<typeof emailSettingsSchema>;

/** An unsubscribe link's token, as its page and the one-click address receive it. */
export const unsubscribeTokenSchema = z.string().min(20, { error: "This unsubscribe link is incomplete: copy the whole link from the email." }).max(200, {
  error: "This unsubscribe link isn't valid: it was changed or copied incompletely.",
});
