// The organizers' pages of an edition (manage, stage control, vote control,
// prizes), guarded once here: signed in without the role, a person reads why
// (the same answer whether the edition exists or not). Each page opens with
// loadForOrganizer (app/_lib/load.ts), which sends the signed-out to sign in
// and back, and renders nothing for others (Next.js renders a page beside its
// layout). lib/ authorizes every read and write of these pages again.
import type { ReactNode } from "react";
import { getCurrentUser } from "@/app/_lib/session";
import { OrganizersOnly } from "@/components/organizers-only";
import { formatEditionNumber, parseEditionSlug } from "@/lib/editions/rules";
import { isOrganizer } from "@/lib/people/rules";

export default async function OrganizerPages({ children, params }: { children: ReactNode; params: Promise<{ slug: string }> }) {
  const number = parseEditionSlug(decodeURIComponent((await params).slug));
  const user = await getCurrentUser();
  if (number !== null && user && !isOrganizer(user)) return <OrganizersOnly hex={formatEditionNumber(number)} />;
  return children;
}
