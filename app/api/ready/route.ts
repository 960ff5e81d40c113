// GET /api/ready — 200 while a load balancer may send this instance new
// requests; 503 with the reason while it is shutting down, its database
// doesn't answer or lacks a migration, or it doesn't hear the other
// instances. /api/health says whether the process is alive at all.
import { NextResponse } from "next/server";
import { getDb } from "@/app/_lib/db";
import { instanceReadiness } from "@/lib/platform/health";

export const dynamic = "force-dynamic";

export async function GET() {
  const readiness = await instanceReadiness(getDb());
  return NextResponse.json(readiness.ready ? { status: "ready" } : { status: "not ready", reason: readiness.reason }, {
    status: readiness.ready ? 200 : 503,
    headers: { "Cache-Control": "no-store", ...(readiness.ready ? {} : { "Retry-After": "5" }) },
  });
}
