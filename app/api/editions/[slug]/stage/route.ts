// POST /api/editions/[slug]/stage — run the presentations: {"command":"start"|"pause"|"resume"|"reset"|"add30"|"next"|"previous"} or {"command":"goto","teamId":…}
import { NextResponse } from "next/server";
import { organizersOnly, parseRequest, withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { getEditionBySlug } from "@/lib/editions/queries";
import { stageCommandSchema } from "@/lib/stage/schemas";
import { commandStage } from "@/lib/stage/commands";
import { msg } from "@/lib/platform/messages";

export const POST = withUser<{ params: Promise<{ slug: string }> }>(
  async (request, { params, user }) => {
    const input = await parseRequest(request, stageCommandSchema);
    const db = getDb();
    const edition = await getEditionBySlug(db, user, (await params).slug);
    const command = input.command === "goto" ? { goto: input.teamId } : input.command;
    return NextResponse.json(await commandStage(db, user, edition.id, command));
  },
  organizersOnly(msg("stage.doing.runPresentations")),
);
