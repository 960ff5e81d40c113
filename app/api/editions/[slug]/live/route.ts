// GET /api/editions/[slug]/live — Server-Sent Events: the stage, the vote and the challenges leaderboard now, then every change (and a tournament's progress, judging's changes)
import { getCurrentUser } from "@/app/_lib/session";
import { errorResponse } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { getEditionBySlug } from "@/lib/editions/queries";
import { channels, liveBus } from "@/lib/platform/live/bus";
import { sseResponse } from "@/lib/platform/live/sse";
import { liveState } from "@/app/_lib/live-updates";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const db = getDb();
    const edition = await getEditionBySlug(db, await getCurrentUser(), (await params).slug);
    return sseResponse({
      bus: liveBus(),
      channels: [
        channels.stage(edition.id),
        channels.vote(edition.id),
        channels.leaderboard(edition.id),
        channels.arena(edition.id),
        channels.judging(edition.id),
      ],
      snapshot: () => Promise.all([liveState(db, "stage", edition), liveState(db, "vote", edition), liveState(db, "leaderboard", edition)]),
      signal: request.signal,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
