import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readPhotoUpload } from "./upload";

// The environment is read on first use (lib/env), after this line; each test file has its own process.
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "upload-test-"));
process.env.DATA_DIR = dataDir;
const uploads = path.join(dataDir, "uploads");
afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

/** A multipart request whose body arrives in chunks of undeclared total size; counts what was pulled. */
function streamedUpload(fileBytes: number, field = "file") {
  const boundary = "----newsroom-test";
  const head = Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${field}"; filename="big.jpg"\r\nContent-Type: image/jpeg\r\n\r\n`);
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  const chunk = Buffer.alloc(64 * 1024, 0xab);
  let sent = 0;
  let pulled = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulled++;
      if (pulled === 1) return controller.enqueue(head);
      if (sent < fileBytes) {
        const part = chunk.subarray(0, Math.min(chunk.length, fileBytes - sent));
        sent += part.length;
        return controller.enqueue(part);
      }
      controller.enqueue(tail);
      controller.close();
    },
  });
  const request = new Request("http://localhost/api/media", { method: "POST", headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, body, duplex: "half" } as RequestInit);
  return { request, sentBytes: () => sent };
}

describe("reading a photo upload", () => {
  it("returns the file's bytes and name, and leaves no temporary file", async () => {
    const { request } = streamedUpload(300 * 1024);
    const { data, name } = await readPhotoUpload(request, 1024 * 1024);
    expect(data.byteLength).toBe(300 * 1024);
    expect(name).toBe("big.jpg");
    expect(fs.readdirSync(uploads)).toEqual([]);
  });

  it("stops reading a body of undeclared size once the file passes the limit (too_large), and leaves no temporary file", async () => {
    const { request, sentBytes } = streamedUpload(200 * 1024 * 1024);
    await expect(readPhotoUpload(request, 1024 * 1024)).rejects.toMatchObject({ code: "too_large", message: expect.stringContaining("photos may be at most 1 MB") });
    // The 200 MB body was not read to its end: reading stopped near the 1 MB limit.
    expect(sentBytes()).toBeLessThan(4 * 1024 * 1024);
    expect(fs.readdirSync(uploads)).toEqual([]);
  });

  it("refuses a form without a file field, and a body that is not a form", async () => {
    await expect(readPhotoUpload(streamedUpload(10, "photo").request, 1024)).rejects.toMatchObject({ code: "bad_request", message: "No file was sent." });
    const notForm = new Request("http://localhost/api/media", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
    await expect(readPhotoUpload(notForm, 1024)).rejects.toMatchObject({ code: "bad_request" });
  });
});

describe("reading a photo upload whose other parts never end", () => {
  it("stops reading once the whole body passes the limit, even when the file part is small", async () => {
    const boundary = "----newsroom-test";
    let sent = 0;
    const filler = Buffer.alloc(64 * 1024, 0x61);
    let step = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        step++;
        if (step === 1) return controller.enqueue(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.jpg"\r\n\r\nxyz\r\n--${boundary}\r\nContent-Disposition: form-data; name="ignored"; filename="b.bin"\r\n\r\n`));
        sent += filler.length;
        if (sent > 100 * 1024 * 1024) return controller.close();
        controller.enqueue(filler);
      },
    });
    const request = new Request("http://localhost/api/media", { method: "POST", headers: { "content-type": `multipart/form-data; boundary=${boundary}` }, body, duplex: "half" } as RequestInit);
    await expect(readPhotoUpload(request, 1024 * 1024)).rejects.toMatchObject({ code: "too_large" });
    expect(sent).toBeLessThan(4 * 1024 * 1024);
  });
});
