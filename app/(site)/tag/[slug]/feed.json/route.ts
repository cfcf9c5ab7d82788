/** The json feed of one tag (lib/feeds). */
import { feedRoute } from "@/lib/feeds/route";

export const dynamic = "force-dynamic";
export const GET = feedRoute("tag", "json");
