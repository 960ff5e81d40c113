// GET /api/vote/[code] — the ballot options: the vote's status and rules, the teams in running order, and this voter's current ballot.
// For an anonymous vote it also hands this phone its voter card (a signed cookie), the only way to get one: a new card
// only when the phone has no valid one, at most so many per client network (429 with Retry-After beyond).
import { NextResponse } from "next/server";
import { errorResponse } from "@/app/_lib/api";
import { ballotOptionsRequest } from "@/app/_lib/voter";
import { getDb } from "@/app/_lib/db";
import { TooManyNewVoters } from "@/lib/votes/voter-cards";
import { ballotOptions } from "@/lib/votes/queries";

export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const options = await ballotOptions(getDb(), (await params).code, ballotOptionsRequest());
    return NextResponse.json(options, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    const response = await errorResponse(error);
    if (error instanceof TooManyNewVoters) response.headers.set("Retry-After", String(error.retryAfterSeconds));
    return response;
  }
}
