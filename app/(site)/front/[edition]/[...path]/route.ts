import { legacyOrNotFound } from "../../../[...path]/legacy-response";

/**
 * Any other address under an edition's prefix (`/fa/…`): an imported WordPress address kept
 * by the import (WordPress multilingual plugins put languages first in the path) answers 308
 * to its new one; anything else is the site's 404 page.
 */
export const dynamic = "force-dynamic";

export async function GET(_request: Request, { params }: { params: Promise<{ edition: string; path: string[] }> }): Promise<Response> {
  const { edition, path } = await params;
  return legacyOrNotFound([edition, ...path]);
}
