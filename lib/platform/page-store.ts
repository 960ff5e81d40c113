// Pages stored whole (an article's: the same bytes for every reader) answered
// before Next.js routes the request. Next keeps such a page in its own cache,
// but each answer still runs its router, the proxy and the page's handler:
// about a millisecond of the server's one JavaScript thread, five times what a
// static file costs. scripts/serve.mjs asks this store first; what it can't
// answer goes to Next, and Next's answer to a page that may be stored is kept
// as it leaves (its headers, its bytes, and those bytes gzipped once).
//
// Freshness is Next's: only an answer Next gives from its cache or has just
// rendered for it (x-nextjs-cache HIT or MISS, cacheable by anyone, no cookie)
// is kept, and the app expires the stored pages by the same tags and paths at
// the same moment as Next's (app/_lib/revalidate.ts), on every instance. An
// answer that was on its way while they expired is not kept: it may predate
// the change.
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from "node:http";
import { createHash } from "node:crypto";
import { gzipSync } from "node:zlib";
import { requestLocale } from "./request-locale";

type Entry = {
  /** the decoded path, for expiry by path */
  path: string;
  tags: Set<string>;
  headers: OutgoingHttpHeaders;
  body: Buffer;
  gzip: Buffer;
  etag: string;
  bytes: number;
  /** from the answer's s-maxage; Infinity for "until expired" */
  expiresAt: number;
};

export type PageStoreOptions = {
  /** The cache tags of the page at `path` (decoded) if it is one that may be stored, else null. */
  tagsOf: (path: string) => string[] | null;
  /** Memory kept for stored pages at most; the least recently read go first. */
  maxBytes?: number;
  now?: () => number;
};

export type StoredPath = { path: string; type: "page" | "layout" };

/** The request headers of Next's client-side navigation and actions: those ask for something else than the page. */
const ROUTER_HEADERS = ["rsc", "next-router-state-tree", "next-router-prefetch", "next-router-segment-prefetch", "next-action", "next-url"];
/** Said anew for each answer, or not true of the stored bytes. */
const NOT_KEPT = new Set(["connection", "keep-alive", "transfer-encoding", "content-length", "content-encoding", "date", "set-cookie"]);
/** A page bigger than this is served by Next each time rather than kept. */
const MAX_PAGE_BYTES = 2 << 20;
const YEAR_SECONDS = 365 * 24 * 3600;

function decodedPath(url: string): string | null {
  try {
    return decodeURIComponent(url);
  } catch {
    return null;
  }
}

const acceptsGzip = (header: string | undefined) => !!header && /\bgzip\b(?!\s*;\s*q=0(\.0+)?\s*(,|$))/i.test(header);

/** The seconds an answer may be kept by a shared cache, or null when it mayn't be. */
function sharedMaxAge(cacheControl: unknown): number | null {
  if (typeof cacheControl !== "string" || /\b(private|no-store|no-cache)\b/i.test(cacheControl)) return null;
  const match = /\bs-maxage=(\d+)/i.exec(cacheControl);
  return match ? Number(match[1]) : null;
}

export class PageStore {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  /** moves on at every expiry: an answer started before it isn't kept */
  private generation = 0;
  private readonly tagsOf: PageStoreOptions["tagsOf"];
  private readonly maxBytes: number;
  private readonly now: () => number;
  readonly counts = { served: 0, kept: 0, expired: 0 };

  constructor({ tagsOf, maxBytes = 64 << 20, now = Date.now }: PageStoreOptions) {
    this.tagsOf = tagsOf;
    this.maxBytes = maxBytes;
    this.now = now;
  }

  get size() {
    return this.entries.size;
  }

  /**
   * The key of a request the store may answer (a plain GET or HEAD of a page that may be stored, without a query), else null.
   * A page is stored once per language: the key starts with the one the proxy will choose for this request.
   */
  private keyOf(req: IncomingMessage): string | null {
    if (req.method !== "GET" && req.method !== "HEAD") return null;
    const url = req.url;
    if (!url || url[0] !== "/" || url.includes("?")) return null;
    for (const header of ROUTER_HEADERS) if (req.headers[header] !== undefined) return null;
    // Next's draft mode shows unpublished content to whoever holds its cookie
    if (req.headers.cookie?.includes("__prerender_bypass")) return null;
    return `${requestLocale({ cookie: req.headers.cookie, acceptLanguage: req.headers["accept-language"] })} ${url}`;
  }

  /** Answers `req` from the store; false when it has no page for it (then Next answers). */
  serve(req: IncomingMessage, res: ServerResponse): boolean {
    const key = this.keyOf(req);
    const entry = key === null ? undefined : this.entries.get(key);
    if (!entry || key === null) return false;
    if (entry.expiresAt <= this.now()) {
      this.drop(key, entry);
      return false;
    }
    // the most recently read go last: the first ones are dropped when memory runs short
    this.entries.delete(key);
    this.entries.set(key, entry);
    this.counts.served++;
    const ifNoneMatch = req.headers["if-none-match"];
    if (ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim().replace(/^W\//, "") === entry.etag)) {
      const { vary, "cache-control": cacheControl } = entry.headers;
      res.writeHead(304, { etag: entry.etag, ...(vary !== undefined && { vary }), ...(cacheControl !== undefined && { "cache-control": cacheControl }) });
      res.end();
      return true;
    }
    const gzip = acceptsGzip(req.headers["accept-encoding"]);
    const body = gzip ? entry.gzip : entry.body;
    res.writeHead(200, { ...entry.headers, "content-length": body.length, ...(gzip && { "content-encoding": "gzip" }) });
    res.end(req.method === "HEAD" ? undefined : body);
    return true;
  }

  /** Keeps Next's answer to `req` when it is a page that may be stored, once it has been sent in full. */
  capture(req: IncomingMessage, res: ServerResponse): void {
    const key = req.method === "GET" ? this.keyOf(req) : null;
    const path = key === null ? null : decodedPath(key.slice(key.indexOf(" ") + 1));
    const tags = path === null ? null : this.tagsOf(path);
    if (key === null || path === null || !tags) return;
    const generation = this.generation;
    // the bytes themselves, compressed once when kept rather than by Next for this one reader
    delete req.headers["accept-encoding"];
    const chunks: Buffer[] = [];
    let size = 0;
    const collect = (chunk: unknown, encoding: unknown) => {
      if (size > MAX_PAGE_BYTES || chunk === undefined || chunk === null || typeof chunk === "function") return;
      const bytes =
        typeof chunk === "string" ? Buffer.from(chunk, typeof encoding === "string" ? (encoding as BufferEncoding) : "utf8") : Buffer.from(chunk as Uint8Array);
      size += bytes.length;
      chunks.push(bytes);
    };
    const write = res.write;
    const end = res.end;
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      return (write as (...args: unknown[]) => boolean).call(res, chunk, ...rest);
    }) as ServerResponse["write"];
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      collect(chunk, rest[0]);
      const result = (end as (...args: unknown[]) => ServerResponse).call(res, chunk, ...rest);
      // the whole answer is known now (the next reader may ask before it has left)
      this.keepAnswer(key, path, tags, res, chunks, size, generation);
      return result;
    }) as ServerResponse["end"];
  }

  private keepAnswer(key: string, path: string, tags: string[], res: ServerResponse, chunks: Buffer[], size: number, generation: number) {
    if (generation !== this.generation || size > MAX_PAGE_BYTES || res.statusCode !== 200) return;
    const headers = res.getHeaders();
    const cache = headers["x-nextjs-cache"];
    const maxAge = sharedMaxAge(headers["cache-control"]);
    if ((cache !== "HIT" && cache !== "MISS") || maxAge === null || headers["set-cookie"] || headers["content-encoding"]) return;
    if (!String(headers["content-type"] ?? "").startsWith("text/html")) return;
    this.keep(key, path, tags, headers, Buffer.concat(chunks), maxAge);
  }

  private keep(key: string, path: string, tags: string[], sent: OutgoingHttpHeaders, body: Buffer, maxAge: number) {
    const headers: OutgoingHttpHeaders = {};
    for (const [name, value] of Object.entries(sent)) if (!NOT_KEPT.has(name) && value !== undefined) headers[name] = value;
    headers["x-nextjs-cache"] = "HIT";
    const etag = typeof sent.etag === "string" ? sent.etag : `"${createHash("sha1").update(body).digest("base64url")}"`;
    headers.etag = etag;
    const gzip = gzipSync(body);
    const entry: Entry = {
      path,
      tags: new Set(tags),
      headers,
      body,
      gzip,
      etag,
      bytes: body.length + gzip.length,
      expiresAt: maxAge >= YEAR_SECONDS ? Infinity : this.now() + maxAge * 1000,
    };
    const previous = this.entries.get(key);
    if (previous) this.drop(key, previous);
    this.entries.set(key, entry);
    this.bytes += entry.bytes;
    this.counts.kept++;
    for (const [oldest, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.drop(oldest, old);
    }
  }

  private drop(key: string, entry: Entry) {
    this.entries.delete(key);
    this.bytes -= entry.bytes;
  }

  /**
   * The pages carrying any of `tags`, at one of `paths` (a page: that path;
   * a layout: that path and everything under it) are stored no longer, nor is
   * an answer already on its way.
   */
  expire(tags: string[], paths: StoredPath[] = []): void {
    this.generation++;
    const expiredTags = new Set(tags);
    const trimmed = paths.map(({ path, type }) => ({ type, path: path.replace(/\/+$/, "") || "/" }));
    const under = (path: string, prefix: string) => prefix === "/" || path === prefix || path.startsWith(`${prefix}/`);
    for (const [key, entry] of this.entries) {
      const hit =
        [...entry.tags].some((tag) => expiredTags.has(tag)) ||
        trimmed.some(({ path, type }) => (type === "page" ? entry.path === path : under(entry.path, path)));
      if (hit) {
        this.drop(key, entry);
        this.counts.expired++;
      }
    }
  }
}

// One store per server process, shared by scripts/serve.mjs (which answers from it) and the app's code
// (which fills in how to tag a page and expires it), each loaded by its own module system.
const CURRENT = Symbol.for("hexathon.pageStore");

/** This process's store: created on first use. */
export function pageStore(tagsOf: PageStoreOptions["tagsOf"]): PageStore {
  const holder = globalThis as { [CURRENT]?: PageStore };
  return (holder[CURRENT] ??= new PageStore({ tagsOf }));
}

/** This process's store if it has one (the app's start-up makes it). */
export function currentPageStore(): PageStore | null {
  return (globalThis as { [CURRENT]?: PageStore })[CURRENT] ?? null;
}
