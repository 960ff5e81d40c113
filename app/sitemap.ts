// /sitemap.xml — the public pages: home, editions, articles.
import type { MetadataRoute } from "next";
import { publicOrigin } from "@/app/_lib/origin";
import { cachedArticleIndex } from "@/app/_lib/public-data";
import { getDb } from "@/app/_lib/db";
import { formatEditionNumber } from "@/lib/editions/rules";
import { listEditions } from "@/lib/editions/queries";

export const dynamic = "force-dynamic";

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const origin = await publicOrigin();
  const db = getDb();
  const [articles, editions] = await Promise.all([cachedArticleIndex(), listEditions(db, null)]);
  return [
    { url: `${origin}/`, changeFrequency: "daily" },
    { url: `${origin}/articles`, changeFrequency: "daily" },
    { url: `${origin}/editions`, changeFrequency: "weekly" },
    ...editions.map((e) => ({ url: `${origin}/editions/${formatEditionNumber(e.number)}`, lastModified: e.updatedAt, changeFrequency: "weekly" as const })),
    ...articles.map((a) => ({ url: `${origin}/articles/${a.slug}`, lastModified: a.revisedAt ?? a.publishedAt, changeFrequency: "monthly" as const })),
  ];
}
