/**
 * Reads of library photos for stories: by id, as the delivery and rendering code needs them.
 */
import "server-only";
import { inArray } from "drizzle-orm";
import { getDb, type Db } from "@/db";
import { media } from "@/db/schema";
import type { LibraryPhoto } from "./body";

/** The public URL of a stored photo. */
export function mediaUrl(storageKey: string): string {
  return `/media/${storageKey}`;
}

/** Library photos by id (missing ids are simply absent from the map). */
export async function loadPhotos(ids: string[], db?: Pick<Db, "select">): Promise<Map<string, LibraryPhoto>> {
  const out = new Map<string, LibraryPhoto>();
  const wanted = [...new Set(ids)].filter((id) => /^[0-9a-f-]{36}$/i.test(id));
  if (wanted.length === 0) return out;
  const d = db ?? (await getDb());
  const rows = await d
    .select({
      id: media.id,
      storageKey: media.storageKey,
      width: media.width,
      height: media.height,
      altText: media.altText,
      caption: media.caption,
      creditName: media.creditName,
      creditOrg: media.creditOrg,
      creditUrl: media.creditUrl,
      originalName: media.originalName,
    })
    .from(media)
    .where(inArray(media.id, wanted));
  for (const { storageKey, ...r } of rows) out.set(r.id, { ...r, url: mediaUrl(storageKey) });
  return out;
}
