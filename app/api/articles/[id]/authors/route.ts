// PUT /api/articles/[id]/authors — {"authors":[{"userId"}|{"name"}, …]}: the authors, in order
import { NextResponse } from "next/server";
import { authorizeById, parseRequest, withUser } from "@/app/_lib/api";
import { assertMayEditArticle } from "@/lib/articles/queries";
import { setAuthors } from "@/lib/articles/commands";
import { getDb } from "@/app/_lib/db";
import { authorsSchema } from "@/lib/articles/schemas";

export const PUT = withUser<{ params: Promise<{ id: string }> }>(async (request, { params, user }) => {
  const { authors } = await parseRequest(request, authorsSchema);
  return NextResponse.json(await setAuthors(getDb(), user, (await params).id, authors));
}, authorizeById(assertMayEditArticle));
