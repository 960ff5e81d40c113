// POST /api/articles/[id]/review — {"action":"submit"|"comment"|"request-changes"|"publish"|"unpublish","comment"?}: the review workflow
import { NextResponse } from "next/server";
import { authorizeById, parseRequest, withUser } from "@/app/_lib/api";
import { revalidateArticle } from "@/app/_lib/revalidate";
import { assertMayEditArticle, commentOnArticle, publishArticle, requestChanges, submitForReview, unpublishArticle } from "@/lib/articles";
import { getDb } from "@/lib/db";
import { reviewSchema } from "@/lib/schemas/articles";

export const POST = withUser<{ params: Promise<{ id: string }> }>(async (request, { params, user }) => {
  const { action, comment } = await parseRequest(request, reviewSchema);
  const id = (await params).id;
  const db = getDb();
  switch (action) {
    case "submit":
      await submitForReview(db, user, id);
      break;
    case "comment":
      await commentOnArticle(db, user, id, comment);
      break;
    case "request-changes":
      await requestChanges(db, user, id, comment);
      break;
    case "publish": {
      const published = await publishArticle(db, user, id);
      await revalidateArticle(db, [published, ...(published.previous ? [published.previous] : [])]);
      break;
    }
    case "unpublish": {
      const gone = await unpublishArticle(db, user, id, comment);
      await revalidateArticle(db, [gone]);
      break;
    }
  }
  const now = await db.article.findUnique({ where: { id }, select: { status: true, pendingChanges: true } });
  return NextResponse.json({ ok: true, ...now });
}, authorizeById(assertMayEditArticle));
