// What the company's engineers who run Hexathon get, tried against the
// running server: /metrics behind its token, scraped by a real Prometheus
// running every query of the Grafana dashboard; readiness; a request id on
// every answer; and a JSON log with a line per request and no secret in it.
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test } from "./test";
import { signIn, unique } from "./helpers";
import { METRICS_TOKEN, serverLogFile } from "./operations.mjs";
import { startPrometheus } from "./prometheus.mjs";

const bearer = { Authorization: `Bearer ${METRICS_TOKEN}` };
const port = (baseURL: string | undefined) => Number(new URL(baseURL!).port);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

test("/metrics wants the token, and Prometheus's checker accepts what it answers", async ({ request }) => {
  for (const headers of [
    {} as Record<string, string>,
    { Authorization: "Bearer wrong-token-of-the-same-size!!" },
    { Authorization: `Basic ${METRICS_TOKEN}` },
  ]) {
    const refused = await request.get("/metrics", { headers });
    expect(refused.status()).toBe(401);
    expect(refused.headers()["www-authenticate"]).toMatch(/^Bearer /);
    expect(await refused.text()).toContain("Authorization: Bearer <METRICS_TOKEN>");
  }
  const scrape = await request.get("/metrics", { headers: bearer });
  expect(scrape.status()).toBe(200);
  expect(scrape.headers()["content-type"]).toMatch(/^text\/plain; version=0\.0\.4/);
  const body = await scrape.text();
  // the refusals above were counted, by route pattern and status
  expect(body).toMatch(/^hexathon_http_requests_total\{method="GET",route="\/metrics",status="401"\} [3-9]\d*$/m);
  const check = spawnSync("promtool", ["check", "metrics"], { input: body, encoding: "utf8" });
  expect(check.error, "promtool (Debian's prometheus package) is installed").toBeUndefined();
  expect([0, 3], check.stderr).toContain(check.status); // 3: lint remarks, listed below
  const remarks = `${check.stdout}${check.stderr}`.split("\n").filter(Boolean);
  expect(remarks.filter((r) => !/^nodejs_active_(handles|requests|resources)_total /.test(r))).toEqual([]);
});

test("a real Prometheus scrapes the instance: requests counted by route, and every dashboard query runs", async ({ request, baseURL }) => {
  test.setTimeout(90_000);
  const prometheus = await startPrometheus({ port: port(baseURL) + 15, targets: [new URL(baseURL!).host], token: METRICS_TOKEN });
  const value = async (expr: string) => {
    const answer = await prometheus.query(expr);
    expect(answer.status, `${expr}: ${answer.error}`).toBe("success");
    return answer.data!.result.length ? Number(answer.data!.result[0].value[1]) : null;
  };
  try {
    await expect.poll(() => value('up{job="hexathon"}'), { timeout: 20_000, message: "Prometheus scrapes /metrics with the token" }).toBe(1);
    const robots = 'sum(hexathon_http_requests_total{job="hexathon",route="/robots.txt",status="200"})';
    const before = (await value(robots)) ?? 0;
    for (let i = 0; i < 25; i++) expect((await request.get("/robots.txt")).status()).toBe(200);
    await expect.poll(() => value(robots), { timeout: 15_000 }).toBeGreaterThanOrEqual(before + 25);
    expect(await value('sum(hexathon_http_request_duration_seconds_count{job="hexathon",route="/robots.txt"})')).toBeGreaterThanOrEqual(before + 25);

    // every query of the dashboard an operator imports is one Prometheus runs
    const dashboard = JSON.parse(readFileSync(path.join(process.cwd(), "docs/ops/grafana-dashboard.json"), "utf8")) as {
      panels: { title: string; targets?: { expr: string }[] }[];
    };
    const queries = dashboard.panels.flatMap((p) =>
      (p.targets ?? []).map((t) => ({ title: p.title, expr: t.expr.replaceAll("$__rate_interval", "1m").replaceAll("$job", "hexathon") })),
    );
    expect(queries.length).toBeGreaterThan(15);
    for (const { title, expr } of queries) {
      const answer = await prometheus.query(expr);
      expect(answer.status, `${title}: ${expr}: ${answer.error}`).toBe("success");
    }
    // and those that have something to show from a running instance show it
    for (const title of ["Instances up", "Requests per second by status", "CPU", "Memory", "Event-loop lag p99", "Database statements p99"]) {
      const { expr } = queries.find((q) => q.title === title)!;
      await expect.poll(async () => (await prometheus.query(expr)).data?.result.length ?? 0, { message: title, timeout: 15_000 }).toBeGreaterThan(0);
    }
  } finally {
    await prometheus.close();
  }
});

test("readiness and liveness answer for a load balancer", async ({ request }) => {
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(200);
  expect(await ready.json()).toEqual({ status: "ready" });
  expect(ready.headers()["cache-control"]).toBe("no-store");
  const health = await request.get("/api/health");
  expect(health.status()).toBe(200);
  expect(await health.json()).toMatchObject({ status: "ok" });
});

test("every answer carries a request id; a load balancer's is kept, anything else replaced", async ({ request }) => {
  for (const url of ["/api/health", "/", "/articles", "/no/such/page"]) {
    const response = await request.get(url);
    expect(response.headers()["x-request-id"], url).toMatch(UUID);
  }
  const given = "nginx-7d3f0a9c2b1e4f5a8d6c";
  expect((await request.get("/api/time", { headers: { "X-Request-Id": given } })).headers()["x-request-id"]).toBe(given);
  for (const odd of ["short", "has spaces in it ok", "<script>alert(1)</script>", "x".repeat(200)])
    expect((await request.get("/api/time", { headers: { "X-Request-Id": odd } })).headers()["x-request-id"], odd).toMatch(UUID);
});

test("the log: a JSON line per request with its id, and no password, cookie, token or secret in it", async ({ page, request, baseURL }) => {
  const logFile = serverLogFile(port(baseURL));
  // a password typed on the sign-in form (a wrong one: it is sent all the same)
  const password = `Wrong-${unique()}-staple-battery`;
  await page.goto("/signin");
  await page.getByLabel("Email").fill("alice@demo.test");
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByRole("main").getByRole("alert")).toBeVisible(); // (Next's route announcer is an alert too)
  // a session cookie, sent with the requests that follow
  await signIn(page, "alice@demo.test");
  const session = (await page.context().cookies()).find((c) => /session-token/.test(c.name));
  expect(session?.value.length).toBeGreaterThan(20);
  await page.goto("/account");
  // a bearer token, and a request id to find the line by
  const id = `ops-${unique()}-0123456789`;
  const response = await request.get("/api/time?token=one-time-value-in-the-query", { headers: { ...bearer, "X-Request-Id": id } });
  expect(response.status()).toBe(200);

  let lines: Record<string, unknown>[] = [];
  await expect
    .poll(
      () => {
        lines = readFileSync(logFile, "utf8")
          .split("\n")
          .filter((l) => l.startsWith("{"))
          .map((l) => JSON.parse(l) as Record<string, unknown>);
        return lines.some((l) => l.requestId === id);
      },
      { timeout: 10_000, message: `a line with the request id ${id} in ${logFile}` },
    )
    .toBe(true);
  expect(lines.find((l) => l.requestId === id)).toMatchObject({ level: 30, msg: "request", method: "GET", route: "/api/time", path: "/api/time", status: 200 });
  expect(lines.some((l) => l.msg === "request" && l.route === "/account" && l.status === 200)).toBe(true);
  const text = readFileSync(logFile, "utf8");
  for (const secret of [password, session!.value, METRICS_TOKEN, "e2e-only-secret-not-for-production", "one-time-value-in-the-query"])
    expect(text).not.toContain(secret);
});
