// Any /api/ address no route answers: the JSON error shape, not the HTML 404 page.
import { jsonError } from "@/app/_lib/api";

export const dynamic = "force-dynamic";

function notFound() {
  return jsonError(404, "NOT_FOUND", "There is no API endpoint at this address. The README lists them.");
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
