/** The whole site's atom feed (lib/feeds). */
import { feedRoute } from "@/lib/feeds/route";

export const dynamic = "force-dynamic";
export const GET = feedRoute("site", "atom");
