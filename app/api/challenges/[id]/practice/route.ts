// POST /api/challenges/[id]/practice — {"source","language","opponent"}: a practice match against a built-in bot, with its replay (nothing stored)
import { NextResponse } from "next/server";
import { parseRequest, withUser } from "@/app/_lib/api";
import { practiceMatch } from "@/lib/arena/bots";
import { getDb } from "@/lib/db";
import { getChallenge } from "@/lib/challenges";
import { invalid } from "@/lib/errors";
import { practiceSchema } from "@/lib/schemas/arena";

export const POST = withUser<{ params: Promise<{ id: string }> }>(async (request, { params, user }) => {
  const input = await parseRequest(request, practiceSchema);
  const challenge = await getChallenge(getDb(), user, (await params).id);
  if (challenge.kind !== "TOURNAMENT") throw invalid("Practice matches belong to a tournament.");
  const record = await practiceMatch(challenge.game, input.source, input.language, input.opponent, input.seed ?? Math.floor(Math.random() * 2 ** 31));
  return NextResponse.json(record);
});
