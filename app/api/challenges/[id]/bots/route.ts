// POST /api/challenges/[id]/bots — {"source","language","force"?}: submit a new version of the team's bot (a bot that
// forfeits its check match is refused, 422 with the round and reason, unless "force": true); GET — the team's versions
import { NextResponse } from "next/server";
import { parseRequest, withUser } from "@/app/_lib/api";
import { submitBot } from "@/lib/arena/commands";
import { teamBotVersions } from "@/lib/arena/queries";
import { getDb } from "@/app/_lib/db";
import { botSubmissionSchema } from "@/lib/arena/schemas";

type Context = { params: Promise<{ id: string }> };

export const POST = withUser<Context>(async (request, { params, user }) => {
  const { source, language, force } = await parseRequest(request, botSubmissionSchema);
  const version = await submitBot(getDb(), user, (await params).id, source, language, new Date(), { force });
  return NextResponse.json({ version: version.version, createdAt: version.createdAt }, { status: 201 });
});

export const GET = withUser<Context>(async (_request, { params, user }) => {
  return NextResponse.json(await teamBotVersions(getDb(), user, (await params).id));
});
