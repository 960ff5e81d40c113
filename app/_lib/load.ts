// Cached page reads shared by several routes (React's cache(): once per request).
import "server-only";
import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/platform/db";
import { formatEditionNumber, parseEditionSlug } from "@/lib/editions/rules";
import { getEditionByNumber } from "@/lib/editions/queries";
import { DomainError } from "@/lib/platform/errors";
import { isOrganizer } from "@/lib/people/rules";
import { getCurrentUser, requireUser } from "./session";

/** Calls lib/ and turns "not found" into the 404 page. */
export async function orNotFound<T>(promise: Promise<T>): Promise<T> {
  try {
    return await promise;
  } catch (error) {
    if (error instanceof DomainError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
}

/**
 * The edition of a /editions/<hex> URL, visible to this person. A slug that
 * isn't the canonical hex form ("0x9", "0X09") redirects to it.
 */
export const loadEdition = cache(async (slug: string, rest = "") => {
  const number = parseEditionSlug(decodeURIComponent(slug));
  if (number === null) notFound();
  const canonical = formatEditionNumber(number);
  if (slug !== canonical) redirect(`/editions/${canonical}${rest}`);
  return orNotFound(getEditionByNumber(getDb(), await getCurrentUser(), number));
});

export const editionPath = (number: number, rest = "") => `/editions/${formatEditionNumber(number)}${rest}`;

/**
 * An organizer's page of an edition (app/editions/[slug]/(organizer)/): the
 * edition and the organizer, or null for anyone else, whom the group's layout
 * tells why (Next.js renders the page next to the layout, so the page must not
 * go on to read what only organizers may). Signed out: off to sign in and back.
 */
export async function loadForOrganizer(slug: string, rest: string) {
  const edition = await loadEdition(slug, rest);
  const user = await requireUser(editionPath(edition.number, rest));
  return isOrganizer(user) ? { edition, user } : null;
}
