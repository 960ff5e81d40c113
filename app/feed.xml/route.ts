// GET /feed.xml — an Atom feed of the latest published articles, full text.
import { unstable_cache } from "next/cache";
import { publicOrigin } from "@/app/_lib/origin";
import { CACHE_TAGS } from "@/app/_lib/revalidate";
import { articleIndex } from "@/lib/archive";
import { getDb } from "@/lib/db";
import { formatEditionNumber } from "@/lib/domain";

const FEED_SIZE = 30;

const xml = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

const latest = unstable_cache(async () => JSON.parse(JSON.stringify(await articleIndex(getDb(), FEED_SIZE))) as Awaited<ReturnType<typeof articleIndex>>, ["feed"], { tags: [CACHE_TAGS.articles] });

export async function GET() {
  const origin = await publicOrigin();
  const articles = await latest();
  const updated = articles.reduce((max, a) => Math.max(max, new Date(a.revisedAt ?? a.publishedAt).getTime()), 0);
  const entries = articles.map((a) => {
    const url = `${origin}/articles/${a.slug}`;
    const authors = (JSON.parse(a.authors) as { name: string }[]).map((p) => `<author><name>${xml(p.name)}</name></author>`).join("");
    const html = a.html.replace(/(src|href)="\//g, `$1="${origin}/`); // readers fetch relative links from elsewhere
    return `<entry>
<id>${xml(url)}</id>
<title>${xml(a.title)}</title>
<link rel="alternate" type="text/html" href="${xml(url)}"/>
<published>${new Date(a.publishedAt).toISOString()}</published>
<updated>${new Date(a.revisedAt ?? a.publishedAt).toISOString()}</updated>
${authors}
<category term="${formatEditionNumber(a.editionNumber)}"/>
<summary>${xml(a.summary)}</summary>
<content type="html">${xml(html)}</content>
</entry>`;
  });
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${xml(origin)}/feed.xml</id>
<title>Hexathon: articles</title>
<subtitle>What the teams built, edition by edition.</subtitle>
<link rel="self" type="application/atom+xml" href="${xml(origin)}/feed.xml"/>
<link rel="alternate" type="text/html" href="${xml(origin)}/articles"/>
<updated>${new Date(updated || 0).toISOString()}</updated>
${entries.join("\n")}
</feed>
`;
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
