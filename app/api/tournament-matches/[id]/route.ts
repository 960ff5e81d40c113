// GET /api/tournament-matches/[id] — a finished tournament match with its replay (moves, forfeits, seed)
import { NextResponse } from "next/server";
import { withUser } from "@/app/_lib/api";
import { tournamentMatch } from "@/lib/arena/queries";
import { getDb } from "@/app/_lib/db";

export const GET = withUser<{ params: Promise<{ id: string }> }>(async (_request, { params, user }) => {
  return NextResponse.json(await tournamentMatch(getDb(), user, (await params).id));
});
