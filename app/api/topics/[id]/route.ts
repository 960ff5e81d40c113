// PATCH /api/topics/[id] — edit a topic (its proposer or an organizer, until hacking starts)
import { NextResponse } from "next/server";
import { authorizeById, parseRequest, withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { topicSchema } from "@/lib/topics/schemas";
import { assertMayEditTopic } from "@/lib/topics/queries";
import { updateTopic } from "@/lib/topics/commands";

export const PATCH = withUser<{ params: Promise<{ id: string }> }>(async (request, { params, user }) => {
  const input = await parseRequest(request, topicSchema);
  const topic = await updateTopic(getDb(), user, (await params).id, input);
  return NextResponse.json({ id: topic.id, title: topic.title, kind: topic.kind, status: topic.status });
}, authorizeById(assertMayEditTopic));
