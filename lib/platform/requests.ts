// What happens once a request is answered: a log line and the HTTP metrics.
// scripts/serve.mjs, which sees every request (the stored pages' too), calls
// it through the start-up hook (app/_lib/start.ts).
import { log } from "./log";
import { metrics } from "./metrics";

export type AnsweredRequest = {
  requestId: string;
  method: string;
  /** the route's pattern ("/editions/[edition]/vote"), never the raw address: a bounded label */
  route: string;
  /** the address without its query string, which may carry a one-time token */
  path: string;
  status: number;
  ms: number;
};

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
/** A load balancer's probes and Prometheus's scrapes, every few seconds: logged at debug level. */
const PROBES = new Set(["/api/health", "/api/ready", "/metrics"]);

export function requestAnswered({ requestId, method, route, path, status, ms }: AnsweredRequest): void {
  const verb = METHODS.has(method) ? method : "OTHER";
  const counted = metrics();
  counted.httpRequests.inc({ method: verb, route, status: String(status) });
  counted.httpDuration.observe({ method: verb, route }, ms / 1000);
  const level = status >= 500 ? "error" : PROBES.has(route) ? "debug" : "info";
  log()[level]({ requestId, method: verb, route, path: path.slice(0, 300), status, ms: Math.round(ms * 10) / 10 }, "request");
}
