// PATCH /api/editions/[slug]/stage/settings — the slot length and the changeover gap, in seconds
import { NextResponse } from "next/server";
import { organizersOnly, parseRequest, withUser } from "@/app/_lib/api";
import { getDb } from "@/lib/db";
import { getEditionBySlug } from "@/lib/editions";
import { slotSettingsSchema } from "@/lib/schemas/stage";
import { setSlotLength } from "@/lib/stage";

export const PATCH = withUser<{ params: Promise<{ slug: string }> }>(async (request, { params, user }) => {
  const { slotSeconds, changeoverSeconds } = await parseRequest(request, slotSettingsSchema);
  const db = getDb();
  const edition = await getEditionBySlug(db, user, (await params).slug);
  return NextResponse.json(await setSlotLength(db, user, edition.id, slotSeconds, changeoverSeconds));
}, organizersOnly("change the slot length"));
