/**
 * The storage interface on both implementations: local disk and an S3-compatible server
 * (s3rver, started by the test).
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startS3 } from "@/test/s3";
import { DiskStorage, S3Storage, type MediaStorage } from "./storage";

const KEY = "0123456789abcdef0123456789abcdef.jpg";
const stores: Record<string, () => MediaStorage> = {};
let stopS3: () => Promise<void> = async () => {};
const diskRoot = fs.mkdtempSync(path.join(os.tmpdir(), "media-"));

beforeAll(async () => {
  const s3 = await startS3();
  stopS3 = s3.stop;
  const s3Store = new S3Storage({ bucket: s3.bucket, endpoint: s3.endpoint, region: "us-east-1", accessKeyId: "S3RVER", secretAccessKey: "S3RVER", forcePathStyle: true, prefix: "media/" });
  stores.s3 = () => s3Store;
});
afterAll(async () => {
  await stopS3();
  fs.rmSync(diskRoot, { recursive: true, force: true });
});
stores.disk = () => new DiskStorage(diskRoot);

describe.each(["disk", "s3"])("media storage on %s", (kind) => {
  it("stores, reads back and removes a file", async () => {
    const store = stores[kind]!();
    const bytes = Buffer.from([0xff, 0xd8, 0xff, 1, 2, 3]);
    expect(await store.get(KEY)).toBeNull();
    await store.put(KEY, bytes, "image/jpeg");
    const got = await store.get(KEY);
    expect(got?.contentType).toBe("image/jpeg");
    expect(Buffer.compare(got!.data, bytes)).toBe(0);
    await store.put(KEY, bytes, "image/jpeg"); // same key, same bytes: harmless
    await store.remove(KEY);
    expect(await store.get(KEY)).toBeNull();
    await store.remove(KEY); // already gone: no error
  });

  it("refuses keys that are not content-hash names", async () => {
    const store = stores[kind]!();
    for (const bad of ["../etc/passwd", "x.jpg", `${KEY}/../../a`, "0123456789abcdef0123456789abcdef.svg"]) {
      await expect(store.put(bad, Buffer.from("x"), "image/jpeg")).rejects.toThrow(/invalid media key/);
      expect(await store.get(bad)).toBeNull();
    }
  });
});
