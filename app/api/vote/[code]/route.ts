// GET /api/vote/[code] — the ballot options: the vote's status and rules, the teams in running order, and this voter's current ballot.
// For an anonymous vote it also hands this phone its voter card (a signed cookie), the only way to get one: a new card
// only when the phone has no valid one, at most so many per client network (429 with Retry-After beyond).
import { NextResponse } from "next/server";
import { errorResponse } from "@/app/_lib/api";
import { getCurrentUser } from "@/app/_lib/session";
import { issueVoterId, requestClientHash } from "@/app/_lib/voter";
import { getDb } from "@/app/_lib/db";
import { DomainError } from "@/lib/platform/errors";
import { TooManyNewVoters } from "@/lib/votes/voter-cards";
import { ballotCount, ballotOf, ballotPage } from "@/lib/votes/queries";
import { voterKeyFor } from "@/lib/votes/rules";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const db = getDb();
    const { vote, teams } = await ballotPage(db, null, (await params).code);
    // the session matters only when the vote is one ballot per person (phones in a crowd skip it), and the card only when it isn't
    const user = vote.requireSignIn ? await getCurrentUser() : null;
    const deviceId = vote.requireSignIn ? null : await issueVoterId(await requestClientHash());
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
    const response = errorResponse(error);
    if (error instanceof TooManyNewVoters) response.headers.set("Retry-After", String(error.retryAfterSeconds));
    return response;
  }
}
