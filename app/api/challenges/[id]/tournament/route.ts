// POST /api/challenges/[id]/tournament — organizers: {"rounds","matchesPerPair","seed"?} runs the tournament (answers at once); GET — progress and standings
import { NextResponse } from "next/server";
import { organizersOnly, parseRequest, withUser } from "@/app/_lib/api";
import { startTournament } from "@/lib/arena/commands";
import { tournamentSaid, tournamentView } from "@/lib/arena/queries";
import { translator } from "@/app/_lib/translate";
import { getDb } from "@/app/_lib/db";
import { tournamentSchema } from "@/lib/arena/schemas";
import { msg } from "@/lib/platform/messages";

type Context = { params: Promise<{ id: string }> };

export const POST = withUser<Context>(
  async (request, { params, user }) => {
    const settings = await parseRequest(request, tournamentSchema);
    const tournament = await startTournament(getDb(), user, (await params).id, settings);
    return NextResponse.json({ id: tournament.id, seed: tournament.seed, total: tournament.total }, { status: 202 });
  },
  organizersOnly(msg("arena.doing.runTournament")),
);

export const GET = withUser<Context>(async (_request, { params, user }) => {
  const view = await tournamentView(getDb(), user, (await params).id);
  return NextResponse.json(view && tournamentSaid(view, await translator()), { headers: { "Cache-Control": "no-store" } });
});
