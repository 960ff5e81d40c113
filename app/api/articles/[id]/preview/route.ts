// POST /api/articles/[id]/preview — {"body"}: the Markdown rendered exactly as the published page will show it
import { NextResponse } from "next/server";
import { authorizeById, parseRequest, withUser } from "@/app/_lib/api";
import { assertMayEditArticle, previewArticle } from "@/lib/articles/queries";
import { getDb } from "@/app/_lib/db";
import { previewSchema } from "@/lib/articles/schemas";

export const POST = withUser<{ params: Promise<{ id: string }> }>(async (request, { params, user }) => {
  const { body } = await parseRequest(request, previewSchema);
  return NextResponse.json(await previewArticle(getDb(), user, (await params).id, body));
}, authorizeById(assertMayEditArticle));
