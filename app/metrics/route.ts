// GET /metrics — Prometheus's scrape (docs/ops/metrics.md): 404 unless
// METRICS_TOKEN is set, then 401 without `Authorization: Bearer <token>`.
import { exposition, metricsAccess } from "@/lib/platform/metrics";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  const access = metricsAccess(request.headers.get("authorization"));
  if (access === "off") return new Response("Not found: metrics are off (set METRICS_TOKEN to turn them on).\n", { status: 404, headers: TEXT });
  if (access === "refused")
    return new Response("This needs the metrics token: Authorization: Bearer <METRICS_TOKEN>.\n", {
      status: 401,
      headers: { ...TEXT, "WWW-Authenticate": 'Bearer realm="hexathon metrics"' },
    });
  const { contentType, body } = await exposition();
  return new Response(body, { headers: { "Content-Type": contentType, "Cache-Control": "no-store" } });
}

const TEXT = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" };
