// GET /api/editions/[slug]/vote/audit — organizers: the ballots per client address (hashed) and per minute, and the voids
import { NextResponse } from "next/server";
import { organizersOnly, withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { getEditionBySlug } from "@/lib/editions/queries";
import { voteAudit } from "@/lib/votes/queries";
import { msg } from "@/lib/platform/messages";

export const GET = withUser<{ params: Promise<{ slug: string }> }>(
  async (_request, { params, user }) => {
    const db = getDb();
    const edition = await getEditionBySlug(db, user, (await params).slug);
    return NextResponse.json(await voteAudit(db, user, edition.id), { headers: { "Cache-Control": "no-store" } });
  },
  organizersOnly(msg("votes.doing.seeAudit")),
);
