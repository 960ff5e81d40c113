// The signed-in person for server components, actions and route handlers.
import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/platform/db";
import { actorForSession } from "@/lib/people/sessions";
import { authOptions } from "./auth";

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof actorForSession>>>;

/** The person behind this request, as stored now (null when signed out, the session ended, or deleted). Once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const { id, sid } = (session?.user ?? {}) as { id?: unknown; sid?: unknown };
  // a cookie from before sessions were kept (no sid) is a signed-out one
  if (typeof id !== "string" || typeof sid !== "string") return null;
  return actorForSession(getDb(), id, sid);
});

/** For pages that need a signed-in person: sends others to /signin and back. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
