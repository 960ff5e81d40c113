// GET /api/judging/[id]/results.csv — a track's results (place, score and interval): organizers, or anyone once published
import { withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { csvResponse } from "@/app/_lib/csv";
import { resultsCsv } from "@/lib/judging/queries";

export const GET = withUser<{ params: Promise<{ id: string }> }>(async (_request, { params, user }) => {
  const id = (await params).id;
  return csvResponse(await resultsCsv(getDb(), user, id), `judging-${id}-results.csv`);
});
