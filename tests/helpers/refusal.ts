import { expect } from "vitest";
import { DomainError } from "@/lib/errors";

/** The DomainError a call is refused with (the test fails if it succeeds or fails otherwise). */
export async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}
