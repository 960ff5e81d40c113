// GET /api/editions/[slug]/report.csv — organizers: the edition's report, a line per figure (section, measure, value)
import { withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { csvResponse } from "@/app/_lib/csv";
import { translator } from "@/app/_lib/translate";
import { formatEditionNumber } from "@/lib/editions/rules";
import { getEditionBySlug } from "@/lib/editions/queries";
import { editionReport } from "@/lib/insights/queries";
import { reportCsv } from "@/lib/insights/rules";

export const GET = withUser<{ params: Promise<{ slug: string }> }>(async (_request, { params, user }) => {
  const db = getDb();
  const edition = await getEditionBySlug(db, user, (await params).slug);
  // its words in the reader's language, as the page it is downloaded from
  return csvResponse(reportCsv([await editionReport(db, user, edition.id)], await translator()), `hackathon-${formatEditionNumber(edition.number)}-report.csv`);
});
