// GET /api/health — 200 {"status":"ok"} once the database answers, 503 with the reason otherwise
import { NextResponse } from "next/server";
import { getDb } from "@/app/_lib/db";
import { checkHealth } from "@/lib/platform/health";

export const dynamic = "force-dynamic";

export async function GET() {
  let health;
  try {
    health = await checkHealth(getDb());
  } catch (error) {
    health = { ok: false as const, reason: (error as Error).message };
  }
  if (health.ok) return NextResponse.json({ status: "ok" }, { headers: { "Cache-Control": "no-store" } });
  return NextResponse.json({ status: "unavailable", reason: health.reason }, { status: 503, headers: { "Cache-Control": "no-store" } });
}
