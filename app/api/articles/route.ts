// POST /api/articles — {"editionId","teamId"?,"title"}: starts an article (a team member for the team, an organizer for any); GET — the caller's articles
import { NextResponse } from "next/server";
import { parseRequest, withUser } from "@/app/_lib/api";
import { createArticle } from "@/lib/articles/commands";
import { myArticles } from "@/lib/articles/queries";
import { getDb } from "@/app/_lib/db";
import { newArticleSchema } from "@/lib/articles/schemas";

export const POST = withUser(async (request, { user }) => {
  const input = await parseRequest(request, newArticleSchema);
  const article = await createArticle(getDb(), user, input);
  return NextResponse.json({ id: article.id, slug: article.slug }, { status: 201 });
});

export const GET = withUser(async (_request, { user }) => NextResponse.json(await myArticles(getDb(), user)));
