// GET /api/judging/[id]/judgments.csv — organizers: every judgment of a track, withdrawn ones marked with who, when and why
import { withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { csvResponse } from "@/app/_lib/csv";
import { judgmentsCsv } from "@/lib/judging/queries";

export const GET = withUser<{ params: Promise<{ id: string }> }>(async (_request, { params, user }) => {
  const id = (await params).id;
  return csvResponse(await judgmentsCsv(getDb(), user, id), `judging-${id}-judgments.csv`);
});
