// PATCH /api/editions/[slug]/stage/settings — the slot length and the changeover gap, in seconds
import { NextResponse } from "next/server";
import { organizersOnly, parseRequest, withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { getEditionBySlug } from "@/lib/editions/queries";
import { slotSettingsSchema } from "@/lib/stage/schemas";
import { setSlotLength } from "@/lib/stage/commands";
import { msg } from "@/lib/platform/messages";

export const PATCH = withUser<{ params: Promise<{ slug: string }> }>(
  async (request, { params, user }) => {
    const { slotSeconds, changeoverSeconds } = await parseRequest(request, slotSettingsSchema);
    const db = getDb();
    const edition = await getEditionBySlug(db, user, (await params).slug);
    return NextResponse.json(await setSlotLength(db, user, edition.id, slotSeconds, changeoverSeconds));
  },
  organizersOnly(msg("stage.doing.changeSlot")),
);
