/** robots.txt, with the absolute sitemap URLs of this deployment (lib/seo/routes.ts). */
import { robotsGet } from "@/lib/seo/routes";

export const dynamic = "force-dynamic";
export const GET = robotsGet;
