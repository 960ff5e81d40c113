// POST /api/editions/[slug]/display-key — organizers: a new secret projector link; links copied before stop working
import { NextResponse } from "next/server";
import { organizersOnly, withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { getEditionBySlug } from "@/lib/editions/queries";
import { rotateDisplayKey } from "@/lib/stage/commands";
import { msg } from "@/lib/platform/messages";

export const POST = withUser<{ params: Promise<{ slug: string }> }>(
  async (_request, { params, user }) => {
    const db = getDb();
    const edition = await getEditionBySlug(db, user, (await params).slug);
    const key = await rotateDisplayKey(db, user, edition.id);
    return NextResponse.json({ path: `/display/${key}` });
  },
  organizersOnly(msg("stage.doing.revokeProjector")),
);
