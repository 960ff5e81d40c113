// GET /api/me — who is reading, for the site header: the signed-in person's
// name and role (or null) and the edition the header links to. The page
// layout is the same for everyone (so public pages can be cached as whole
// pages): the personal part of the header asks here once per page load.
import { NextResponse } from "next/server";
import { cachedPublicEditionNumber } from "@/app/_lib/public-data";
import { getCurrentUser } from "@/app/_lib/session";
import { getDb } from "@/app/_lib/db";
import { headerEditionNumber } from "@/lib/editions/queries";
import type { Visitor } from "@/components/visitor";

export const dynamic = "force-dynamic";

export async function GET() {
  const user = await getCurrentUser();
  // asked on every page load: the public answer comes from the data cache
  const currentEditionNumber = await headerEditionNumber(getDb(), user, await cachedPublicEditionNumber());
  const visitor: Visitor = { user: user && { name: user.name, role: user.role }, currentEditionNumber };
  // personal: never stored by a shared cache, always asked anew
  return NextResponse.json(visitor, { headers: { "Cache-Control": "private, no-store" } });
}
