// GET /api/articles/[id] — the working copy (authors, organizers); PATCH — {"title","summary","body","tags","coverFile","coverAlt","slug"?,"version"}: the editor's save; DELETE — a draft never published
import { NextResponse } from "next/server";
import { authorizeById, parseRequest, withUser } from "@/app/_lib/api";
import { articleForEditing, assertMayEditArticle } from "@/lib/articles/queries";
import { deleteArticle, saveArticle } from "@/lib/articles/commands";
import { getDb } from "@/app/_lib/db";
import { articleDraftSchema } from "@/lib/articles/schemas";

type Context = { params: Promise<{ id: string }> };

export const GET = withUser<Context>(async (_request, { params, user }) => {
  return NextResponse.json(await articleForEditing(getDb(), user, (await params).id), { headers: { "Cache-Control": "no-store" } });
});

export const PATCH = withUser<Context>(async (request, { params, user }) => {
  const { version, ...draft } = await parseRequest(request, articleDraftSchema);
  return NextResponse.json(await saveArticle(getDb(), user, (await params).id, draft, version));
}, authorizeById(assertMayEditArticle));

// the editor's last save when the tab closes is a beacon: POST, the same body
export const POST = PATCH;

export const DELETE = withUser<Context>(async (_request, { params, user }) => {
  await deleteArticle(getDb(), user, (await params).id); // never published: no public page to refresh
  return new NextResponse(null, { status: 204 });
});
