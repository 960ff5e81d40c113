// The load generator shared by every bench section: plain node:http with a
// keep-alive agent (cheaper per request than fetch/undici, which matters when
// the generator and the server share the machine's two cores), a
// concurrency-limited task pool, percentiles and a tiny cookie jar.
//
// Every section measures its routes AND the trivial baseline with these same
// functions, so the ratio between them is about the server, not the client.
import http from "node:http";
import { performance } from "node:perf_hooks";
import { tsImport } from "tsx/esm/api";

const { seededRandom } = await tsImport("../lib/platform/random.ts", import.meta.url);

/** A keep-alive agent: one TCP connection per in-flight request, reused afterwards (no connect cost in the figures). */
export function makeAgent(maxSockets = 100) {
  return new http.Agent({ keepAlive: true, maxSockets, maxFreeSockets: maxSockets });
}

/**
 * One HTTP request, read to the end. Resolves { status, headers, text, ms }
 * (ms = from sending to the last byte); rejects only on network errors or the
 * timeout, so callers count HTTP errors themselves.
 */
export function request(origin, { method = "GET", path, headers = {}, body, agent, timeoutMs = 30_000 }) {
  const url = new URL(path, origin);
  const payload = body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body);
  const allHeaders = { ...headers };
  if (payload !== undefined) {
    allHeaders["content-length"] = Buffer.byteLength(payload);
    if (typeof body !== "string") allHeaders["content-type"] ??= "application/json";
  }
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const req = http.request({ hostname: url.hostname, port: url.port, path: url.pathname + url.search, method, headers: allHeaders, agent }, (res) => {
      const chunks = [];
      res.on("data", (chunk) => chunks.push(chunk));
      res.on("end", () =>
        resolve({ status: res.statusCode, headers: res.headers, text: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }),
      );
      res.on("error", reject);
    });
    req.setTimeout(timeoutMs, () => req.destroy(new Error(`${method} ${url.pathname} timed out after ${timeoutMs} ms`)));
    req.on("error", reject);
    req.end(payload);
  });
}

/** The JSON body of a response, or throws with the status and the start of the body (for readable failures). */
export function json(response) {
  try {
    return JSON.parse(response.text);
  } catch {
    throw new Error(`expected JSON, got ${response.status}: ${response.text.slice(0, 200)}`);
  }
}

/**
 * Runs task(i) for i = 0..n-1 with at most `concurrency` in flight (a closed
 * loop: a worker starts the next task when its previous one ends, like a
 * crowd of phones that each wait for their answer). A task that throws is
 * counted, not fatal: a benchmark reports errors instead of stopping.
 */
export async function pool(n, concurrency, task) {
  let next = 0;
  let errors = 0;
  const errorSamples = [];
  const started = performance.now();
  const worker = async () => {
    while (next < n) {
      const i = next++;
      try {
        await task(i);
      } catch (error) {
        errors++;
        if (errorSamples.length < 3) errorSamples.push(error.message);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, worker));
  return { ms: performance.now() - started, errors, errorSamples };
}

/** Like pool, but keeps starting tasks until `durationMs` has passed; returns how many ran. */
export async function poolFor(durationMs, concurrency, task) {
  const started = performance.now();
  let done = 0;
  let errors = 0;
  const errorSamples = [];
  const worker = async () => {
    while (performance.now() - started < durationMs) {
      try {
        await task(done);
      } catch (error) {
        errors++;
        if (errorSamples.length < 3) errorSamples.push(error.message);
      }
      done++;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return { ms: performance.now() - started, count: done, errors, errorSamples };
}

/** Starts task(i) at an even pace, `perSecond`, whatever the answers' speed (an open loop, like a hall of phones); a task's failure is its own to count. */
export async function paced(n, perSecond, task) {
  const started = performance.now();
  const running = [];
  for (let i = 0; i < n; i++) {
    const wait = started + (i * 1000) / perSecond - performance.now();
    if (wait > 1) await sleep(wait);
    running.push(task(i).catch(() => {}));
  }
  await Promise.all(running);
  return { ms: performance.now() - started };
}

/** Nearest-rank percentile of an ascending array (p in 0..100). */
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))];
}

export function summarize(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return {
    count: sorted.length,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.length ? sorted[sorted.length - 1] : NaN,
    mean: sorted.length ? sorted.reduce((a, b) => a + b, 0) / sorted.length : NaN,
  };
}

/** A minimal cookie jar: name → value from Set-Cookie headers, sent back as one Cookie header (no paths or expiry: one origin, one short run). */
export class CookieJar {
  values = new Map();
  take(headers) {
    for (const line of headers["set-cookie"] ?? []) {
      const [pair] = line.split(";");
      const eq = pair.indexOf("=");
      if (eq > 0) this.values.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
    }
    return this;
  }
  get(name) {
    return this.values.get(name);
  }
  header() {
    return [...this.values].map(([k, v]) => `${k}=${v}`).join("; ");
  }
}

/** The codebase's seeded generator (lib/platform/random.ts), so two runs cast the same ballots. */
export const prng = seededRandom;

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it returns a truthy value or the time runs out (then returns the last value). */
export async function waitFor(check, { timeoutMs = 10_000, everyMs = 50 } = {}) {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value || performance.now() >= deadline) return value;
    await sleep(everyMs);
  }
}

/** The trivial baseline: the same generator against a route that does nothing but answer (GET /api/time). */
export async function measureBaseline(origin, { concurrency, durationMs, path = "/api/time" }) {
  const agent = makeAgent(concurrency);
  // warm-up: the first requests load the route's bundle; they are not part of the figure
  await pool(200, concurrency, () => request(origin, { path, agent }));
  const latencies = [];
  let bad = 0;
  const run = await poolFor(durationMs, concurrency, async () => {
    const res = await request(origin, { path, agent });
    if (res.status !== 200) bad++;
    latencies.push(res.ms);
  });
  agent.destroy();
  return { path, concurrency, requests: run.count, perSecond: (run.count / run.ms) * 1000, errors: run.errors + bad, ...summarize(latencies) };
}
