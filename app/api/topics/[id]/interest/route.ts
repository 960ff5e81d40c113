// PUT /api/topics/[id]/interest — show ({"interested":true}) or withdraw interest; answers the new count
import { NextResponse } from "next/server";
import { z } from "zod";
import { parseRequest, withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { setInterest } from "@/lib/topics/commands";

const bodySchema = z.object({ interested: z.boolean({ error: "interested must be true or false." }) });

export const PUT = withUser<{ params: Promise<{ id: string }> }>(async (request, { params, user }) => {
  const { interested } = await parseRequest(request, bodySchema);
  return NextResponse.json(await setInterest(getDb(), user, (await params).id, interested));
});
