/**
 * The media storage of this process, chosen from the environment (see lib/media/storage.ts):
 * S3 when S3_BUCKET is set, else files under `<DATA_DIR>/media`.
 */
import path from "node:path";
import { env } from "@/lib/env";
import { DiskStorage, S3Storage, type MediaStorage } from "./storage";

const KEY = Symbol.for("newsroom.mediaStorage");
type Holder = { [KEY]?: MediaStorage };

/** The configured storage (one per process). */
export function mediaStorage(): MediaStorage {
  const g = globalThis as Holder;
  if (g[KEY]) return g[KEY];
  const e = env();
  g[KEY] = e.S3_BUCKET
    ? new S3Storage({
        bucket: e.S3_BUCKET,
        endpoint: e.S3_ENDPOINT,
        region: e.S3_REGION,
        accessKeyId: e.S3_ACCESS_KEY_ID,
        secretAccessKey: e.S3_SECRET_ACCESS_KEY,
        forcePathStyle: e.S3_FORCE_PATH_STYLE === "true",
        prefix: e.S3_PREFIX,
      })
    : new DiskStorage(path.resolve(e.DATA_DIR, "media"));
  return g[KEY];
}

/** Replaces the storage (tests). */
export function setMediaStorage(storage: MediaStorage | undefined): void {
  (globalThis as Holder)[KEY] = storage;
}
