/**
 * Where photo files live: one interface, two implementations.
 * - DiskStorage: files under `<DATA_DIR>/media/` (the default; one machine);
 * - S3Storage: any S3-compatible object store (AWS S3, MinIO, R2, …), chosen by setting
 *   S3_BUCKET (with S3_ENDPOINT, S3_REGION, S3_ACCESS_KEY_ID, S3_SECRET_ACCESS_KEY) — what
 *   several instances behind a load balancer must share.
 * Keys are content-hash file names (`<32 hex>.<ext>`); anything else is refused, so a key can
 * never name a path outside the store.
 */
import fs from "node:fs/promises";
import path from "node:path";
import { DeleteObjectCommand, GetObjectCommand, NoSuchKey, PutObjectCommand, S3Client } from "@aws-sdk/client-s3";

export interface StoredFile {
  data: Buffer;
  contentType: string;
}

export interface MediaStorage {
  /** Stores `data` under `key` (overwriting is harmless: same key, same bytes). */
  put(key: string, data: Buffer, contentType: string): Promise<void>;
  /** The file, or null when there is none. */
  get(key: string): Promise<StoredFile | null>;
  /** Removes the file; no error when it is already gone. */
  remove(key: string): Promise<void>;
}

const KEY = /^[0-9a-f]{32}\.(jpg|png|webp|avif|gif)$/;
const CONTENT_TYPE: Record<string, string> = { jpg: "image/jpeg", png: "image/png", webp: "image/webp", avif: "image/avif", gif: "image/gif" };

/** Whether `key` is a well-formed storage key. */
export function isMediaKey(key: string): boolean {
  return KEY.test(key);
}

function checkKey(key: string): void {
  if (!isMediaKey(key)) throw new Error(`invalid media key: ${JSON.stringify(key)}`);
}

/** Files in a directory; writes go to a temporary file first and are renamed into place. */
export class DiskStorage implements MediaStorage {
  constructor(private readonly root: string) {}

  async put(key: string, data: Buffer): Promise<void> {
    checkKey(key);
    await fs.mkdir(this.root, { recursive: true });
    const tmp = path.join(this.root, `.${key}.${process.pid}.${Date.now()}.tmp`);
    await fs.writeFile(tmp, data);
    await fs.rename(tmp, path.join(this.root, key));
  }

  async get(key: string): Promise<StoredFile | null> {
    if (!isMediaKey(key)) return null;
    try {
      const data = await fs.readFile(path.join(this.root, key));
      return { data, contentType: CONTENT_TYPE[key.split(".")[1] as string] as string };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw e;
    }
  }

  async remove(key: string): Promise<void> {
    checkKey(key);
    await fs.rm(path.join(this.root, key), { force: true });
  }
}

export interface S3Options {
  bucket: string;
  endpoint?: string;
  region: string;
  accessKeyId?: string;
  secretAccessKey?: string;
  /** Path-style URLs (`endpoint/bucket/key`), which MinIO and most self-hosted stores need. */
  forcePathStyle: boolean;
  /** Key prefix inside the bucket, e.g. "media/". */
  prefix?: string;
}

/** An S3-compatible bucket, through the AWS SDK v3. */
export class S3Storage implements MediaStorage {
  private readonly client: S3Client;
  constructor(private readonly o: S3Options) {
    this.client = new S3Client({
      region: o.region,
      endpoint: o.endpoint,
      forcePathStyle: o.forcePathStyle,
      ...(o.accessKeyId && o.secretAccessKey ? { credentials: { accessKeyId: o.accessKeyId, secretAccessKey: o.secretAccessKey } } : {}),
    });
  }

  private objectKey(key: string): string {
    return `${this.o.prefix ?? ""}${key}`;
  }

  async put(key: string, data: Buffer, contentType: string): Promise<void> {
    checkKey(key);
    await this.client.send(
      new PutObjectCommand({ Bucket: this.o.bucket, Key: this.objectKey(key), Body: data, ContentType: contentType, CacheControl: "public, max-age=31536000, immutable" }),
    );
  }

  async get(key: string): Promise<StoredFile | null> {
    if (!isMediaKey(key)) return null;
    try {
      const res = await this.client.send(new GetObjectCommand({ Bucket: this.o.bucket, Key: this.objectKey(key) }));
      const bytes = await res.Body?.transformToByteArray();
      if (!bytes) return null;
      return { data: Buffer.from(bytes), contentType: res.ContentType ?? (CONTENT_TYPE[key.split(".")[1] as string] as string) };
    } catch (e) {
      if (e instanceof NoSuchKey || (e as { name?: string }).name === "NoSuchKey" || (e as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return null;
      throw e;
    }
  }

  async remove(key: string): Promise<void> {
    checkKey(key);
    await this.client.send(new DeleteObjectCommand({ Bucket: this.o.bucket, Key: this.objectKey(key) }));
  }
}
