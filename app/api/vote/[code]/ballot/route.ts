// PUT /api/vote/[code]/ballot — {"teamIds":[favourite, second, third]}: cast or replace this voter's ballot; only the last one counts.
// An anonymous ballot needs the voter card GET /api/vote/[code] hands out (403 without one, or with a forged one): never a new card here.
import { NextResponse } from "next/server";
import { errorResponse, parseRequest } from "@/app/_lib/api";
import { ballotRequest } from "@/app/_lib/voter";
import { getDb } from "@/app/_lib/db";
import { ballotSchema } from "@/lib/votes/schemas";
import { castBallotByCode } from "@/lib/votes/commands";

export const dynamic = "force-dynamic";

export async function PUT(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const { teamIds } = await parseRequest(request, ballotSchema);
    const ballot = await castBallotByCode(getDb(), (await params).code, teamIds, ballotRequest());
    return NextResponse.json({ ok: true, ballot }, { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
