import { z } from "zod";
import { checkbox, text } from "../platform/schemas";
import { LOCALES } from "../platform/locale";
import { msg } from "../platform/messages";
import { EMAIL_KINDS, EMAIL_MODES, NEWS_TYPES, WEBHOOK_KINDS } from "./rules";

/** An organizer's webhook form. Whether the address may be reached is checked by lib/notifications/commands.ts. */
export const webhookSchema = z.object({
  kind: z.enum(WEBHOOK_KINDS, { error: msg("notifications.webhook.pickKind") }),
  name: text(msg("notifications.field.name"), 2, 80),
  url: z
    .string({ error: msg("notifications.webhook.urlRequired") })
    .trim()
    .min(1, { error: msg("notifications.webhook.urlRequired") })
    .max(2000, { error: msg("notifications.webhook.urlTooLong") }),
  events: z
    .array(z.enum(NEWS_TYPES, { error: msg("notifications.webhook.unknownNews") }), { error: msg("notifications.webhook.pickNews") })
    .min(1, { error: msg("notifications.webhook.pickOneNews") })
    .max(NEWS_TYPES.length, { error: msg("notifications.webhook.tooManyNews") }),
  allowInternal: checkbox(),
  /** the channel's language; "" (or nothing): the instance's, whatever it is when a message is written */
  locale: z
    .union([z.literal(""), z.enum(LOCALES)], { error: msg("notifications.webhook.pickLanguage") })
    .optional()
    .transform((locale) => locale || null),
});
export type WebhookInput = z.output<typeof webhookSchema>;

/**
 * What an organizer may change of a webhook once added: its name, its news and its language. Its kind and
 * address stay: another address is another webhook, checked again and, for signed JSON, given its own secret.
 */
export const webhookSettingsSchema = webhookSchema.pick({ name: true, events: true, locale: true });
export type WebhookSettingsInput = z.output<typeof webhookSettingsSchema>;

/** A person's email settings form: one choice per kind (a kind left out keeps its setting). */
export const emailSettingsSchema = z.strictObject(
  Object.fromEntries(EMAIL_KINDS.map((kind) => [kind, z.enum(EMAIL_MODES, { error: msg("notifications.emailSettings.pickMode") }).optional()])) as Record<
    (typeof EMAIL_KINDS)[number],
    z.ZodOptional<z.ZodEnum<{ [K in (typeof EMAIL_MODES)[number]]: K }>>
  >,
  { error: msg("notifications.emailSettings.unknownKind") },
);
export type EmailSettingsInput = z.output<typeof emailSettingsSchema>;

/** An unsubscribe link's token, as its page and the one-click address receive it. */
export const unsubscribeTokenSchema = z
  .string()
  .min(20, { error: msg("notifications.unsubscribe.linkIncomplete") })
  .max(200, {
    error: msg("notifications.unsubscribe.linkChanged"),
  });
