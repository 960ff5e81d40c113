// PUT /api/teams/[id]/membership — join the team; DELETE — leave it
import { NextResponse } from "next/server";
import { withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { joinTeam, leaveTeam } from "@/lib/teams/commands";

type Context = { params: Promise<{ id: string }> };

export const PUT = withUser<Context>(async (_request, { params, user }) => {
  const team = await joinTeam(getDb(), user, (await params).id);
  return NextResponse.json({ id: team.id, name: team.name, memberCount: team.memberCount });
});

export const DELETE = withUser<Context>(async (_request, { params, user }) => {
  await leaveTeam(getDb(), user, (await params).id);
  return new NextResponse(null, { status: 204 });
});
