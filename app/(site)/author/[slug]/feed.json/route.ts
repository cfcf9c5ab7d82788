/** The json feed of one byline (lib/feeds). */
import { feedRoute } from "@/lib/feeds/route";

export const dynamic = "force-dynamic";
export const GET = feedRoute("byline", "json");
