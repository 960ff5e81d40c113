import { expect } from "vitest";
import { DomainError } from "@/lib/platform/errors";
import { translate } from "@/lib/platform/i18n";

type Code = DomainError["code"];

/**
 * The DomainError a call is refused with: the test fails if the call succeeds or
 * fails otherwise, and, when given, if the code or the message differ (a string
 * is the whole message, a pattern part of it).
 */
export async function expectDomainError(promise: Promise<unknown>, code?: Code, message?: RegExp | string): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  return checked(error, code, message);
}

/** The same for a call that throws at once (a pure rule). */
export function expectDomainErrorThrown(run: () => unknown, code?: Code, message?: RegExp | string): DomainError {
  try {
    run();
  } catch (error) {
    return checked(error, code, message);
  }
  return checked(null, code, message);
}

function checked(error: unknown, code?: Code, message?: RegExp | string): DomainError {
  expect(error, "expected the call to be refused").toBeInstanceOf(DomainError);
  const refused = error as DomainError;
  if (code) expect(refused.code).toBe(code);
  // the message as an English reader gets it (lib/ says it as a key and values: lib/platform/messages.ts)
  const english = translate(refused.message, "en");
  if (typeof message === "string") expect(english).toBe(message);
  else if (message) expect(english).toMatch(message);
  return refused;
}
