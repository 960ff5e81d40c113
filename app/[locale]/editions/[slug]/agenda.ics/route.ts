// GET /editions/<hex>/agenda.ics — the edition's agenda as an iCalendar feed,
// for subscribing from Outlook, Google or Apple Calendar (they fetch it
// without anyone's session: it is public, like the edition's page).
import { errorResponse } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { calendarResponse } from "@/app/_lib/calendar";
import { agendaCalendar } from "@/lib/editions/calendars";
import { localeOr } from "@/lib/platform/locale";

export async function GET(_request: Request, { params }: { params: Promise<{ locale: string; slug: string }> }) {
  try {
    // in the reader's language: the address is the same in every language (proxy.ts adds it, from the cookie or Accept-Language)
    const { locale, slug } = await params;
    const feed = await agendaCalendar(getDb(), slug, localeOr(locale));
    return calendarResponse(feed, `hexathon-${slug.toLowerCase()}.ics`, "public, max-age=300");
  } catch (error) {
    return errorResponse(error);
  }
}
