// POST /api/challenges/[id]/practice — {"source","language","opponent"}: a practice match against a built-in bot, with its replay (nothing stored);
// one at a time per person and a few per team (429 with a message otherwise: lib/arena/)
import { NextResponse } from "next/server";
import { parseRequest, withUser } from "@/app/_lib/api";
import { practiceMatch } from "@/lib/arena/commands";
import { recordSaid } from "@/lib/arena/engine/record";
import { translator } from "@/app/_lib/translate";
import { getDb } from "@/app/_lib/db";
import { practiceSchema } from "@/lib/arena/schemas";

export const POST = withUser<{ params: Promise<{ id: string }> }>(async (request, { params, user }) => {
  const input = await parseRequest(request, practiceSchema);
  const record = await practiceMatch(getDb(), user, (await params).id, input);
  return NextResponse.json(recordSaid(record, await translator()));
});
