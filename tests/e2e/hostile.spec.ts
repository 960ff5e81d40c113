// The malformed-input walk: every API route and method, as a signed-in
// organizer (so that what is tested is the input, not the missing session),
// with the input an attacker tries first. Nothing may answer 500, every API
// answer has the JSON error shape, and the refusals say why.
import { expect, test, type APIResponse, type Page } from "./test";
import { signIn } from "./helpers";
import { apiRoutes, concrete, demoIds, pagePatterns, type DemoIds } from "./routes";

const STATE_CHANGING = ["POST", "PUT", "PATCH", "DELETE"];
const NON_JSON = /^\/api\/(auth|uploads|locale)\b/;

async function expectJsonError(response: APIResponse, label: string, status?: number) {
  const text = await response.text();
  expect(response.status(), `${label}: ${text.slice(0, 200)}`).toBeLessThan(500);
  if (status) expect(response.status(), `${label}: ${text.slice(0, 200)}`).toBe(status);
  const body = JSON.parse(text) as { error?: { code: string; message: string } };
  expect(body.error?.message, label).toMatch(/\w+ \w+/);
  return body.error!;
}

let ids: DemoIds;

test.beforeEach(async ({ page }) => {
  await signIn(page, "organizer@demo.test");
  ids ??= await demoIds(page.request);
});

test("every API route refuses hostile bodies with a 4xx and a sentence", async ({ page }) => {
  const routes = apiRoutes().filter((r) => !r.pattern.startsWith("/api/auth"));
  expect(routes.length).toBeGreaterThan(25);
  for (const route of routes) {
    const url = concrete(route.pattern, ids);
    for (const method of route.methods.filter((m) => STATE_CHANGING.includes(m))) {
      const label = `${method} ${url}`;
      // a lone surrogate is valid JSON but no text a database stores
      const surrogate = await page.request.fetch(url, {
        method,
        headers: { "content-type": "application/json" },
        data: '{"title":"\\ud800","pitch":"\\udfff","comment":"\\ud800","body":"\\ud800","teamIds":["\\ud800"],"action":"\\ud800","authors":[{"name":"\\ud800"}]}',
      });
      if (surrogate.status() >= 400) await expectJsonError(surrogate, `${label} (lone surrogate)`);
      else expect(route.pattern, `${label} accepted a lone surrogate`).toMatch(/uploads|membership|display-key/);

      if (!NON_JSON.test(route.pattern)) {
        // what a cross-site form sends without asking: text/plain
        const plain = await page.request.fetch(url, { method, headers: { "content-type": "text/plain" }, data: '{"action":"close"}' });
        expect((await expectJsonError(plain, `${label} (text/plain)`, 415)).message).toMatch(/Content-Type: application\/json/);
        // larger than any JSON body but the articles' and bots': 413 before it is read
        const big = await page.request.fetch(url, { method, headers: { "content-type": "application/json" }, data: `{"x":"${"a".repeat(2_200_000)}"}` });
        await expectJsonError(big, `${label} (2 MB body)`, 413);
      }

      // a page of a sibling subdomain or another port, through the organizer's cookies
      const foreign = await page.request.fetch(url, {
        method,
        headers: { "content-type": "application/json", origin: "http://localhost:3201", "sec-fetch-site": "same-site" },
        data: "{}",
      });
      expect((await expectJsonError(foreign, `${label} (foreign origin)`, 403)).message).toMatch(/another site/);
    }
    for (const method of route.methods) {
      // a path segment that isn't UTF-8 (a surrogate encoded in it)
      const broken = url.replace(/\/[^/]+$/, "/%ED%A0%80");
      const response = await page.request.fetch(broken, { method, headers: { "content-type": "application/json" }, data: method === "GET" ? undefined : "{}" });
      await expectJsonError(response, `${method} ${broken}`);
    }
  }
});

test("a chunked body without Content-Length is cut at the limit", async ({ page }) => {
  // Node's fetch streams a ReadableStream body chunked, with no length to refuse up front
  const cookies = (await page.context().cookies()).map((c) => `${c.name}=${c.value}`).join("; ");
  const chunk = new TextEncoder().encode("a".repeat(16 * 1024));
  let sent = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent === 0) controller.enqueue(new TextEncoder().encode('{"teamIds":["'));
      if (sent++ < 64) controller.enqueue(chunk);
      else controller.close();
    },
  });
  const baseURL = test.info().project.use.baseURL!;
  const response = await fetch(`${baseURL}/api/vote/${ids.code}/ballot`, {
    method: "PUT",
    headers: { "content-type": "application/json", cookie: cookies },
    body,
    duplex: "half",
  } as RequestInit);
  expect(response.status).toBe(413);
  expect(((await response.json()) as { error: { message: string } }).error.message).toBe("The request is too large: this address takes at most 64 KB.");
});

test("unknown API addresses answer the JSON error shape", async ({ page }) => {
  for (const url of ["/api/nope", "/api/articles/x/y/z", "/api/editions/0x09/nothing"]) {
    for (const method of ["GET", "POST"]) {
      const error = await expectJsonError(
        await page.request.fetch(url, { method, headers: { "content-type": "application/json" }, data: method === "GET" ? undefined : "{}" }),
        `${method} ${url}`,
        404,
      );
      expect(error.code).toBe("NOT_FOUND");
    }
  }
});

test("pages with a broken path segment are the 404 page, not a 500", async ({ page }) => {
  for (const pattern of pagePatterns().filter((p) => p !== "/")) {
    const url = concrete(pattern, ids).replace(/\/[^/]+$/, "/%ED%A0%80");
    const response = await page.goto(url);
    expect(response?.status(), url).toBe(404);
    await expect(page.getByRole("heading", { name: "Page not found" }), url).toBeVisible();
  }
  const upload = await page.request.get("/uploads/%ED%A0%80");
  expect(upload.status()).toBeLessThan(500);
});

test("callback addresses after sign-in and sign-out stay on this site", async ({ page, browser }) => {
  const origin = new URL(page.url()).origin;
  for (const callbackUrl of ["\t//evil.example", "http://localhost:3201.evil.example/", "//evil.example/x", "javascript:alert(1)"]) {
    const context = await browser.newContext();
    const request = context.request;
    const { csrfToken } = (await (await request.get("/api/auth/csrf")).json()) as { csrfToken: string };
    const signInResponse = await request.post("/api/auth/callback/credentials", {
      form: { csrfToken, email: "bob@demo.test", password: "hexathon", callbackUrl, json: "true" },
      maxRedirects: 0,
    });
    expect(signInResponse.status(), callbackUrl).toBeLessThan(500);
    const signedInTo = signInResponse.headers()["location"] ?? ((await signInResponse.json()) as { url: string }).url;
    expect(new URL(signedInTo, origin).origin, callbackUrl).toBe(origin);

    const signOutResponse = await request.post("/api/auth/signout", { form: { csrfToken, callbackUrl, json: "true" }, maxRedirects: 0 });
    expect(signOutResponse.status(), callbackUrl).toBeLessThan(500);
    const signedOutTo = signOutResponse.headers()["location"] ?? ((await signOutResponse.json()) as { url: string }).url;
    expect(new URL(signedOutTo, origin).origin, callbackUrl).toBe(origin);
    await context.close();
  }
});

test("a server action from another origin, or not sent as a form, is a 4xx", async ({ page }) => {
  // catch the id of a real action from the browser (saving someone's role unchanged), then replay it by hand
  let actionId = "";
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) actionId = r.headers()["next-action"];
  });
  await page.goto("/people");
  await page
    .getByRole("button", { name: /Save role of/ })
    .first()
    .click();
  await expect.poll(() => actionId).not.toBe("");
  const url = new URL("/people", page.url()).href;

  const foreign = await page.request.post(url, {
    headers: { "next-action": actionId, origin: "http://localhost:3201", "content-type": "text/plain;charset=UTF-8" },
    data: '[{},"x"]',
  });
  expect(foreign.status()).toBe(403);

  const notAForm = await page.request.post(url, {
    headers: { "next-action": actionId, origin: new URL(url).origin, "content-type": "text/plain;charset=UTF-8" },
    data: '[{},"not a form"]',
  });
  expect(notAForm.status()).toBe(415);
  expect(await notAForm.text()).toMatch(/form/);
});

test("a form action only organizers may use tells anyone else so, before anything about the form", async ({ page, browser }) => {
  // the organizer's own request, caught in the browser (saving someone's role unchanged), replayed by bob
  // with a role that doesn't exist: the organizer hears what is wrong with the form, bob only that he may not
  let sent: { headers: Record<string, string>; body: string } | null = null;
  page.on("request", (r) => {
    if (r.method() === "POST" && r.headers()["next-action"]) sent = { headers: r.headers(), body: r.postDataBuffer()?.toString("latin1") ?? "" };
  });
  await page.goto("/people");
  await page
    .getByRole("button", { name: /Save role of/ })
    .first()
    .click();
  await expect.poll(() => sent).not.toBeNull();
  const { headers, body } = sent!;
  const broken = body.replace(/(name="[^"]*_role"\r\n\r\n)\w+/, "$1KING");
  expect(broken).not.toBe(body);
  const replay = (as: Page) =>
    as.request
      .post(page.url(), {
        headers: { "next-action": headers["next-action"], "content-type": headers["content-type"], origin: new URL(page.url()).origin },
        data: Buffer.from(broken, "latin1"),
      })
      .then((response) => response.text());
  expect(await replay(page)).toContain("Pick organizer, judge or employee.");
  const bob = await browser.newPage();
  await signIn(bob, "bob@demo.test");
  const answer = await replay(bob);
  expect(answer).toContain("Only organizers can change roles.");
  expect(answer).not.toContain("Pick organizer, judge or employee.");
});

test("a caller who may not act at all hears 403 before anything about the body", async ({ page, browser }) => {
  const bob = await browser.newPage();
  await signIn(bob, "bob@demo.test");
  const calls: [string, string][] = [
    ["POST", "/api/editions/0x09/stage"],
    ["PUT", "/api/editions/0x09/running-order"],
    ["PATCH", "/api/editions/0x09/stage/settings"],
    ["POST", "/api/editions/0x09/vote"],
    ["PATCH", "/api/editions/0x09/vote"],
    ["POST", `/api/challenges/${ids.challenge}/tournament`],
    ["PATCH", `/api/topics/${ids.topic}`],
    ["PATCH", `/api/articles/${ids.article}`],
    ["PUT", `/api/articles/${ids.article}/authors`],
    ["POST", `/api/articles/${ids.article}/review`],
    ["POST", `/api/articles/${ids.article}/preview`],
  ];
  for (const [method, url] of calls) {
    // bob is in no team of 0x09, proposed none of its topics, wrote none of its articles and organizes nothing
    const response = await bob.request.fetch(url, { method, data: { pitch: "short", title: "", command: "jump", teamIds: 5, body: 7, action: "?" } });
    const error = await expectJsonError(response, `${method} ${url}`, 403);
    expect(error.code, `${method} ${url}`).toBe("FORBIDDEN");
  }
  await bob.close();
  expect(page.url()).toBeTruthy();
});
