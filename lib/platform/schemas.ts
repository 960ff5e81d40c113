import { z } from "zod";

// In the browser, zod never compiles parsers with `new Function`: the pages' Content-Security-Policy
// forbids eval, and even zod's caught probe for it is reported as a violation. The server keeps the
// compiled parsers (the ballot path parses with them).
if (typeof window !== "undefined") z.config({ jitless: true });

/** A trimmed, required text field with readable messages. */
export function text(label: string, min: number, max: number) {
  return z
    .string({ error: `${label} is required.` })
    .trim()
    .min(1, { error: `${label} is required.`, abort: true })
    .min(min, { error: `${label} needs at least ${min} characters.` })
    .max(max, { error: `${label} can't be longer than ${max} characters.` });
}

/** An optional text field: empty means "not given". */
export function optionalText(label: string, max: number) {
  return z
    .string()
    .trim()
    .max(max, { error: `${label} can't be longer than ${max} characters.` })
    .optional()
    .transform((v) => v ?? "");
}

export const idSchema = z.string({ error: "An id is required." }).trim().min(1, { error: "An id is required." }).max(64, { error: "That id is not valid." });

/** An integer typed into a form field. */
export function intField(label: string, min: number, max: number) {
  return z.coerce
    .number({ error: `${label} must be a number.` })
    .int({ error: `${label} must be a whole number.` })
    .min(min, { error: `${label} must be at least ${min}.` })
    .max(max, { error: `${label} must be at most ${max}.` });
}

/** A wall-clock date and time from an <input type="datetime-local"> ("2020-01-17T16:00"). */
export const localDateTime = (label: string) =>
  z
    .string({ error: `${label} is required.` })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/, { error: `${label}: pick a date and a time.` });

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
