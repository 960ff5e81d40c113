// POST /api/challenges/[id]/practice — {"source","language","opponent"}: a practice match against a built-in bot, with its replay (nothing stored);
// one at a time per person and a few per team (429 with a message otherwise: lib/arena/)
import { NextResponse } from "next/server";
import { parseRequest, withUser } from "@/app/_lib/api";
import { practiceMatch } from "@/lib/arena/commands";
import { getDb } from "@/app/_lib/db";
import { getChallenge } from "@/lib/challenges/queries";
import { invalid } from "@/lib/platform/errors";
import { practiceSchema } from "@/lib/arena/schemas";

export const POST = withUser<{ params: Promise<{ id: string }> }>(async (request, { params, user }) => {
  const input = await parseRequest(request, practiceSchema);
  const challenge = await getChallenge(getDb(), user, (await params).id);
  if (challenge.kind !== "TOURNAMENT") throw invalid("Practice matches belong to a tournament.");
  const record = await practiceMatch(getDb(), user, challenge, input);
  return NextResponse.json(record);
});
