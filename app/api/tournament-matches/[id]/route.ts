// GET /api/tournament-matches/[id] — a finished tournament match with its replay (moves, forfeits, seed)
import { NextResponse } from "next/server";
import { withUser } from "@/app/_lib/api";
import { recordSaid } from "@/lib/arena/engine/record";
import { tournamentMatch } from "@/lib/arena/queries";
import { getDb } from "@/app/_lib/db";
import { translator } from "@/app/_lib/translate";

export const GET = withUser<{ params: Promise<{ id: string }> }>(async (_request, { params, user }) => {
  const match = await tournamentMatch(getDb(), user, (await params).id);
  const say = await translator();
  return NextResponse.json({
    ...match,
    forfeitA: match.forfeitA && say(match.forfeitA),
    forfeitB: match.forfeitB && say(match.forfeitB),
    record: recordSaid(match.record, say),
  });
});
