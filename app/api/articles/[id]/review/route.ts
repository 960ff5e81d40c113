// POST /api/articles/[id]/review — {"action":"submit"|"comment"|"request-changes"|"publish"|"unpublish","comment"?}: the review workflow
import { NextResponse } from "next/server";
import { authorizeById, parseRequest, withUser } from "@/app/_lib/api";
import { assertMayEditArticle } from "@/lib/articles/queries";
import { reviewArticle } from "@/lib/articles/commands";
import { getDb } from "@/app/_lib/db";
import { reviewSchema } from "@/lib/articles/schemas";

export const POST = withUser<{ params: Promise<{ id: string }> }>(async (request, { params, user }) => {
  const { action, comment } = await parseRequest(request, reviewSchema);
  const id = (await params).id;
  const state = await reviewArticle(getDb(), user, id, action, comment);
  return NextResponse.json({ ok: true, ...state });
}, authorizeById(assertMayEditArticle));
