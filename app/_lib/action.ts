// The one way to write a server action behind a form: read the person, parse
// the form with its zod schema, call lib/, and turn known errors into messages
// next to the fields. The form gets back what was typed, so nothing is lost.
// Authorization happens in lib/, which every action calls; an action only some
// may call at all (organizers) says so with `authorize`, checked before the
// form is read, so that a caller who may not act hears that and nothing of
// what the form would have wanted.
import "server-only";
import { z } from "zod";
import { DomainError } from "@/lib/platform/errors";
import { msg } from "@/lib/platform/messages";
import { databaseTrouble, describeDatabaseError, isDatabaseUnavailable } from "@/lib/platform/health";
import { currentRequestId, log } from "@/lib/platform/log";
import { getCurrentUser, type CurrentUser } from "./session";
import { translator } from "./translate";

export type FormState = {
  ok?: boolean;
  message?: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** what the person typed, to put back into the form */
  values?: Record<string, string>;
};

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string" || key.startsWith("$ACTION") || /password/i.test(key)) continue;
    // repeated keys (checkboxes) come back comma-separated; ids never contain commas
    values[key] = key in values ? `${values[key]},${value}` : value;
  }
  return values;
}

/** FormData → plain object; keys listed in `arrays` keep every value. */
export function formObject(formData: FormData, arrays: string[] = []): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = arrays.includes(key) ? formData.getAll(key).filter((v) => typeof v === "string") : formData.get(key);
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}

/** Maps an error to form state: domain errors are shown, anything else is logged and hidden. */
export function errorState(error: unknown, values: Record<string, string>): FormState {
  if (error instanceof DomainError) {
    return error.field
      ? { ok: false, values, fieldErrors: { [error.field]: [error.message] }, message: error.message }
      : { ok: false, values, message: error.message };
  }
  if (isDatabaseUnavailable(error)) {
    databaseTrouble();
    log().error({ reason: describeDatabaseError(error) }, "database unavailable");
    return { ok: false, values, message: msg("platform.form.databaseAway") };
  }
  log().error({ err: error }, "action failed");
  const id = currentRequestId();
  return {
    ok: false,
    values,
    message: id ? msg("platform.form.failedWithId", { id }) : msg("platform.form.failed"),
  };
}

type Options<S extends z.ZodType> = {
  schema: S;
  /** the person must be signed in (default); false for sign-up and setup */
  signedIn?: boolean;
  arrays?: string[];
  /** who may act at all (a lib/ assertion that throws), before the form is read: `organizersOnly(…)` of ./api */
  authorize?: (user: CurrentUser) => unknown;
  run: (input: z.infer<S>, user: CurrentUser | null) => Promise<FormState | void>;
};

/**
 * Runs a form action. `redirect()` must be called by the caller after this
 * returns ok (Next.js implements redirect by throwing, which must not be caught).
 */
export async function handleForm<S extends z.ZodType>(formData: FormData, options: Options<S>): Promise<FormState> {
  return inReadersLanguage(await runForm(formData, options));
}

/** The form's state with lib/'s messages (a refusal, the fields' problems) in the reader's language. */
async function inReadersLanguage(state: FormState): Promise<FormState> {
  if (!state.message && !state.fieldErrors) return state;
  const say = await translator();
  const fieldErrors = state.fieldErrors && Object.fromEntries(Object.entries(state.fieldErrors).map(([field, messages]) => [field, messages?.map(say)]));
  return { ...state, ...(state.message !== undefined && { message: say(state.message) }), ...(fieldErrors && { fieldErrors }) };
}

async function runForm<S extends z.ZodType>(formData: FormData, options: Options<S>): Promise<FormState> {
  // an action's arguments come from the client: a hand-made call can send anything in the form's place
  if (!(formData instanceof FormData)) return { ok: false, message: msg("platform.form.unreadable") };
  const values = formValues(formData);
  const user = await getCurrentUser();
  if ((options.signedIn !== false || options.authorize) && !user) return { ok: false, values, message: msg("platform.form.sessionEnded") };
  try {
    if (user) await options.authorize?.(user);
  } catch (error) {
    return errorState(error, values);
  }
  const parsed = options.schema.safeParse(formObject(formData, options.arrays));
  if (!parsed.success) {
    const flat = z.flattenError(parsed.error);
    return {
      ok: false,
      values,
      fieldErrors: flat.fieldErrors as Record<string, string[]>,
      message: flat.formErrors[0] ?? msg("platform.form.correctFields"),
    };
  }
  try {
    return (await options.run(parsed.data, user)) ?? { ok: true };
  } catch (error) {
    return errorState(error, values);
  }
}
