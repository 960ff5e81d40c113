// GET /feed.xml — an Atom feed of the latest published articles, full text.
import { publicOrigin } from "@/app/_lib/origin";
import { cachedFeed } from "@/app/_lib/public-data";
import { escapeMarkup } from "@/lib/platform/markdown";
import { formatEditionNumber } from "@/lib/editions/rules";

const FEED_SIZE = 30;

export async function GET() {
  const origin = await publicOrigin();
  const articles = await cachedFeed(FEED_SIZE);
  const updated = articles.reduce((max, a) => Math.max(max, new Date(a.revisedAt ?? a.publishedAt).getTime()), 0);
  const entries = articles.map((a) => {
    const url = `${origin}/articles/${a.slug}`;
    const authors = (JSON.parse(a.authors) as { name: string }[]).map((p) => `<author><name>${escapeMarkup(p.name)}</name></author>`).join("");
    const html = a.html.replace(/(src|href)="\//g, `$1="${origin}/`); // readers fetch relative links from elsewhere
    return `<entry>
<id>${escapeMarkup(url)}</id>
<title>${escapeMarkup(a.title)}</title>
<link rel="alternate" type="text/html" href="${escapeMarkup(url)}"/>
<published>${new Date(a.publishedAt).toISOString()}</published>
<updated>${new Date(a.revisedAt ?? a.publishedAt).toISOString()}</updated>
${authors}
<category term="${formatEditionNumber(a.editionNumber)}"/>
<summary>${escapeMarkup(a.summary)}</summary>
<content type="html">${escapeMarkup(html)}</content>
</entry>`;
  });
  const body = `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<id>${escapeMarkup(origin)}/feed.xml</id>
<title>Hexathon: articles</title>
<subtitle>What the teams built, edition by edition.</subtitle>
<link rel="self" type="application/atom+xml" href="${escapeMarkup(origin)}/feed.xml"/>
<link rel="alternate" type="text/html" href="${escapeMarkup(origin)}/articles"/>
<updated>${new Date(updated || 0).toISOString()}</updated>
${entries.join("\n")}
</feed>
`;
  return new Response(body, { headers: { "Content-Type": "application/atom+xml; charset=utf-8", "Cache-Control": "public, max-age=300" } });
}
