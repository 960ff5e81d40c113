// The signed-in person for server components, actions and route handlers.
import "server-only";
import { getServerSession } from "next-auth";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getDb } from "@/lib/db";
import { loadActor } from "@/lib/users";
import { authOptions } from "./auth";

export type CurrentUser = NonNullable<Awaited<ReturnType<typeof loadActor>>>;

/** The person behind this request, as stored now (null when signed out or deleted). Once per request. */
export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await getServerSession(authOptions());
  const id = (session?.user as { id?: string } | undefined)?.id;
  if (!id) return null;
  return loadActor(getDb(), id);
});

/** For pages that need a signed-in person: sends others to /signin and back. */
export async function requireUser(returnTo: string): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect(`/signin?callbackUrl=${encodeURIComponent(returnTo)}`);
  return user;
}
