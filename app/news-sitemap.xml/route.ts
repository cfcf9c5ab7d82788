/** The Google News sitemap (lib/seo/sitemaps.ts). */
import { newsSitemapGet } from "@/lib/seo/routes";

export const dynamic = "force-dynamic";
export const GET = newsSitemapGet;
