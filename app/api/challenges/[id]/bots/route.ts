// POST /api/challenges/[id]/bots — {"source","language"}: submit a new version of the team's bot; GET — the team's versions
import { NextResponse } from "next/server";
import { parseRequest, withUser } from "@/app/_lib/api";
import { submitBot, teamBotVersions } from "@/lib/arena/bots";
import { getDb } from "@/lib/db";
import { botSubmissionSchema } from "@/lib/schemas/arena";

type Context = { params: Promise<{ id: string }> };

export const POST = withUser<Context>(async (request, { params, user }) => {
  const { source, language } = await parseRequest(request, botSubmissionSchema);
  const version = await submitBot(getDb(), user, (await params).id, source, language);
  return NextResponse.json({ version: version.version, createdAt: version.createdAt }, { status: 201 });
});

export const GET = withUser<Context>(async (_request, { params, user }) => {
  return NextResponse.json(await teamBotVersions(getDb(), user, (await params).id));
});
