/** An edition's rss feed, `/<code>/feed.xml` (rewritten here by next.config.ts; lib/feeds). */
import { feedRoute } from "@/lib/feeds/route";

export const dynamic = "force-dynamic";
export const GET = feedRoute("edition", "rss");
