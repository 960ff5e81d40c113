// Two instances on one PostgreSQL database behind nginx, configured by
// docs/deploy/nginx.conf (scripts/cluster.mjs): what happens through one is
// seen through the other, at once, with no sticky sessions.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { signIn } from "./helpers";
import { expect, test, type Page } from "./test";

type Instance = { port: number; origin: string; pid: number };
type Cluster = { origin: string; databaseUrl: string; instances: Instance[] };

/** What scripts/cluster.mjs says about itself (its stateFile). */
function cluster(): Cluster {
  const port = new URL(test.info().project.use.baseURL!).port;
  return JSON.parse(readFileSync(path.join(os.tmpdir(), `hexathon-cluster-${port}.json`), "utf8"));
}

async function sql<T>(text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: cluster().databaseUrl });
  await client.connect();
  try {
    return (await client.query(text)).rows as T[];
  } finally {
    await client.end();
  }
}

/** An event stream read as it comes: the latest data of each event type. */
async function follow(url: string) {
  const abort = new AbortController();
  const response = await fetch(url, { signal: abort.signal });
  expect(response.status).toBe(200);
  const latest = new Map<string, unknown>();
  const reader = response.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = "";
  void (async () => {
    for (;;) {
      const { value, done } = await reader.read().catch(() => ({ value: undefined, done: true }));
      if (done) return;
      buffer += value;
      let end;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const type = /^event: (.*)$/m.exec(block)?.[1];
        const data = block
          .split("\n")
          .filter((line) => line.startsWith("data: "))
          .map((line) => line.slice(6))
          .join("\n");
        if (type && data) latest.set(type, JSON.parse(data));
      }
    }
  })();
  return { latest, close: () => abort.abort() };
}

test("a phone's card from one instance votes through the other, and a third screen's count follows at once", async ({ page, playwright }) => {
  const [a, b] = cluster().instances;
  await signIn(page, "organizer@demo.test"); // through nginx: the session is good on every instance
  const opened = await page.request.post(`${a.origin}/api/editions/0x09/vote`, { data: { action: "open" } });
  expect(opened.status()).toBe(200);
  const { joinCode } = (await opened.json()) as { joinCode: string };
  try {
    const projector = await follow(`${a.origin}/api/vote/${joinCode}/events`);
    await expect.poll(() => projector.latest.get("vote")).toMatchObject({ status: "OPEN" });
    const before = (projector.latest.get("vote") as { ballots: number }).ballots;

    const phone = await playwright.request.newContext();
    const options = await phone.get(`${a.origin}/api/vote/${joinCode}`);
    const { teams } = (await options.json()) as { teams: { id: string }[] };
    // the voter card, signed by instance A, is good on B: the instances share NEXTAUTH_SECRET
    const cast = await phone.put(`${b.origin}/api/vote/${joinCode}/ballot`, { data: { teamIds: [teams[0].id] } });
    expect(cast.status()).toBe(200);
    // cast on B, counted on A's stream within a second
    await expect.poll(() => (projector.latest.get("vote") as { ballots: number }).ballots, { timeout: 2_000, intervals: [50] }).toBe(before + 1);
    projector.close();
    await phone.dispose();
  } finally {
    await page.request.post(`${a.origin}/api/editions/0x09/vote`, { data: { action: "close" } });
  }
});

test("an article unpublished, then published again, through one instance: the other's cached pages follow at once", async ({ page, request }) => {
  const [a, b] = cluster().instances;
  const [article] = await sql<{ id: string; slug: string; title: string }>(
    `SELECT "articleId" AS id, "slug", "title" FROM "PublishedArticle" ORDER BY "publishedAt" DESC LIMIT 1`,
  );
  const listed = async () => (await (await request.get(`${b.origin}/articles`)).text()).includes(article.title);
  const page404 = async () => (await request.get(`${b.origin}/articles/${article.slug}`)).status();
  // B serves the list and the article from its cache: a change behind the app's back, which no event
  // announces, doesn't show there (so what follows is the doing of A's events reaching B)
  expect(await listed()).toBe(true);
  expect(await page404()).toBe(200);
  await sql(`UPDATE "PublishedArticle" SET "title" = 'Renamed behind its back' WHERE "articleId" = '${article.id}'`);
  try {
    expect(await listed()).toBe(true);
    expect(await (await request.get(`${b.origin}/articles`)).text()).not.toContain("Renamed behind its back");
    expect(await (await request.get(`${b.origin}/articles/${article.slug}`)).text()).not.toContain("Renamed behind its back");
  } finally {
    await sql(`UPDATE "PublishedArticle" SET "title" = $$${article.title}$$ WHERE "articleId" = '${article.id}'`);
  }

  await signIn(page, "organizer@demo.test");
  const unpublished = await page.request.post(`${a.origin}/api/articles/${article.id}/review`, { data: { action: "unpublish", comment: "A fact to check." } });
  expect(unpublished.status()).toBe(200);
  await expect.poll(listed, { timeout: 2_000, intervals: [100] }).toBe(false);
  await expect.poll(page404, { timeout: 2_000, intervals: [100] }).toBe(404);

  const published = await page.request.post(`${a.origin}/api/articles/${article.id}/review`, { data: { action: "publish" } });
  expect(published.status()).toBe(200);
  await expect.poll(listed, { timeout: 2_000, intervals: [100] }).toBe(true);
  await expect.poll(page404, { timeout: 2_000, intervals: [100] }).toBe(200);
});

test("an image uploaded through one instance is served by the other", async ({ page, request }) => {
  const [a, b] = cluster().instances;
  await signIn(page, "organizer@demo.test");
  // a 2×2 PNG, drawn here so that no earlier run stored it
  const png = await page.evaluate(async (seed) => {
    const canvas = new OffscreenCanvas(2, 2);
    const context = canvas.getContext("2d")!;
    context.fillStyle = `rgb(${seed % 256}, ${(seed >> 8) % 256}, 77)`;
    context.fillRect(0, 0, 2, 2);
    return [...new Uint8Array(await (await canvas.convertToBlob({ type: "image/png" })).arrayBuffer())];
  }, Date.now());
  const uploaded = await page.request.post(`${a.origin}/api/uploads`, {
    multipart: { file: { name: "dot.png", mimeType: "image/png", buffer: Buffer.from(png) } },
  });
  expect(uploaded.status()).toBe(201);
  const { url, bytes } = (await uploaded.json()) as { url: string; bytes: number };
  const served = await request.get(`${b.origin}${url}`); // B's data directory never had it
  expect(served.status()).toBe(200);
  expect(served.headers()["content-type"]).toBe("image/png");
  expect((await served.body()).length).toBe(bytes);
  expect(await served.body()).toEqual(await (await request.get(`${a.origin}${url}`)).body());
});

/** A phone outside the browser: its voter card cookie, kept between requests. */
function phoneAt(origin: string, joinCode: string) {
  let cookie = "";
  return {
    async join() {
      const response = await fetch(`${origin}/api/vote/${joinCode}`);
      cookie = (response.headers.get("set-cookie") ?? "").split(";")[0];
      return ((await response.json()) as { teams: { id: string }[] }).teams;
    },
    cast: (teamIds: string[]) =>
      fetch(`${origin}/api/vote/${joinCode}/ballot`, {
        method: "PUT",
        headers: { cookie, "content-type": "application/json" },
        body: JSON.stringify({ teamIds }),
      }),
  };
}

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The live ballot count of an instance's pages: what the organizer's vote control shows. */
const shownCount = async (page: Page) => Number(/\d+/.exec((await page.getByTestId("ballot-count").textContent()) ?? "")?.[0] ?? NaN);

/** Ballots of this vote in the database, one per voter, the voided left out. */
const counted = async (joinCode: string) =>
  (
    await sql<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Ballot" b JOIN "Vote" v ON v."editionId" = b."editionId" WHERE v."joinCode" = '${joinCode}' AND b."voidId" IS NULL`,
    )
  )[0].n;

/**
 * `phones` phones voting through nginx, again and again, while `fault` runs;
 * then each phone whose last send failed sends again until it is through, as
 * the phone page does. Returns the failed sends' statuses (0: no answer).
 */
async function voteThrough(origin: string, joinCode: string, count: number, fault: () => Promise<void>) {
  const phones = Array.from({ length: count }, () => phoneAt(origin, joinCode));
  const teams = await phones[0].join();
  for (const phone of phones.slice(1)) await phone.join();
  const failures: number[] = [];
  const through = new Set<number>();
  const send = async (i: number) => {
    const response = await phones[i].cast([teams[i % teams.length].id]).catch(() => ({ status: 0 }));
    if (response.status === 200) through.add(i);
    else {
      through.delete(i);
      failures.push(response.status);
    }
  };
  let sending = true;
  const voting = Promise.all(
    phones.map(async (_, i) => {
      while (sending) {
        await send(i);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }),
  );
  await fault();
  sending = false;
  await voting;
  for (let round = 0; round < 20 && through.size < count; round++) {
    await Promise.all(phones.map((_, i) => (through.has(i) ? null : send(i))));
    if (through.size < count) await new Promise((resolve) => setTimeout(resolve, 500));
  }
  expect(through.size).toBe(count);
  return failures;
}

async function openVote(page: Page, origin: string): Promise<string> {
  await signIn(page, "organizer@demo.test");
  const opened = await page.request.post(`${origin}/api/editions/0x09/vote`, { data: { action: "open" } });
  expect(opened.status()).toBe(200);
  return ((await opened.json()) as { joinCode: string }).joinCode;
}

test("a rolling restart of both instances in the middle of a vote: no ballot fails through nginx, none is lost", async ({ page }) => {
  test.setTimeout(120_000);
  const { origin } = cluster();
  const joinCode = await openVote(page, origin);
  try {
    const before = await counted(joinCode); // the other scenarios' phones
    const failures = await voteThrough(origin, joinCode, 40, async () => {
      for (const n of [0, 1]) {
        const { pid, origin: instance } = cluster().instances[n];
        process.kill(pid, "SIGTERM");
        await expect.poll(() => alive(pid), { timeout: 30_000 }).toBe(false);
        // started again by the cluster (as systemd would), then up, and nginx has forgotten it failed (fail_timeout)
        await expect.poll(async () => (await fetch(`${instance}/api/health`).catch(() => null))?.status, { timeout: 60_000, intervals: [250] }).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 3_500));
      }
    });
    expect(failures).toEqual([]);
    expect(await counted(joinCode)).toBe(before + 40); // one ballot each, the last one: none lost, none twice
  } finally {
    await page.request.post(`${origin}/api/editions/0x09/vote`, { data: { action: "close" } });
  }
});

test("kill -9 of an instance in the middle of a vote: every ballot counted once, and its screens reconnect to the other within 2 s", async ({
  page,
  context,
}) => {
  test.setTimeout(120_000);
  const { origin } = cluster();
  const joinCode = await openVote(page, origin);
  // four vote controls through nginx, spread over both instances by its round robin; which instance each
  // one's live stream is on, from the header every answer carries (scripts/serve.mjs)
  const streamOn = new Map<Page, string>();
  const screens = await Promise.all([0, 1, 2, 3].map(() => context.newPage()));
  for (const screen of screens) {
    screen.on("response", (response) => {
      // a reconnection nginx couldn't place yet (502) is tried again by the browser
      const instance = response.headers()["x-hexathon-instance"];
      if (/\/(live|events)$/.test(new URL(response.url()).pathname) && response.status() === 200 && instance) streamOn.set(screen, instance);
    });
    await screen.goto(`${origin}/editions/0x09/vote`);
    await expect(screen.getByTestId("vote-status")).toHaveText("Open");
  }
  const instanceId = async (instance: Instance) => (await fetch(`${instance.origin}/api/health`)).headers.get("x-hexathon-instance");
  const ids = await Promise.all(cluster().instances.map(instanceId));
  await expect.poll(() => screens.every((screen) => ids.includes(streamOn.get(screen) ?? ""))).toBe(true);
  // the instance to kill holds at least one screen's stream
  const victim = screens.some((screen) => streamOn.get(screen) === ids[0]) ? 0 : 1;
  const cutOff = screens.filter((screen) => streamOn.get(screen) === ids[victim]);
  expect(cutOff.length).toBeGreaterThan(0);
  try {
    const before = await counted(joinCode);
    const failures = await voteThrough(origin, joinCode, 30, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      const { pid } = cluster().instances[victim];
      process.kill(pid, "SIGKILL");
      await expect.poll(() => alive(pid)).toBe(false);
      await new Promise((resolve) => setTimeout(resolve, 3_000));
    });
    // a send cut off by the kill is answered by nginx (retried on the other instance, or 502) and sent again
    expect(
      failures.every((status) => [0, 502, 503, 504].includes(status)),
      failures.join(" "),
    ).toBe(true);
    const total = await counted(joinCode);
    expect(total).toBe(before + 30);
    const last = Date.now();
    // every screen, the ones cut off by the kill first (their stream reconnected through nginx: Playwright
    // doesn't report an EventSource's reconnection, so the count they show is the proof)
    for (const screen of [...cutOff, ...screens.filter((s) => !cutOff.includes(s))])
      await expect.poll(() => shownCount(screen), { timeout: 2_000, intervals: [100] }).toBe(total);
    expect(Date.now() - last).toBeLessThan(2_000 + 4 * 200);
  } finally {
    await page.request.post(`${origin}/api/editions/0x09/vote`, { data: { action: "close" } });
    // the cluster starts it again; the next scenarios want both
    for (const { origin: instance } of cluster().instances)
      await expect.poll(async () => (await fetch(`${instance}/api/health`).catch(() => null))?.status, { timeout: 60_000, intervals: [250] }).toBe(200);
  }
});

test("PostgreSQL drops the app's connections in the middle of a vote: 503s, never a 500, and every ballot counted once", async ({ page }) => {
  test.setTimeout(60_000);
  const { origin } = cluster();
  const joinCode = await openVote(page, origin);
  try {
    const before = await counted(joinCode);
    let terminated = 0;
    const failures = await voteThrough(origin, joinCode, 30, async () => {
      // a server failing over: every connection of both instances' pools and listeners dropped, five times
      for (let i = 0; i < 5; i++) {
        await new Promise((resolve) => setTimeout(resolve, 400));
        const rows = await sql<{ n: number }>(
          `SELECT count(pg_terminate_backend(pid))::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name LIKE 'hexathon%' AND pid <> pg_backend_pid()`,
        );
        terminated += rows[0].n;
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
    });
    expect(terminated).toBeGreaterThan(0);
    expect(failures.filter((status) => status !== 503)).toEqual([]);
    expect(await counted(joinCode)).toBe(before + 30);
    for (const { origin: instance } of cluster().instances)
      await expect
        .poll(async () => (await (await fetch(`${instance}/api/health`)).json()) as unknown, { timeout: 10_000 })
        .toEqual({ status: "ok", events: "listening" });
  } finally {
    await page.request.post(`${origin}/api/editions/0x09/vote`, { data: { action: "close" } });
  }
});
