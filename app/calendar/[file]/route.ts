// GET /calendar/<key>.ics — a person's own calendar feed (the agenda, their
// team's slot on stage, its challenges). The secret key in the address is the
// only credential: calendar apps fetch it without a session.
import { errorResponse, jsonError } from "@/app/_lib/api";
import { getDb } from "@/app/_lib/db";
import { calendarResponse } from "@/app/_lib/calendar";
import { personalCalendar } from "@/lib/editions/calendars";

export async function GET(_request: Request, { params }: { params: Promise<{ file: string }> }) {
  try {
    const key = /^([A-Za-z0-9_-]{16,64})\.ics$/.exec((await params).file)?.[1];
    if (!key) return jsonError(404, "NOT_FOUND", "This calendar address is not valid.");
    return calendarResponse(await personalCalendar(getDb(), key), "hexathon.ics", "private, no-store");
  } catch (error) {
    return errorResponse(error);
  }
}
