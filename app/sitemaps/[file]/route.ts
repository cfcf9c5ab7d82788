/** Child sitemaps: stories-N.xml, tags-N.xml, authors-N.xml, pages.xml (lib/seo/sitemaps.ts). */
import { sitemapChildGet } from "@/lib/seo/routes";

export const dynamic = "force-dynamic";
export const GET = sitemapChildGet;
