import { z } from "zod";
import { msg } from "./messages";

// In the browser, zod never compiles parsers with `new Function`: the pages' Content-Security-Policy
// forbids eval, and even zod's caught probe for it is reported as a violation. The server keeps the
// compiled parsers (the ballot path parses with them).
if (typeof window !== "undefined") z.config({ jitless: true });

/**
 * What zod says where a schema gives no message of its own (a JSON field of
 * the wrong type, an unknown field, an email's form): lib's message, so that
 * it reads in the reader's language too. Schemas' own messages come first.
 */
export function zodDefaultMessage(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case "invalid_type":
      if (issue.input === undefined) return msg("platform.zod.required");
      return msg("platform.zod.expected", { expected: String(issue.expected) });
    case "too_small":
      return msg("platform.zod.tooSmall", { origin: String(issue.origin), minimum: Number(issue.minimum) });
    case "too_big":
      return msg("platform.zod.tooBig", { origin: String(issue.origin), maximum: Number(issue.maximum) });
    case "invalid_format":
      return msg("platform.zod.format", { format: String(issue.format) });
    case "not_multiple_of":
      return msg("platform.zod.notAMultiple", { divisor: Number(issue.divisor) });
    case "unrecognized_keys":
      return msg("platform.zod.unknownKeys", { count: issue.keys.length, keys: issue.keys.join(", ") });
    case "invalid_value":
      return msg("platform.zod.invalidOption");
    default:
      return msg("platform.zod.invalid");
  }
}
z.config({ customError: zodDefaultMessage });

// A field's `label` is a message of lib/ (msg("topics.field.title")), or plain text: the messages
// below read it as their {label}, so the whole sentence is in the reader's language.

/** A trimmed, required text field with readable messages. */
export function text(label: string, min: number, max: number) {
  return z
    .string({ error: msg("platform.required", { label }) })
    .trim()
    .min(1, { error: msg("platform.required", { label }), abort: true })
    .min(min, { error: msg("platform.tooShort", { label, min }) })
    .max(max, { error: msg("platform.tooLong", { label, max }) });
}

/** An optional text field: empty means "not given". */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: msg("platform.tooLong", { label, max }) })
    .optional()
    .transform((v) => v ?? "");
}

export const idSchema = z
  .string({ error: msg("platform.idRequired") })
  .trim()
  .min(1, { error: msg("platform.idRequired") })
  .max(64, { error: msg("platform.idInvalid") });

/** An integer typed into a form field. */
export function intField(label: string, min: number, max: number) {
  return z.coerce
    .number({ error: msg("platform.notANumber", { label }) })
    .int({ error: msg("platform.notWhole", { label }) })
    .min(min, { error: msg("platform.atLeast", { label, min }) })
    .max(max, { error: msg("platform.atMost", { label, max }) });
}

/** A wall-clock date and time from an <input type="datetime-local"> ("2020-01-17T16:00"). */
export const localDateTime = (label: string) =>
  z
    .string({ error: msg("platform.required", { label }) })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: msg("platform.pickDateTime", { label }) });

/**
 * A checkbox: a browser sends "on" when it's ticked and nothing at all when
 * it isn't (the key is missing: `.optional()`, or zod 4 refuses the missing
 * key before the transform sees it); JSON callers may send a boolean.
 */
export const checkbox = () =>
  z
    .union([z.literal("on"), z.literal("true"), z.literal(""), z.null(), z.boolean()])
    .optional()
    .transform((v) => v === true || v === "on" || v === "true");
