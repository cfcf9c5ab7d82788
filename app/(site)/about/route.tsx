import { readerResponse } from "@/components/site/render";
import { aboutPage } from "./about-page";

/** The site's About page (./about-page.tsx). Rendered per request (no params; no build-time reads). */
export const dynamic = "force-dynamic";

export async function GET(): Promise<Response> {
  return readerResponse(aboutPage);
}
