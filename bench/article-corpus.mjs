// Published articles for the articles section of `npm run bench`, written
// straight into the bench server's SQLite database (better-sqlite3, one
// transaction): the rows publishing would write (lib/articles/
// publishArticle) — Article with its ArticleAuthor, PublishedArticle with the
// rendered HTML, PublishedTag, PublishedAuthor, and the "ArticleSearch" FTS5
// row — without going through the renderer 10,000 times.
//
// The text is made up but shaped like the real thing, and deterministic (a
// seeded generator): ~1,200-word Markdown bodies (sections with headings,
// paragraphs, lists, code blocks, inline code, links), drawn from a technical
// vocabulary with a Zipf-like frequency, each article leaning on a few focus
// terms of its own. So a search for "latency" matches most articles, "eBPF"
// a good share and "seccomp" a few, as on a real archive. The HTML is what
// lib/articles/markdown.ts renderArticle makes of such Markdown (headings with
// ids and anchor links, <pre><code class="hljs language-…">), minus the
// syntax-highlighting spans.
import Database from "better-sqlite3";
import { prng } from "./load.mjs";
import { tsImport } from "tsx/esm/api";

// the app's own slugs, so the corpus's addresses are the ones the app would give
const { slugify } = await tsImport("../lib/articles/rules.ts", import.meta.url);

// ---- vocabulary: most frequent first (the weights are 1/rank^0.9)
const TECH = `latency request server database query cache network benchmark throughput memory kernel deploy service
  container cluster metric dashboard trace index thread process queue packet socket buffer disk CPU allocation
  Kubernetes Prometheus Grafana PostgreSQL SQLite Redis Kafka eBPF Rust Go TypeScript Python WebAssembly compiler
  parser flamegraph profiler p99 percentile histogram jitter backpressure retry timeout schema migration replica
  shard partition consensus Raft DNS TLS HTTP gRPC protobuf JSON WebSocket CDN lambda JIT V8 Node React hydration
  bundle SIMD syscall epoll mmap cgroup namespace sandbox QuickJS fuzzing snapshot regression canary rollout
  observability alert SLO incident postmortem runbook Terraform Nix Docker registry pipeline eviction LRU bloom
  hash LSM compaction WAL fsync checkpoint bm25 tokenizer stemming embedding vector GPU CUDA quantization
  inference scheduler goroutine mutex lock contention atomics allocator arena GC pause heap stack unikernel
  firmware FPGA Raspberry Arduino MQTT Zigbee LoRa telemetry sensor OpenTelemetry Jaeger Loki Tempo Envoy
  Istio Linkerd Nginx HAProxy Caddy Varnish QUIC HTTP3 BGP anycast VXLAN WireGuard iptables nftables XDP
  seccomp Landlock SELinux AppArmor Firecracker gVisor KVM QEMU Wasmtime Wasmer Cranelift LLVM MLIR Zig OCaml
  Haskell Elixir Erlang BEAM Clojure Kotlin Swift Dart Flutter Svelte Solid Qwik Astro Vite esbuild Turbopack
  webpack Rollup Deno Bun DuckDB ClickHouse Parquet Arrow Iceberg Spark Flink Beam Airflow dbt Postgres
  pgvector Elasticsearch OpenSearch Meilisearch Tantivy Lucene Typesense CRDT Automerge Yjs Raft Paxos`
  .split(/\s+/)
  .filter(Boolean);
const COMMON = `the we a to of and it in that is our for with was on this as but at not be it's from by so
  then one all when what which there more than just only after before every about into how also first two
  time out new could would should still because while where again same much fewer faster slower better worse
  small large simple hard real whole part day week hour minute second team people work code change test run
  build start stop find make take keep try need use show read write move turn look measure found made took
  kept tried needed used showed wrote moved turned looked numbers result idea problem answer question way
  thing case point number lot bit end side rest kind sort half most some many few each other another next last
  good bad big little long short old right wrong easy clear quiet busy cheap expensive obvious surprising`
  .split(/\s+/)
  .filter(Boolean);
const TAGS = `benchmark latency observability ebpf prometheus kubernetes rust go typescript databases networking
  security performance testing tooling frontend compilers webassembly search caching storage linux hardware
  iot data ci devops reliability sqlite postgres wasm profiling tracing sandboxing ux accessibility mobile
  ml open-source retrospective`
  .split(/\s+/)
  .filter(Boolean);
const FIRST =
  "Ada Alan Barbara Brian Camille Chen Dara Diego Elena Emil Farah Felix Grace Hugo Ines Ivan Jana Jonas Kenji Lea Lucas Maya Mehdi Nadia Noah Olga Omar Priya Rafael Sara Tomas Uma Victor Wen Yara Zoe".split(
    " ",
  );
const LAST =
  "Abbott Bernard Costa Dubois Eriksen Fischer Garcia Haddad Ito Jensen Kowalski Lambert Moreau Novak Okafor Petit Quinn Rossi Schmidt Tanaka Ueda Varga Weber Xu Yilmaz Zimmermann".split(
    " ",
  );
const LANGS = ["ts", "sh", "go", "rust", "sql", "yaml", "python"];

/** Picks from `items` with weights 1/rank^s (the first most often): a cumulative table and a binary search. */
function zipf(items, s = 0.9) {
  const cumulative = [];
  let total = 0;
  for (let i = 0; i < items.length; i++) cumulative.push((total += 1 / (i + 1) ** s));
  return (random) => {
    const x = random() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return items[lo];
  };
}
// the technical words any article may use: steep, so "latency" is everywhere, "eBPF" in a quarter of the articles, "seccomp" in a few
const techWord = zipf(TECH, 1.05);
// an article's own focus terms: a flatter draw, so the archive covers many subjects
const focusWord = zipf(TECH, 0.6);
const commonWord = zipf(COMMON, 1);
const tagWord = zipf(TAGS, 0.8);

/** Words a reader would type into the search: single tokens of the vocabulary (FTS5 and the app's queryTerms split on the rest). */
export const SEARCH_WORDS = [...new Set(TECH.filter((w) => /^[A-Za-z0-9]+$/.test(w)).map((w) => w.toLowerCase()))];

const pick = (random, items) => items[Math.floor(random() * items.length)];
const between = (random, lo, hi) => lo + Math.floor(random() * (hi - lo + 1));
const capitalize = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const escapeHtml = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
/** github-slugger, for the ASCII headings made here */
const headingSlug = (text) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9 _-]/g, "")
    .replace(/ /g, "-");

/**
 * One sentence, as [markdown, html, words]: mostly everyday words, the rest
 * technical (focus terms more often), now and then a term in `code`, in
 * **bold** or linked.
 */
function sentence(random, focus) {
  const n = between(random, 7, 22);
  const md = [];
  const html = [];
  for (let i = 0; i < n; i++) {
    const r = random();
    const technical = r < 0.12;
    const word = r < 0.06 ? pick(random, focus) : technical ? techWord(random) : commonWord(random);
    const decorate = technical ? random() : 1; // a technical word is now and then code (10%), bold (4%) or a link (2%)
    if (decorate < 0.1) {
      md.push(`\`${word.toLowerCase()}\``);
      html.push(`<code>${escapeHtml(word.toLowerCase())}</code>`);
    } else if (decorate < 0.14) {
      md.push(`**${word}**`);
      html.push(`<strong>${escapeHtml(word)}</strong>`);
    } else if (decorate < 0.16) {
      const href = `https://example.com/${slugify(word)}`;
      md.push(`[${word}](${href})`);
      html.push(`<a href="${href}">${escapeHtml(word)}</a>`);
    } else {
      md.push(word);
      html.push(escapeHtml(word));
    }
  }
  // the first word capitalized (plain words only: decorated ones start with a marker)
  if (/^[a-z]/.test(md[0])) {
    md[0] = capitalize(md[0]);
    html[0] = capitalize(html[0]);
  }
  const end = random() < 0.1 ? "?" : ".";
  return [md.join(" ") + end, html.join(" ") + end, n];
}

function paragraph(random, focus, sentences) {
  const md = [];
  const html = [];
  let words = 0;
  for (let i = 0; i < sentences; i++) {
    const [m, h, n] = sentence(random, focus);
    md.push(m);
    html.push(h);
    words += n;
  }
  return { md: md.join(" "), html: `<p>${html.join(" ")}</p>`, words };
}

const HEADINGS = [
  (t) => `Why ${t} mattered`,
  (t) => `The ${t} we started with`,
  (t) => `Measuring ${t}`,
  (t) => `What ${t} showed us`,
  () => "Results",
  () => "What we would do again",
  (t) => `Trying ${t}`,
  (t) => `The ${t} problem`,
  () => "Lessons",
  () => "Next steps",
  (t) => `${capitalize(t)} under load`,
  (t) => `A closer look at ${t}`,
];

const TITLES = [
  (r, a, b) => `How we cut ${a} by ${between(r, 2, 9) * 10}% with ${b}`,
  (r, a) => `${capitalize(a)} in production: ${between(r, 3, 12)} lessons`,
  (r, a, b) => `Chasing ${a} in the ${b} path`,
  (r, a, b) => `A ${pick(r, ["small", "faster", "boring", "better", "tiny", "safer"])} ${a} for ${b}`,
  (r, a, b) => `Why our ${a} was slow, and what ${b} showed us`,
  (r, a, b) => `${between(r, 100, 900)} ms to ${between(r, 2, 90)} ms: ${a} with ${b}`,
  (r, a, b) => `Building a ${a} on ${b} in a weekend`,
  (r, a, b) => `What ${between(r, 24, 72)} hours of ${a} taught us about ${b}`,
  (r, a, b) => `${capitalize(a)}, ${b} and a lot of coffee`,
  (r, a, b) => `Replacing ${a} with ${b}: a retrospective`,
];

const CODE = {
  ts: (a, b) =>
    `const ${slugify(a).replace(/-/g, "_") || "x"} = await fetch("/api/${slugify(b)}");\nconsole.log(await ${slugify(a).replace(/-/g, "_") || "x"}.json());`,
  sh: (a, b) => `$ ${slugify(a)} --bench --runs 20 | tee ${slugify(b)}.txt\n$ wc -l ${slugify(b)}.txt`,
  go: (a) => `func measure(ctx context.Context) error {\n\tstart := time.Now()\n\tdefer log.Printf("${a}: %s", time.Since(start))\n\treturn nil\n}`,
  rust: (a) => `fn main() {\n    let started = std::time::Instant::now();\n    println!("${a}: {:?}", started.elapsed());\n}`,
  sql: (a, b) => `SELECT ${slugify(a).replace(/-/g, "_") || "x"}, count(*)\n  FROM ${slugify(b).replace(/-/g, "_") || "t"}\n GROUP BY 1\n ORDER BY 2 DESC;`,
  yaml: (a, b) => `${slugify(a) || "service"}:\n  image: ${slugify(b) || "app"}:latest\n  replicas: 3`,
  python: (a) => `import time\nstart = time.perf_counter()\nprint("${a}", time.perf_counter() - start)`,
};

/** One article's Markdown body and its HTML, table of contents and word count (~`target` words). */
function body(random, focus, target) {
  const md = [];
  const html = [];
  const toc = [];
  const ids = new Map();
  let words = 0;
  const heading = (depth, text) => {
    const base = headingSlug(text);
    const seen = ids.get(base) ?? 0;
    ids.set(base, seen + 1);
    const id = seen ? `${base}-${seen}` : base;
    md.push(`${"#".repeat(depth)} ${text}`);
    html.push(
      `<h${depth} id="${id}">${escapeHtml(text)}<a href="#${id}" class="heading-anchor" aria-label="Link to this section: ${escapeHtml(text)}">#</a></h${depth}>`,
    );
    toc.push({ depth, id, text });
    words += text.split(" ").length;
  };
  const para = (sentences) => {
    const p = paragraph(random, focus, sentences);
    md.push(p.md);
    html.push(p.html);
    words += p.words;
  };
  para(between(random, 2, 4)); // the introduction
  while (words < target) {
    heading(2, pick(random, HEADINGS)(random() < 0.6 ? pick(random, focus) : techWord(random)));
    for (let i = between(random, 2, 4); i > 0 && words < target; i--) para(between(random, 3, 6));
    const extra = random();
    if (extra < 0.3) {
      const items = Array.from({ length: between(random, 3, 5) }, () => sentence(random, focus));
      md.push(items.map(([m]) => `- ${m}`).join("\n"));
      html.push(`<ul>\n${items.map(([, h]) => `<li>${h}</li>`).join("\n")}\n</ul>`);
      words += items.reduce((sum, [, , n]) => sum + n, 0);
    } else if (extra < 0.55) {
      const lang = pick(random, LANGS);
      const code = CODE[lang](pick(random, focus), techWord(random));
      md.push(`\`\`\`${lang}\n${code}\n\`\`\``);
      html.push(`<pre><code class="hljs language-${lang}">${escapeHtml(code)}\n</code></pre>`);
      words += code.split(/\s+/).length;
    } else if (extra < 0.7) {
      heading(3, pick(random, HEADINGS)(techWord(random)));
      para(between(random, 2, 4));
    }
  }
  return { md: md.join("\n\n") + "\n", html: html.join("\n"), toc, words };
}

const iso = (ms) => new Date(ms).toISOString().replace("Z", "+00:00"); // how Prisma's SQLite adapter stores DateTime

/** What the generator needs from the demo: its editions, teams (with topic and members), people, organizer, and the articles it published. */
export function readDemo(dbFile) {
  const db = new Database(dbFile, { readonly: true, fileMustExist: true });
  try {
    const users = db.prepare(`SELECT "id", "name", "role" FROM "User" ORDER BY "createdAt", "id"`).all();
    const editions = db.prepare(`SELECT "id", "number", "hackingStartsAt" FROM "Edition" ORDER BY "number"`).all();
    const teams = db
      .prepare(
        `SELECT t."id", t."editionId", t."name", t."topicId", p."kind", p."title" AS "topicTitle" FROM "Team" t LEFT JOIN "Topic" p ON p."id" = t."topicId" ORDER BY t."id"`,
      )
      .all();
    const members = db.prepare(`SELECT "teamId", "userId" FROM "TeamMember" ORDER BY "joinedAt", "id"`).all();
    const byId = new Map(users.map((u) => [u.id, u]));
    for (const team of teams) team.members = members.filter((m) => m.teamId === team.id).map((m) => byId.get(m.userId));
    // the demo's own articles (lib/demo/articles), published by the seed: they are in the lists too
    const published = db.prepare(`SELECT "slug", "editionNumber", "topicKind" FROM "PublishedArticle"`).all();
    const organizer = users.find((u) => u.role === "ORGANIZER");
    if (!organizer || editions.length === 0) throw new Error("the bench database has no demo (no organizer or no edition)");
    return {
      users,
      organizer,
      published,
      editions: editions.map((e) => ({ ...e, teams: teams.filter((t) => t.editionId === e.id && t.members.length > 0) })),
      // guests by name (no account), as imported write-ups have: the author filter has more than the demo's 40 people
      guests: FIRST.flatMap((first) => LAST.slice(0, 8).map((last) => `${first} ${last}`)),
    };
  } finally {
    db.close();
  }
}

/**
 * Article number `i` (0-based; the same i, the same article): its rows. Dates
 * spread from 2019 to `now`, most editions' articles after their hackathon.
 */
function makeArticle(i, demo, slugs, now) {
  const random = prng(0x5eed0000 + i);
  const focus = Array.from({ length: 3 }, () => focusWord(random));
  // the current (last) edition has few write-ups yet; the past ones share the rest
  const edition = random() < 0.1 || demo.editions.length === 1 ? demo.editions.at(-1) : pick(random, demo.editions.slice(0, -1));
  const team = edition.teams.length > 0 && random() < 0.8 ? pick(random, edition.teams) : null;
  const title = pick(random, TITLES)(random, focus[0], focus[1]);
  // lib/articles/ freeSlug: the title's slug, else -2, -3…
  const base = slugify(title) || "article";
  let slug = base;
  for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
  slugs.add(slug);
  const summary = `${sentence(random, focus)[0]} ${sentence(random, focus)[0]}`.replace(/[`*[\]]|\(https:[^)]*\)/g, "").slice(0, 400);
  const doc = body(random, focus, between(random, 900, 1_500));
  const tags = [...new Set(Array.from({ length: between(random, 1, 5) }, () => tagWord(random)))].sort();
  // authors: team members (the team's article) or the organizer, sometimes with a guest co-author
  const people = team ? [...team.members].sort(() => random() - 0.5).slice(0, between(random, 1, Math.min(3, team.members.length))) : [demo.organizer];
  const authors = people.map((u) => ({ userId: u.id, name: u.name }));
  if (random() < 0.3) authors.push({ userId: null, name: pick(random, demo.guests) });
  const bylines = [...new Map(authors.map((a) => [slugify(a.name) || "author", a.name])).entries()].map(([key, name]) => ({ key, name }));
  const start = Math.max(Date.parse(edition.hackingStartsAt), Date.UTC(2019, 0, 1));
  const publishedMs = start + Math.floor(random() * Math.max(1, now - start));
  const revisedMs = random() < 0.15 ? publishedMs + Math.floor(random() * Math.max(1, now - publishedMs)) : null;
  const id = `cbench${i.toString(36).padStart(7, "0")}${Math.floor(random() * 36 ** 6)
    .toString(36)
    .padStart(6, "0")}`;
  return {
    id,
    slug,
    title,
    summary,
    tags,
    authors,
    bylines,
    edition,
    team,
    body: doc.md,
    html: doc.html,
    toc: doc.toc,
    readingMinutes: Math.max(1, Math.round(doc.words / 230)),
    createdAt: iso(publishedMs - between(random, 1, 20) * 86_400_000),
    publishedAt: iso(publishedMs),
    revisedAt: revisedMs === null ? null : iso(revisedMs),
  };
}

/**
 * Writes articles from..from+count-1 into the database file, in one
 * transaction (the server, reading in WAL mode, sees them all at once).
 * Returns what the bench requests by (each article's slug, edition and kind of topic) and the words written.
 */
export function insertArticles(dbFile, demo, { from, count, now = Date.now() }) {
  const db = new Database(dbFile, { fileMustExist: true, timeout: 10_000 });
  try {
    db.pragma("journal_mode = WAL");
    // the addresses taken already (earlier batches, articles published through the app)
    const slugs = new Set(db.prepare(`SELECT "slug" FROM "Article"`).pluck().all());
    const article = db.prepare(
      `INSERT INTO "Article" ("id", "editionId", "teamId", "topicId", "slug", "title", "summary", "coverFile", "coverAlt", "tags", "body", "status", "version", "pendingChanges", "importKey", "createdById", "createdAt", "updatedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, NULL, '', ?, ?, 'PUBLISHED', 1, 0, NULL, ?, ?, ?)`,
    );
    const author = db.prepare(`INSERT INTO "ArticleAuthor" ("id", "articleId", "userId", "name", "position") VALUES (?, ?, ?, ?, ?)`);
    const published = db.prepare(
      `INSERT INTO "PublishedArticle" ("articleId", "slug", "editionId", "editionNumber", "teamName", "topicKind", "topicTitle", "title", "summary", "coverFile", "coverAlt", "body", "html", "toc", "authors", "readingMinutes", "publishedAt", "revisedAt")
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, '', ?, ?, ?, ?, ?, ?, ?)`,
    );
    const tag = db.prepare(`INSERT INTO "PublishedTag" ("articleId", "tag") VALUES (?, ?)`);
    const byline = db.prepare(`INSERT INTO "PublishedAuthor" ("articleId", "key", "name") VALUES (?, ?, ?)`);
    const search = db.prepare(`INSERT INTO "ArticleSearch" ("articleId", "title", "summary", "body") VALUES (?, ?, ?, ?)`);
    const made = [];
    let words = 0;
    db.transaction(() => {
      for (let i = from; i < from + count; i++) {
        const a = makeArticle(i, demo, slugs, now);
        const updatedAt = a.revisedAt ?? a.publishedAt;
        article.run(
          a.id,
          a.edition.id,
          a.team?.id ?? null,
          a.team?.topicId ?? null,
          a.slug,
          a.title,
          a.summary,
          JSON.stringify(a.tags),
          a.body,
          demo.organizer.id,
          a.createdAt,
          updatedAt,
        );
        a.authors.forEach((x, position) => author.run(`${a.id}a${position}`, a.id, x.userId, x.name, position));
        published.run(
          a.id,
          a.slug,
          a.edition.id,
          a.edition.number,
          a.team?.name ?? null,
          a.team?.kind ?? null,
          a.team?.topicTitle ?? null,
          a.title,
          a.summary,
          a.body,
          a.html,
          JSON.stringify(a.toc),
          JSON.stringify(a.bylines),
          a.readingMinutes,
          a.publishedAt,
          a.revisedAt,
        );
        for (const t of a.tags) tag.run(a.id, t);
        for (const b of a.bylines) byline.run(a.id, b.key, b.name);
        search.run(a.id, a.title, a.summary, a.body);
        words += a.body.split(/\s+/).length;
        made.push({ slug: a.slug, editionNumber: a.edition.number, topicKind: a.team?.kind ?? null });
      }
    })();
    // fold the WAL back into the file (PASSIVE: never waits for the server's readers)
    db.pragma("wal_checkpoint(PASSIVE)");
    return { articles: made, words };
  } finally {
    db.close();
  }
}
