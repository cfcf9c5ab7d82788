/**
 * Reading one photo from a multipart/form-data upload (RFC 7578) without holding the request
 * in memory: the `file` part is streamed to a temporary file under `<DATA_DIR>/uploads/`, the
 * size limit applied while reading (busboy's `fileSize` limit), and the request is no longer
 * read once the limit is passed. Route handlers otherwise read a form whole
 * (`request.formData()`), whatever its size.
 */
import "server-only";
import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import { pipeline } from "node:stream/promises";
import busboy from "busboy";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** What a form may add around the file (boundaries, part headers, small fields). */
const ENVELOPE_BYTES = 256 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

/**
 * Reads the photo in the `file` field of a multipart request.
 * @param request the route handler's request (its body is read once)
 * @param maxBytes the largest file accepted, in bytes
 * @returns the file's bytes (at most maxBytes) and its name as the browser sent it.
 * @throws AppError bad_request (not a multipart form, no `file` field, an unreadable body),
 *   too_large (the file passed maxBytes: reading stopped there).
 */
export async function readPhotoUpload(request: Request, maxBytes: number): Promise<{ data: Buffer; name: string }> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!/^multipart\/form-data\s*;/i.test(contentType) || !request.body) {
    throw new AppError("bad_request", "Send the photo as a form upload with a field named “file”.");
  }
  const dir = path.resolve(env().DATA_DIR, "uploads");
  await fs.promises.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `${randomUUID()}.part`);
  const source = Readable.fromWeb(request.body as NodeReadableStream<Uint8Array>);
  try {
    const name = await new Promise<string>((resolve, reject) => {
      let parser: busboy.Busboy;
      try {
        parser = busboy({ headers: { "content-type": contentType }, limits: { files: 1, fileSize: maxBytes, fields: 20, fieldSize: 8 * 1024, parts: 21 } });
      } catch {
        reject(new AppError("bad_request", "Send the photo as a form upload with a field named “file”."));
        return;
      }
      let fileName: string | null = null;
      let written: Promise<void> | null = null;
      const fail = (e: AppError) => {
        source.unpipe(parser);
        source.destroy();
        reject(e);
      };
      parser.on("file", (field, stream, info) => {
        if (field !== "file" || written) {
          stream.resume();
          return;
        }
        fileName = info.filename ?? "";
        stream.on("limit", () => fail(new AppError("too_large", `“${fileName}” is over ${mb(maxBytes)}; photos may be at most ${mb(maxBytes)}.`)));
        written = pipeline(stream, fs.createWriteStream(temp));
        written.catch(() => undefined);
      });
      parser.on("error", () => fail(new AppError("bad_request", "The upload was cut off or is not a valid form; try again.")));
      parser.on("close", () => {
        if (fileName === null || !written) {
          reject(new AppError("bad_request", "No file was sent."));
          return;
        }
        written.then(() => resolve(fileName ?? ""), () => reject(new AppError("bad_request", "The upload could not be stored; try again.")));
      });
      source.on("error", () => fail(new AppError("bad_request", "The upload was cut off; try again.")));
      // The whole body is bounded too, not only the file: parts busboy skips still stream in.
      let bodyBytes = 0;
      source.on("data", (chunk: Buffer) => {
        bodyBytes += chunk.byteLength;
        if (bodyBytes > maxBytes + ENVELOPE_BYTES) fail(new AppError("too_large", `The upload is over ${mb(maxBytes)}; photos may be at most ${mb(maxBytes)}.`));
      });
      source.pipe(parser);
    });
    return { data: await fs.promises.readFile(temp), name };
  } finally {
    await fs.promises.rm(temp, { force: true });
  }
}
