// GET /api/health — 200 while this instance can serve (status "ok", or
// "degraded" while it doesn't hear the other instances' events), 503 with the
// reason while the database doesn't answer. For load balancers and operators.
import { NextResponse } from "next/server";
import { getDb } from "@/app/_lib/db";
import { instanceHealth } from "@/lib/platform/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const health = await instanceHealth(getDb());
  const body = { status: health.status, events: health.events, ...(health.database.ok ? {} : { reason: health.database.reason }) };
  return NextResponse.json(body, { status: health.status === "unavailable" ? 503 : 200, headers: { "Cache-Control": "no-store" } });
}
