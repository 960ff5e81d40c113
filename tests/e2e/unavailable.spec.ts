// A server whose database is unreachable (scripts/e2e-server.mjs --db-down):
// pages say so with a 503 and a retry, the API in its JSON shape, and the
// health check names the problem without the connection's password.
import { readFileSync } from "node:fs";
import { METRICS_TOKEN, serverLogFile } from "./operations.mjs";
import { expect, test } from "./test";

test("pages answer 503 'temporarily unavailable' with a retry hint", async ({ page, request }) => {
  // the process's probe learns within two seconds that the database is down
  await expect.poll(async () => (await request.get("/editions")).status(), { timeout: 15_000 }).toBe(503);
  for (const url of ["/", "/editions/0x09", "/articles", "/signin"]) {
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(503);
    expect(response?.headers()["retry-after"]).toBe("30");
    await expect(page.getByRole("heading", { name: "Hexathon is temporarily unavailable" })).toBeVisible();
    await expect(page.getByText("try again in a minute")).toBeVisible();
  }
  const api = await request.put("/api/topics/x/interest", { data: { interested: true } });
  expect(api.status()).toBe(503);
  expect(await api.json()).toEqual({ error: { code: "UNAVAILABLE", message: expect.stringContaining("can't reach its database") } });
});

test("the health check names the problem, never the password", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(503);
  const body = (await response.json()) as { status: string; reason: string };
  expect(body.status).toBe("unavailable");
  expect(body.reason).toBe("the database is unreachable: Can't reach database server at 127.0.0.1:1");
  expect(body.reason).not.toContain("secret-password");
});

test("readiness says why, the metrics still answer, and the log never shows the database's password", async ({ request, baseURL }) => {
  const ready = await request.get("/api/ready");
  expect(ready.status()).toBe(503);
  const body = (await ready.json()) as { status: string; reason: string };
  expect(body).toEqual({ status: "not ready", reason: "the database is unreachable: Can't reach database server at 127.0.0.1:1" });
  expect(ready.headers()["retry-after"]).toBe("5");
  // what an operator needs most while the database is away
  const scrape = await request.get("/metrics", { headers: { Authorization: `Bearer ${METRICS_TOKEN}` } });
  expect(scrape.status()).toBe(200);
  expect(await scrape.text()).toMatch(/^hexathon_http_requests_total\{method="GET",route="\/api\/ready",status="503"\} \d+$/m);
  const log = readFileSync(serverLogFile(Number(new URL(baseURL!).port)), "utf8");
  expect(log).toContain("127.0.0.1:1");
  expect(log).not.toContain("secret-password");
});
