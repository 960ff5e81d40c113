// PUT /api/vote/[code]/ballot — {"teamIds":[favourite, second, third]}: cast or replace this voter's ballot; only the last one counts
import { NextResponse } from "next/server";
import { errorResponse, parseRequest } from "@/app/_lib/api";
import { getCurrentUser } from "@/app/_lib/session";
import { voterDeviceId } from "@/app/_lib/voter";
import { getDb } from "@/lib/db";
import { ballotSchema } from "@/lib/schemas/votes";
import { castBallot, voteForBallot, voterKeyFor } from "@/lib/votes";

export const dynamic = "force-dynamic";

export async function PUT(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const db = getDb();
    const { teamIds } = await parseRequest(request, ballotSchema);
    const vote = await voteForBallot(db, null, (await params).code);
    // the session matters only when the vote is one ballot per person: anonymous ballots skip it (the hot path)
    const user = vote.requireSignIn ? await getCurrentUser() : null;
    const voter = vote.requireSignIn ? voterKeyFor(vote, null, user) : voterKeyFor(vote, await voterDeviceId(), null);
    const ballot = await castBallot(db, vote.editionId, voter, teamIds, vote);
    return NextResponse.json({ ok: true, ballot }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
