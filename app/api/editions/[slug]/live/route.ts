// GET /api/editions/[slug]/live — Server-Sent Events: the stage, the vote and the challenges leaderboard now, then every change
import { getCurrentUser } from "@/app/_lib/session";
import { errorResponse } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { getEditionBySlug } from "@/lib/editions/queries";
import { channels, liveBus } from "@/lib/platform/live/bus";
import { sseResponse } from "@/lib/platform/live/sse";
import { stageEvent, stageSnapshot } from "@/lib/stage/queries";
import { voteEvent, voteSnapshot } from "@/lib/votes/queries";
import { bonusLeaderboard } from "@/lib/challenges/leaderboard";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const db = getDb();
    const edition = await getEditionBySlug(db, await getCurrentUser(), (await params).slug);
    return sseResponse({
      bus: liveBus(),
      channels: [channels.stage(edition.id), channels.vote(edition.id), channels.leaderboard(edition.id), channels.arena(edition.id)],
      snapshot: async () => [
        stageEvent(await stageSnapshot(db, edition)),
        voteEvent(await voteSnapshot(db, edition.id)),
        { type: "leaderboard", data: await bonusLeaderboard(db, edition.id) },
      ],
      signal: request.signal,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
