/** A live blog's entries as a feed (lib/feeds); 404 for a story that is not a public live blog. */
import { feedRoute } from "@/lib/feeds/route";

export const dynamic = "force-dynamic";
export const GET = feedRoute("live", "atom");
