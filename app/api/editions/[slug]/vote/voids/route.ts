// POST /api/editions/[slug]/vote/voids — organizers: {"clientHash","from"?,"to"?,"reason"} voids the counted ballots of one
// client address (last sent from `from` to `to`, if given); answers the void and the audit as it is now
import { NextResponse } from "next/server";
import { organizersOnly, parseRequest, withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { getEditionBySlug } from "@/lib/editions/queries";
import { voidBallotsSchema } from "@/lib/votes/schemas";
import { voidBallots } from "@/lib/votes/commands";
import { msg } from "@/lib/platform/messages";

export const POST = withUser<{ params: Promise<{ slug: string }> }>(
  async (request, { params, user }) => {
    const input = await parseRequest(request, voidBallotsSchema);
    const db = getDb();
    const edition = await getEditionBySlug(db, user, (await params).slug);
    return NextResponse.json(await voidBallots(db, user, edition.id, input));
  },
  organizersOnly(msg("votes.doing.voidBallots")),
);
