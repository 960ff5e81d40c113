// POST /api/editions/[slug]/vote — {"action":"open"|"close"|"reveal"|"hide"}; PATCH — the voting rules (before it opens); GET — full results (organizers)
import { NextResponse } from "next/server";
import { organizersOnly, parseRequest, withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { translator } from "@/app/_lib/translate";
import { getEditionBySlug } from "@/lib/editions/queries";
import { voteActionSchema, voteSettingsSchema } from "@/lib/votes/schemas";
import { closeVote, openVote, revealStep, updateVoteSettings } from "@/lib/votes/commands";
import { resultsFor, resultsSaid } from "@/lib/votes/queries";
import { msg } from "@/lib/platform/messages";

type Context = { params: Promise<{ slug: string }> };

export const POST = withUser<Context>(
  async (request, { params, user }) => {
    const { action } = await parseRequest(request, voteActionSchema);
    const db = getDb();
    const edition = await getEditionBySlug(db, user, (await params).slug);
    const run = {
      open: openVote,
      close: closeVote,
      reveal: (d: typeof db, u: typeof user, id: string) => revealStep(d, u, id, "next"),
      hide: (d: typeof db, u: typeof user, id: string) => revealStep(d, u, id, "reset"),
    }[action];
    const result = await run(db, user, edition.id);
    return NextResponse.json(result);
  },
  organizersOnly(msg("votes.doing.runVote")),
);

export const PATCH = withUser<Context>(
  async (request, { params, user }) => {
    const settings = await parseRequest(request, voteSettingsSchema);
    const db = getDb();
    const edition = await getEditionBySlug(db, user, (await params).slug);
    return NextResponse.json(await updateVoteSettings(db, user, edition.id, settings));
  },
  organizersOnly(msg("votes.doing.changeRules")),
);

export const GET = withUser<Context>(async (_request, { params, user }) => {
  const db = getDb();
  const edition = await getEditionBySlug(db, user, (await params).slug);
  return NextResponse.json(resultsSaid(await resultsFor(db, user, edition.id), await translator()), { headers: { "Cache-Control": "no-store" } });
});
