// GET /api/vote/[code]/events — Server-Sent Events for voters: the vote's status and ballot count now, then every change (coalesced)
import { errorResponse } from "@/app/_lib/api";
import { getCurrentUser } from "@/app/_lib/session";
import { getDb } from "@/app/_lib/db";
import { channels, liveBus } from "@/lib/platform/live/bus";
import { sseResponse } from "@/lib/platform/live/sse";
import { ballotPage } from "@/lib/votes/queries";
import { liveState } from "@/app/_lib/live-updates";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ code: string }> }) {
  try {
    const db = getDb();
    const { vote } = await ballotPage(db, await getCurrentUser(), (await params).code);
    return sseResponse({
      bus: liveBus(),
      channels: [channels.vote(vote.editionId)],
      snapshot: async () => [await liveState(db, "vote", vote.editionId)],
      signal: request.signal,
    });
  } catch (error) {
    return errorResponse(error);
  }
}
