// Two instances on one PostgreSQL database behind nginx, configured by
// docs/deploy/nginx.conf (scripts/cluster.mjs): what happens through one is
// seen through the other, at once, with no sticky sessions.
import { readFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { signIn } from "./helpers";
import { expect, test } from "./test";

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

test("a rolling restart of both instances in the middle of a vote: no ballot fails through nginx, none is lost", async ({ page }) => {
  test.setTimeout(120_000);
  const { origin } = cluster();
  await signIn(page, "organizer@demo.test");
  const opened = await page.request.post(`${origin}/api/editions/0x09/vote`, { data: { action: "open" } });
  expect(opened.status()).toBe(200);
  const { joinCode } = (await opened.json()) as { joinCode: string };
  try {
    const counted = async () =>
      (
        await sql<{ n: number }>(
          `SELECT count(*)::int AS n FROM "Ballot" b JOIN "Vote" v ON v."editionId" = b."editionId" WHERE v."joinCode" = '${joinCode}' AND b."voidId" IS NULL`,
        )
      )[0].n;
    const before = await counted(); // the other scenarios' phones
    const phones = Array.from({ length: 40 }, () => phoneAt(origin, joinCode));
    const teams = await phones[0].join();
    for (const phone of phones.slice(1)) await phone.join();
    const failures: string[] = [];
    const acknowledged = new Set<number>();
    let sending = true;
    // every phone sends a ballot, then another, for as long as the restarts last
    const voting = Promise.all(
      phones.map(async (phone, i) => {
        while (sending) {
          const response = await phone.cast([teams[i % teams.length].id]).catch((error: Error) => ({ status: 0, statusText: error.message }));
          if (response.status === 200) acknowledged.add(i);
          else failures.push(`${response.status} ${response.statusText}`);
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }),
    );
    for (const n of [0, 1]) {
      const { pid, origin: instance } = cluster().instances[n];
      process.kill(pid, "SIGTERM");
      await expect.poll(() => alive(pid), { timeout: 30_000 }).toBe(false);
      // started again by the cluster (as systemd would), then up, and nginx has forgotten it failed (fail_timeout)
      await expect.poll(async () => (await fetch(`${instance}/api/health`).catch(() => null))?.status, { timeout: 60_000, intervals: [250] }).toBe(200);
      await new Promise((resolve) => setTimeout(resolve, 3_500));
    }
    sending = false;
    await voting;
    expect(failures).toEqual([]);
    expect(acknowledged.size).toBe(phones.length);
    expect(await counted()).toBe(before + phones.length); // one ballot each, the last one: none lost, none twice
  } finally {
    await page.request.post(`${origin}/api/editions/0x09/vote`, { data: { action: "close" } });
  }
});
