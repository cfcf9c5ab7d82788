/** The sitemap index (lib/seo/sitemaps.ts). */
import { sitemapIndexGet } from "@/lib/seo/routes";

export const dynamic = "force-dynamic";
export const GET = sitemapIndexGet;
