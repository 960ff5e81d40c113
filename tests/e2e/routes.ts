// Every route of the app with real ids from the demo data: the walks (hostile
// input, overflow, security headers) cover what exists, and a new route is
// covered the day it is added, because the list comes from app/ itself.
import fs from "node:fs";
import path from "node:path";
import { expect, type APIRequestContext } from "./test";

const APP = path.join(process.cwd(), "app");

export type ApiRoute = { file: string; pattern: string; methods: string[] };

function routeFiles(dir: string, name: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("_") ? [] : routeFiles(full, name);
    return entry.name === name ? [full] : [];
  });
}

/** "/editions/[slug]/vote" from app/[locale]/editions/[slug]/vote/page.tsx (route groups and the locale, which the proxy adds, dropped). */
const patternOf = (file: string) =>
  "/" +
  path
    .relative(APP, path.dirname(file))
    .split(path.sep)
    .filter((s) => s && !s.startsWith("(") && s !== "[locale]")
    .join("/");

export function apiRoutes(): ApiRoute[] {
  return routeFiles(path.join(APP, "api"), "route.ts").map((file) => {
    const source = fs.readFileSync(file, "utf8");
    const methods = new Set<string>();
    for (const m of source.matchAll(/export (?:const|async function|function) (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]);
    for (const m of source.matchAll(/as (GET|POST|PUT|PATCH|DELETE)\b/g)) methods.add(m[1]);
    return { file, pattern: patternOf(file), methods: [...methods] };
  });
}

export function pagePatterns(): string[] {
  return routeFiles(APP, "page.tsx").map(patternOf);
}

export type DemoIds = Record<string, string>;

const first = (html: string, re: RegExp, what: string) => {
  const match = html.match(re);
  expect(match, `no ${what} found in the demo`).not.toBeNull();
  return match![1];
};

/** Real ids of the demo's edition 0x09, found through an organizer's pages. */
export async function demoIds(organizer: APIRequestContext): Promise<DemoIds> {
  const html = async (url: string) => (await organizer.get(url)).text();
  const topics = await html("/editions/0x09/topics");
  const teams = await html("/editions/0x09/teams");
  const challenges = await html("/editions/0x09/challenges");
  const articles = await html("/articles");
  const write = (await (await organizer.get("/api/articles")).json()) as { id: string }[];
  const stage = await html("/editions/0x09/stage");
  const vote = await html("/editions/0x09/vote");
  const judging = await html("/editions/0x09/judging");
  return {
    slug: "0x09",
    topic: first(topics, /\/editions\/0x09\/topics\/([a-z0-9]{20,})/, "topic"),
    team: first(teams, /\/editions\/0x09\/teams\/([a-z0-9]{20,})/, "team"),
    challenge: first(challenges, /\/editions\/0x09\/challenges\/([a-z0-9]{20,})/, "challenge"),
    article: write[0].id,
    articleSlug: first(articles, /\/articles\/([a-z0-9-]+)"/, "published article"),
    displayKey: first(stage, /\/display\/([A-Za-z0-9_-]{16,})/, "projector link"),
    code: first(vote, /\/vote\/([A-Z0-9]{4,})/, "join code"),
    track: first(judging, /\/editions\/0x09\/judging\/([a-z0-9]{20,})/, "judging track"),
  };
}

/** A concrete address for a route pattern, with the demo's ids. */
export function concrete(pattern: string, ids: DemoIds): string {
  return pattern
    .replace(/\/articles\/\[id\]/, `/articles/${ids.article}`)
    .replace(/\/articles\/\[slug\]/, `/articles/${ids.articleSlug}`)
    .replace(/\/topics\/\[id\]/, `/topics/${ids.topic}`)
    .replace(/\/teams\/\[id\]/, `/teams/${ids.team}`)
    .replace(/\/challenges\/\[id\]/, `/challenges/${ids.challenge}`)
    .replace(/\/write\/\[id\]/, `/write/${ids.article}`)
    .replace(/\/display\/\[key\]/, `/display/${ids.displayKey}`)
    .replace(/\/vote\/\[code\]/, `/vote/${ids.code}`)
    .replace(/\/judging\/\[(trackId|id)\]/, `/judging/${ids.track}`)
    .replace(/\[slug\]/, ids.slug)
    .replace(/\[\.\.\.[a-z]+\]/, "nothing/here")
    .replace(/\[[a-z]+\]/g, "no-such-id");
}
