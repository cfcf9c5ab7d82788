/** The whole site's rss feed (lib/feeds). */
import { feedRoute } from "@/lib/feeds/route";

export const dynamic = "force-dynamic";
export const GET = feedRoute("site", "rss");
