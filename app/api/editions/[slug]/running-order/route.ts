// PUT /api/editions/[slug]/running-order — {"teamIds":[…]}: the order of the presentations
import { NextResponse } from "next/server";
import { organizersOnly, parseRequest, withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { getEditionBySlug } from "@/lib/editions/queries";
import { runningOrderSchema } from "@/lib/stage/schemas";
import { setRunningOrder } from "@/lib/stage/commands";
import { msg } from "@/lib/platform/messages";

export const PUT = withUser<{ params: Promise<{ slug: string }> }>(
  async (request, { params, user }) => {
    const { teamIds } = await parseRequest(request, runningOrderSchema);
    const db = getDb();
    const edition = await getEditionBySlug(db, user, (await params).slug);
    return NextResponse.json(await setRunningOrder(db, user, edition.id, teamIds));
  },
  organizersOnly(msg("stage.doing.setRunningOrder")),
);
