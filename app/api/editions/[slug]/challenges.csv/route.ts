// GET /api/editions/[slug]/challenges.csv — organizers: every challenge result per team, then the audit trail
import { withUser } from "@/app/_lib/api";
import { challengesCsv } from "@/lib/challenges/queries";
import { getDb } from "@/app/_lib/db";
import { csvResponse } from "@/app/_lib/csv";
import { formatEditionNumber } from "@/lib/editions/rules";
import { getEditionBySlug } from "@/lib/editions/queries";

export const GET = withUser<{ params: Promise<{ slug: string }> }>(async (_request, { params, user }) => {
  const db = getDb();
  const edition = await getEditionBySlug(db, user, (await params).slug);
  return csvResponse(await challengesCsv(db, user, edition.id), `hackathon-${formatEditionNumber(edition.number)}-challenges.csv`);
});
