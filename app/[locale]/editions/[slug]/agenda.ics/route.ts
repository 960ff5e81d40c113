// GET /editions/<hex>/agenda.ics — the edition's agenda as an iCalendar feed,
// for subscribing from Outlook, Google or Apple Calendar (they fetch it
// without anyone's session: it is public, like the edition's page).
import { errorResponse } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { calendarResponse } from "@/app/_lib/calendar";
import { agendaCalendar } from "@/lib/editions/calendars";

export async function GET(_request: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    return calendarResponse(await agendaCalendar(getDb(), slug), `hexathon-${slug.toLowerCase()}.ics`, "public, max-age=300");
  } catch (error) {
    return errorResponse(error);
  }
}
