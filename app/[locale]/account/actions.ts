"use server";
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { handleForm, type FormState } from "@/app/_lib/action";
import { getDb } from "@/app/_lib/db";
import { changePasswordSchema } from "@/lib/people/schemas";
import { signOutOtherBrowsers } from "@/lib/people/sessions";
import { changePassword, myCalendarKey, resetCalendarKey } from "@/lib/people/commands";
import { saveEmailSettings } from "@/lib/notifications/commands";
import { emailSettingsSchema } from "@/lib/notifications/schemas";
import { z } from "zod";

export async function changePasswordAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: changePasswordSchema,
    run: async ({ current, password }, user) => {
      await changePassword(getDb(), user, user?.sessionId, current, password);
      revalidatePath("/[locale]/account", "page");
      const t = await getTranslations("account.actions");
      return { ok: true, message: t("passwordChanged") };
    },
  });
}

export async function signOutOthersAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: z.object({}),
    run: async (_input, user) => {
      const ended = await signOutOtherBrowsers(getDb(), user);
      revalidatePath("/[locale]/account", "page");
      const t = await getTranslations("account.actions");
      return { ok: true, message: t("othersSignedOut", { count: ended }) };
    },
  });
}

export async function calendarAddressAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: z.object({ reset: z.literal("yes").optional() }),
    run: async ({ reset }, user) => {
      await (reset ? resetCalendarKey(getDb(), user) : myCalendarKey(getDb(), user));
      revalidatePath("/[locale]/account", "page");
      const t = await getTranslations("account.actions");
      return { ok: true, message: reset ? t("calendarReset") : t("calendarReady") };
    },
  });
}

export async function emailSettingsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  return handleForm(formData, {
    schema: emailSettingsSchema,
    run: async (input, user) => {
      await saveEmailSettings(getDb(), user, input);
      revalidatePath("/[locale]/account", "page");
      const t = await getTranslations("account.actions");
      return { ok: true, message: t("emailSettingsSaved") };
    },
  });
}
