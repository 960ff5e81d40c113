// GET /api/vote/[code] — the ballot options: the vote's status and rules, the teams in running order, and this voter's current ballot
import { NextResponse } from "next/server";
import { errorResponse } from "@/app/_lib/api";
import { getCurrentUser } from "@/app/_lib/session";
import { voterDeviceId } from "@/app/_lib/voter";
import { getDb } from "@/lib/db";
import { DomainError } from "@/lib/errors";
import { ballotCount, ballotOf, voteForVoter, voterKeyFor } from "@/lib/votes";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const db = getDb();
    const { vote, teams } = await voteForVoter(db, null, (await params).code);
    // the session matters only when the vote is one ballot per person (phones in a crowd skip it)
    const user = vote.requireSignIn ? await getCurrentUser() : null;
    const deviceId = await voterDeviceId();
    let myBallot: string[] | null = null;
    try {
      myBallot = await ballotOf(db, vote.editionId, voterKeyFor(vote, deviceId, user).key);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error; // not signed in for a sign-in vote: no ballot yet
    }
    return NextResponse.json(
      {
        status: vote.status,
        method: vote.method,
        picks: vote.picks,
        requireSignIn: vote.requireSignIn,
        signedIn: !!user,
        ballots: await ballotCount(db, vote.editionId),
        teams: teams.map((t) => ({ id: t.id, name: t.name, topic: t.topic })),
        myBallot,
      },
      { headers: { "Cache-Control": "no-store" } },
    );
  } catch (error) {
    return errorResponse(error);
  }
}
