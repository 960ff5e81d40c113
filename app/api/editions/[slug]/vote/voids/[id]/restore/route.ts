// POST /api/editions/[slug]/vote/voids/[id]/restore — organizers: the void's ballots count again (the void stays in the audit trail)
import { NextResponse } from "next/server";
import { organizersOnly, parseRequest, withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { getEditionBySlug } from "@/lib/editions/queries";
import { restoreVoidSchema } from "@/lib/votes/schemas";
import { restoreVoid } from "@/lib/votes/commands";
import { msg } from "@/lib/platform/messages";

export const POST = withUser<{ params: Promise<{ slug: string; id: string }> }>(
  async (request, { params, user }) => {
    await parseRequest(request, restoreVoidSchema);
    const { slug, id } = await params;
    const db = getDb();
    const edition = await getEditionBySlug(db, user, slug);
    return NextResponse.json(await restoreVoid(db, user, id, edition.id));
  },
  organizersOnly(msg("votes.doing.restoreBallots")),
);
