// GET /api/editions/[slug]/vote/ballots.csv — organizers: the ballots as CSV, anonymized
import { withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { csvResponse } from "@/app/_lib/csv";
import { formatEditionNumber } from "@/lib/editions/rules";
import { getEditionBySlug } from "@/lib/editions/queries";
import { ballotsCsv } from "@/lib/votes/queries";

export const GET = withUser<{ params: Promise<{ slug: string }> }>(async (_request, { params, user }) => {
  const db = getDb();
  const edition = await getEditionBySlug(db, user, (await params).slug);
  const csv = await ballotsCsv(db, user, edition.id);
  return csvResponse(csv, `hackathon-${formatEditionNumber(edition.number)}-ballots.csv`);
});
