"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { handleForm, type FormState } from "@/app/_lib/action";
import { organizersOnly } from "@/app/_lib/api";
import { msg } from "@/lib/platform/messages";
import { getDb } from "@/app/_lib/db";
import { createWebhook, deleteWebhook, retryMessage, sendTestMessage, setWebhookActive, updateWebhook } from "@/lib/notifications/commands";
import { outboxWorker } from "@/lib/notifications/outbox";
import { webhookSchema, webhookSettingsSchema } from "@/lib/notifications/schemas";

const nothing = z.object({});
/** `created`: the new webhook's id (the form starts afresh); `secret`: its signing secret, shown this once */
export type WebhookState = FormState & { created?: string; secret?: string | null };

/** handleForm, then the page is read again; what was queued goes out now rather than at the next round. */
async function act<S extends z.ZodType>(formData: FormData, options: Parameters<typeof handleForm<S>>[1], send = false): Promise<FormState> {
  const state = await handleForm(formData, options);
  if (state.ok) {
    if (send) outboxWorker(getDb()).kick();
    revalidatePath("/[locale]/editions/[slug]/notifications", "page");
  }
  return state;
}

export async function createWebhookAction(editionId: string, _prev: WebhookState, formData: FormData): Promise<WebhookState> {
  const t = await getTranslations("notifications.actions");
  let created: { id: string; secret: string | null } | null = null;
  const state = await act(formData, {
    authorize: organizersOnly(msg("notifications.doing.addWebhooks")),
    schema: webhookSchema,
    arrays: ["events"],
    run: async (input, user) => {
      created = await createWebhook(getDb(), user, editionId, input);
      return { ok: true, message: t("created", { name: input.name }) };
    },
  });
  const made = created as { id: string; secret: string | null } | null;
  return made ? { ...state, created: made.id, secret: made.secret } : state;
}

export async function updateWebhookAction(webhookId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("notifications.actions");
  return act(formData, {
    authorize: organizersOnly(msg("notifications.doing.changeWebhooks")),
    schema: webhookSettingsSchema,
    arrays: ["events"],
    run: async (input, user) => {
      await updateWebhook(getDb(), user, webhookId, input);
      return { ok: true, message: t("saved", { name: input.name }) };
    },
  });
}

export async function deleteWebhookAction(webhookId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, {
    authorize: organizersOnly(msg("notifications.doing.deleteWebhooks")),
    schema: nothing,
    run: async (_input, user) => void (await deleteWebhook(getDb(), user, webhookId)),
  });
}

export async function setWebhookActiveAction(webhookId: string, active: boolean, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(formData, {
    authorize: organizersOnly(msg("notifications.doing.pauseWebhooks")),
    schema: nothing,
    run: async (_input, user) => void (await setWebhookActive(getDb(), user, webhookId, active)),
  });
}

export async function testWebhookAction(webhookId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  const t = await getTranslations("notifications.actions");
  return act(
    formData,
    {
      authorize: organizersOnly(msg("notifications.doing.testWebhooks")),
      schema: nothing,
      run: async (_input, user) => {
        await sendTestMessage(getDb(), user, webhookId);
        return { ok: true, message: t("testQueued") };
      },
    },
    true,
  );
}

export async function retryMessageAction(messageId: string, _prev: FormState, formData: FormData): Promise<FormState> {
  return act(
    formData,
    {
      authorize: organizersOnly(msg("notifications.doing.retryMessages")),
      schema: nothing,
      run: async (_input, user) => void (await retryMessage(getDb(), user, messageId)),
    },
    true,
  );
}
