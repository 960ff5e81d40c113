// GET /api/editions/[slug]/vote/results.csv — organizers: the results as CSV
import { withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { csvResponse } from "@/app/_lib/csv";
import { translator } from "@/app/_lib/translate";
import { formatEditionNumber } from "@/lib/editions/rules";
import { getEditionBySlug } from "@/lib/editions/queries";
import { resultsCsv } from "@/lib/votes/queries";

export const GET = withUser<{ params: Promise<{ slug: string }> }>(async (_request, { params, user }) => {
  const db = getDb();
  const edition = await getEditionBySlug(db, user, (await params).slug);
  const csv = await resultsCsv(db, user, edition.id, await translator());
  return csvResponse(csv, `hackathon-${formatEditionNumber(edition.number)}-results.csv`);
});
