// GET /api/arena/running — the tournaments running now, with their progress: the bar every open page shows
import { NextResponse } from "next/server";
import { getCurrentUser } from "@/app/_lib/session";
import { errorResponse } from "@/app/_lib/api";
import { runningTournaments } from "@/lib/arena/queries";
import { getDb } from "@/app/_lib/db";

export const dynamic = "force-dynamic";

export async function GET() {
  try {
    return NextResponse.json(await runningTournaments(getDb(), await getCurrentUser()), { headers: { "Cache-Control": "no-store" } });
  } catch (error) {
    return errorResponse(error);
  }
}
