// GET /api/editions/report.csv — organizers: every edition's report, a line per figure (edition, section, measure, value)
import { withUser } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { csvResponse } from "@/app/_lib/csv";
import { translator } from "@/app/_lib/translate";
import { allReports } from "@/lib/insights/queries";
import { reportCsv } from "@/lib/insights/rules";

// its words in the reader's language, as the page it is downloaded from
export const GET = withUser(async (_request, { user }) => csvResponse(reportCsv(await allReports(getDb(), user), await translator()), "hackathon-report.csv"));
