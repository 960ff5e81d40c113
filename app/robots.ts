// /robots.txt — the public archive may be indexed; the app's own pages and APIs need not be.
import type { MetadataRoute } from "next";
import { publicOrigin } from "@/app/_lib/origin";

export const dynamic = "force-dynamic";

export default async function robots(): Promise<MetadataRoute.Robots> {
  return {
    rules: [{ userAgent: "*", allow: ["/", "/articles", "/editions"], disallow: ["/api/", "/write", "/display/", "/vote", "/setup"] }],
    sitemap: `${await publicOrigin()}/sitemap.xml`,
  };
}
