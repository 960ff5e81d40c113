// An iCalendar feed as a response. Subscribed calendars poll it: the feed says
// how often (lib/editions/calendar.ts), the cache header how long it may be kept.
import "server-only";
import { renderCalendar, type CalendarFeed } from "@/lib/editions/calendar";

export function calendarResponse(feed: CalendarFeed, filename: string, cacheControl: string): Response {
  return new Response(renderCalendar(feed), {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `inline; filename="${filename.replace(/[^\w.-]/g, "")}"`,
      "Cache-Control": cacheControl,
    },
  });
}
