// POST /api/editions/[slug]/vote/voids/[id]/restore — organizers: the void's ballots count again (the void stays in the audit trail)
import { NextResponse } from "next/server";
import { organizersOnly, parseRequest, withUser } from "@/app/_lib/api";
import { revalidateWinners } from "@/app/_lib/revalidate";
import { getDb } from "@/lib/db";
import { getEditionBySlug } from "@/lib/editions";
import { restoreVoidSchema } from "@/lib/schemas/votes";
import { restoreVoid, voteAudit } from "@/lib/vote-audit";

export const POST = withUser<{ params: Promise<{ slug: string; id: string }> }>(async (request, { params, user }) => {
  await parseRequest(request, restoreVoidSchema);
  const { slug, id } = await params;
  const db = getDb();
  const edition = await getEditionBySlug(db, user, slug);
  const restored = await restoreVoid(db, user, id, edition.id);
  revalidateWinners(edition.number); // a revealed podium is recomputed with them
  return NextResponse.json({ void: restored, audit: await voteAudit(db, user, edition.id) });
}, organizersOnly("restore voided ballots"));
