// PUT /api/vote/[code]/ballot — {"teamIds":[favourite, second, third]}: cast or replace this voter's ballot; only the last one counts.
// An anonymous ballot needs the voter card GET /api/vote/[code] hands out (403 without one, or with a forged one): never a new card here.
import { NextResponse } from "next/server";
import { errorResponse, parseRequest } from "@/app/_lib/api";
import { publicOrigin } from "@/app/_lib/origin";
import { getCurrentUser } from "@/app/_lib/session";
import { readVoterId, requestClientHash } from "@/app/_lib/voter";
import { getDb } from "@/app/_lib/db";
import { ballotSchema } from "@/lib/votes/schemas";
import { assertVoteOpen, noVoterCard, voterKeyFor } from "@/lib/votes/rules";
import { castBallot } from "@/lib/votes/commands";
import { voteToCastIn } from "@/lib/votes/queries";

export const dynamic = "force-dynamic";

export async function PUT(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const db = getDb();
    const { teamIds } = await parseRequest(request, ballotSchema);
    const vote = await voteToCastIn(db, null, (await params).code);
    assertVoteOpen(vote); // a closed vote says so, whoever asks
    let voter;
    if (vote.requireSignIn) {
      // the session matters only when the vote is one ballot per person: anonymous ballots skip it (the hot path)
      voter = voterKeyFor(vote, null, await getCurrentUser());
    } else {
      const deviceId = await readVoterId();
      if (!deviceId) throw noVoterCard(`${(await publicOrigin()).replace(/^https?:\/\//, "")}/vote/${vote.joinCode}`);
      voter = voterKeyFor(vote, deviceId, null);
    }
    const ballot = await castBallot(db, vote.editionId, { ...voter, clientHash: await requestClientHash() }, teamIds, vote);
    return NextResponse.json({ ok: true, ballot }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
