// The JSON endpoints answer bad input with a 4xx and a message a person
// understands, in one shape: { error: { code, message } }.
import { expect, test } from "./test";
import { signIn } from "./helpers";

test("signed-out callers get 401", async ({ request }) => {
  const response = await request.put("/api/topics/anything/interest", { data: { interested: true } });
  expect(response.status()).toBe(401);
  expect(await response.json()).toEqual({ error: { code: "UNAUTHENTICATED", message: "Please sign in first." } });
});

test("malformed bodies, wrong fields and unknown ids are explained", async ({ page }) => {
  await signIn(page, "bob@demo.test");
  const malformed = await page.request.put("/api/topics/anything/interest", {
    headers: { "content-type": "application/json" },
    data: Buffer.from("{not json"),
  });
  expect(malformed.status()).toBe(400);
  expect((await malformed.json()).error.message).toBe("The request body is not valid JSON.");

  const wrongField = await page.request.put("/api/topics/anything/interest", { data: { interested: "yes please" } });
  expect(wrongField.status()).toBe(400);
  expect((await wrongField.json()).error.message).toBe("interested: interested must be true or false.");

  const unknown = await page.request.put("/api/topics/no-such-topic/interest", { data: { interested: true } });
  expect(unknown.status()).toBe(404);
  expect((await unknown.json()).error.message).toBe("That topic doesn't exist.");

  const noTeam = await page.request.put("/api/teams/no-such-team/membership");
  expect(noTeam.status()).toBe(404);

  const notAnObject = await page.request.put("/api/topics/anything/interest", { data: [true] });
  expect(notAnObject.status()).toBe(400);
  expect((await notAnObject.json()).error.message).toBe("The request body must be a JSON object.");
});

test("rules of the phase are explained with 422", async ({ page }) => {
  await signIn(page, "bob@demo.test");
  // 0x09 is hacking: teams are locked
  await page.goto("/editions/0x09/teams");
  await page.getByRole("article").first().getByRole("link").first().click();
  await page.waitForURL(/\/teams\/[^/]+$/);
  const teamId = page.url().split("/").pop();
  const response = await page.request.put(`/api/teams/${teamId}/membership`);
  expect(response.status()).toBe(422);
  expect((await response.json()).error.message).toMatch(/Teams are locked in the “.+” phase/);
});

test("/api/me tells the header who is reading, and is never stored by a cache", async ({ page, request }) => {
  const anonymous = await request.get("/api/me");
  expect(anonymous.headers()["cache-control"]).toBe("private, no-store");
  expect(await anonymous.json()).toEqual({ user: null, currentEditionNumber: 9 });

  await signIn(page, "judge@demo.test");
  const judge = await page.request.get("/api/me");
  expect(await judge.json()).toEqual({ user: { name: expect.any(String), role: "JUDGE", locale: null }, currentEditionNumber: 9 });
  await expect(page.getByRole("banner")).toContainText("Judge");
  const otherTab = await page.context().newPage();
  await otherTab.goto("/articles");
  await expect(otherTab.getByRole("banner")).toContainText("Judge");
  // signed out: the header forgets the name at once, on this page, the next, and the other tab
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(otherTab.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("banner")).not.toContainText("Judge");
  expect(await page.evaluate(() => localStorage.getItem("hexathon:visitor"))).not.toContain("JUDGE");
});

test("when /api/me doesn't answer, the header still offers to sign in", async ({ page }) => {
  await page.route("/api/me", (route) => route.fulfill({ status: 503, body: "down" }));
  await page.goto("/articles");
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link", { name: /^Edition 0x/ })).toBeVisible();
});

test("a favicon, phone icons and a web manifest are served", async ({ request, page }) => {
  expect((await request.get("/favicon.ico")).headers()["content-type"]).toMatch(/image\/(x-icon|vnd\.microsoft\.icon)/);
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const { name, icons } = (await manifest.json()) as { name: string; icons: { src: string; sizes: string }[] };
  expect(name).toBe("Hexathon");
  for (const icon of icons) expect((await request.get(icon.src)).headers()["content-type"]).toBe("image/png");
  await page.goto("/");
  await expect(page.locator('link[rel="manifest"]')).toHaveAttribute("href", "/manifest.webmanifest");
  await expect(page.locator('link[rel="apple-touch-icon"]')).toHaveCount(1);
});

test("every response says how it may be used: security headers", async ({ request }) => {
  for (const url of ["/", "/articles", "/api/me", "/favicon.ico"]) {
    const headers = (await request.get(url)).headers();
    expect(headers["x-content-type-options"], url).toBe("nosniff");
    expect(headers["referrer-policy"], url).toBe("strict-origin-when-cross-origin");
    expect(headers["permissions-policy"], url).toContain("camera=()");
  }
  const csp = (await request.get("/editions")).headers()["content-security-policy"];
  expect(csp).toMatch(/script-src 'self' 'nonce-[^']+' 'sha256-[^']+' 'strict-dynamic'/);
  expect(csp).toContain("img-src 'self' data: blob:");
  expect(csp).toContain("frame-ancestors 'none'");
});
