// The store of pages answered before Next.js (lib/platform/page-store.ts), in
// front of a real HTTP server whose handler answers as Next does for a page
// it caches (x-nextjs-cache, s-maxage), or otherwise when a test says so.
import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { PageStore } from "@/lib/platform/page-store";

type Answer = { status?: number; headers?: Record<string, string>; chunks?: string[]; wait?: Promise<void> };

const ARTICLE = /^\/articles\/([^/]+)$/;
const tagsOf = (path: string) => {
  const slug = ARTICLE.exec(path)?.[1];
  return slug ? [`article:${slug}`, "current-edition"] : null;
};

const CACHED = {
  "content-type": "text/html; charset=utf-8",
  "x-nextjs-cache": "MISS",
  "cache-control": "s-maxage=31536000",
  "content-security-policy": "default-src 'self'",
};

let server: http.Server;
let origin: string;
let store: PageStore;
let now: number;
/** what the handler behind the store saw */
let seen: { url: string; headers: IncomingHttpHeaders }[];
let answer: (req: IncomingMessage) => Answer;

beforeEach(async () => {
  now = 1_000_000;
  store = new PageStore({ tagsOf, now: () => now });
  seen = [];
  answer = (req) => ({ headers: CACHED, chunks: [`<html><body>page ${req.url} #${seen.length}</body></html>`] });
  server = http.createServer(async (req: IncomingMessage, res: ServerResponse) => {
    if (store.serve(req, res)) return;
    store.capture(req, res);
    seen.push({ url: req.url!, headers: { ...req.headers } });
    const { status = 200, headers = {}, chunks = [], wait } = answer(req);
    await wait;
    // as Next does: each header set on its own (getHeaders() doesn't list those given to writeHead)
    res.statusCode = status;
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    for (const chunk of chunks.slice(0, -1)) res.write(chunk, "utf8");
    res.end(chunks.at(-1));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function get(path: string, init: RequestInit = {}) {
  const res = await fetch(origin + path, { ...init, headers: { "accept-encoding": "identity", ...init.headers } });
  return { status: res.status, headers: res.headers, text: await res.text() };
}

/** The raw bytes of an answer (fetch would gunzip them). */
function rawGet(path: string, headers: Record<string, string>) {
  return new Promise<{ headers: IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
    http
      .get(origin + path, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
      })
      .on("error", reject);
  });
}

describe("the page store", () => {
  it("keeps a page Next rendered for its cache and answers it again without Next, headers and all", async () => {
    const first = await get("/articles/a");
    expect(first.text).toBe("<html><body>page /articles/a #1</body></html>");
    const again = await get("/articles/a");
    expect(again.text).toBe(first.text);
    expect(seen).toHaveLength(1);
    expect(again.headers.get("content-security-policy")).toBe("default-src 'self'");
    expect(again.headers.get("x-nextjs-cache")).toBe("HIT");
    expect(again.headers.get("content-length")).toBe(String(Buffer.byteLength(first.text)));
    expect(store.counts).toMatchObject({ kept: 1, served: 1 });
  });

  it("keeps a page written in several pieces, in any encoding", async () => {
    answer = () => ({ headers: CACHED, chunks: ["<p>Grüße, ", "ça va ", "— 🎉</p>"] });
    await get("/articles/unicode");
    expect((await get("/articles/unicode")).text).toBe("<p>Grüße, ça va — 🎉</p>");
    expect(seen).toHaveLength(1);
  });

  it("asks Next for the bytes themselves and gzips them once, for the readers who accept it", async () => {
    await get("/articles/a", { headers: { "accept-encoding": "gzip, br" } });
    expect(seen[0].headers["accept-encoding"]).toBeUndefined();
    const zipped = await rawGet("/articles/a", { "accept-encoding": "gzip, deflate" });
    expect(zipped.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(zipped.body).toString()).toBe("<html><body>page /articles/a #1</body></html>");
    const plain = await rawGet("/articles/a", { "accept-encoding": "gzip;q=0, identity" });
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.body.toString()).toBe("<html><body>page /articles/a #1</body></html>");
  });

  it("answers a conditional request with 304 and a HEAD without a body", async () => {
    answer = () => ({ headers: { ...CACHED, etag: '"v1"' }, chunks: ["<p>x</p>"] });
    await get("/articles/a");
    expect((await get("/articles/a", { headers: { "if-none-match": '"v0", W/"v1"' } })).status).toBe(304);
    const head = await get("/articles/a", { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(head.text).toBe("");
    expect(head.headers.get("content-length")).toBe("8");
    expect(seen).toHaveLength(1);
  });

  it.each<[string, Answer | null, RequestInit & { path?: string }]>([
    ["a page that isn't stored whole", null, { path: "/articles" }],
    ["an address with a query", null, { path: "/articles/a?utm=feed" }],
    ["a client-side navigation's request", null, { headers: { rsc: "1" } }],
    ["a request in draft mode", null, { headers: { cookie: "__prerender_bypass=x" } }],
    ["an answer served stale", { headers: { ...CACHED, "x-nextjs-cache": "STALE" } }, {}],
    ["an answer not from Next's cache", { headers: { ...CACHED, "x-nextjs-cache": "" } }, {}],
    ["a 404", { status: 404 }, {}],
    ["an answer with a cookie", { headers: { ...CACHED, "set-cookie": "a=b" } }, {}],
    ["a private answer", { headers: { ...CACHED, "cache-control": "private, s-maxage=60" } }, {}],
    ["an answer without s-maxage", { headers: { ...CACHED, "cache-control": "max-age=60" } }, {}],
    ["an answer that isn't HTML", { headers: { ...CACHED, "content-type": "application/json" } }, {}],
  ])("leaves %s to Next every time", async (_, given, { path = "/articles/a", ...init }) => {
    if (given) answer = () => ({ headers: CACHED, chunks: ["<p>x</p>"], ...given });
    await get(path, init);
    await get(path, init);
    expect(seen).toHaveLength(2);
    expect(store.size).toBe(0);
  });

  it("leaves any method but GET and HEAD to Next", async () => {
    await get("/articles/a");
    await get("/articles/a", { method: "POST", body: "x" });
    expect(seen.map((s) => s.url)).toEqual(["/articles/a", "/articles/a"]);
  });

  it("expires the pages by their tags and by path, as Next's cache is", async () => {
    for (const slug of ["a", "b", "c"]) await get(`/articles/${slug}`);
    store.expire(["article:a", "articles"]);
    await get("/articles/a");
    await get("/articles/b");
    expect(seen.map((s) => s.url)).toEqual(["/articles/a", "/articles/b", "/articles/c", "/articles/a"]);
    store.expire([], [{ path: "/articles/b", type: "page" }]);
    store.expire([], [{ path: "/editions/0x09", type: "layout" }]);
    await get("/articles/b");
    await get("/articles/c");
    expect(seen).toHaveLength(5);
    // the root layout: every page
    store.expire([], [{ path: "/", type: "layout" }]);
    expect(store.size).toBe(0);
    await get("/articles/c");
    store.expire(["current-edition"]);
    expect(store.size).toBe(0);
  });

  it("matches an address written with percent-escapes by its decoded path", async () => {
    await get("/articles/%C3%A9t%C3%A9");
    expect(store.size).toBe(1);
    store.expire(["article:été"]);
    expect(store.size).toBe(0);
  });

  it("doesn't keep an answer that was on its way when the page expired", async () => {
    let release = () => {};
    const wait = new Promise<void>((resolve) => (release = resolve));
    answer = () => ({ headers: CACHED, chunks: ["<p>before the change</p>"], wait });
    const pending = get("/articles/a");
    await expect.poll(() => seen.length).toBe(1);
    store.expire(["article:a"]);
    release();
    expect((await pending).text).toBe("<p>before the change</p>");
    answer = () => ({ headers: CACHED, chunks: ["<p>after the change</p>"] });
    expect((await get("/articles/a")).text).toBe("<p>after the change</p>");
    expect((await get("/articles/a")).text).toBe("<p>after the change</p>");
    expect(seen).toHaveLength(2);
  });

  it("keeps a page with a shared max-age only that long", async () => {
    answer = () => ({ headers: { ...CACHED, "cache-control": "s-maxage=60, stale-while-revalidate" }, chunks: ["<p>x</p>"] });
    await get("/articles/a");
    now += 59_000;
    await get("/articles/a");
    expect(seen).toHaveLength(1);
    now += 2_000;
    await get("/articles/a");
    expect(seen).toHaveLength(2);
  });

  it("drops the least recently read pages when its memory is full", async () => {
    store = new PageStore({ tagsOf, maxBytes: 5_000 });
    // ~1,000 bytes each, plus a little gzipped
    answer = (req) => ({ headers: CACHED, chunks: [`${req.url}`.padEnd(1_000, "x")] });
    for (const slug of ["a", "b", "c", "d"]) await get(`/articles/${slug}`);
    await get("/articles/a"); // read again: the most recent
    await get("/articles/e"); // over the limit: b, the least recently read, goes
    expect(store.size).toBe(4);
    const before = seen.length;
    await get("/articles/a");
    await get("/articles/b");
    expect(seen.length - before).toBe(1);
    expect(seen.at(-1)?.url).toBe("/articles/b");
  });
});
