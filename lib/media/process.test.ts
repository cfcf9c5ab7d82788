/**
 * Upload checks on real image bytes made with sharp: type by content, size and pixel limits,
 * EXIF (GPS) removal and orientation.
 */
import exifr from "exifr";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import { MEDIA_MAX_BYTES, processUpload, sniffImage } from "./process";

const solid = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: { r: 160, g: 30, b: 30 } } });

async function rejects(p: Promise<unknown>, code: AppError["code"], message: RegExp) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  expect(e).toBeInstanceOf(AppError);
  expect((e as AppError).code).toBe(code);
  expect((e as AppError).message).toMatch(message);
}

describe("sniffImage", () => {
  it("knows JPEG, PNG, WebP, AVIF and GIF by their bytes, whatever the name", async () => {
    const img = solid(40, 30);
    expect((await sniffImage(await img.clone().jpeg().toBuffer()))?.format).toBe("jpeg");
    expect((await sniffImage(await img.clone().png().toBuffer()))?.format).toBe("png");
    expect((await sniffImage(await img.clone().webp().toBuffer()))?.format).toBe("webp");
    expect((await sniffImage(await img.clone().avif().toBuffer()))?.format).toBe("avif");
    expect((await sniffImage(await img.clone().gif().toBuffer()))?.format).toBe("gif");
  });

  it("refuses text, SVG, TIFF and truncated files", async () => {
    expect(await sniffImage(Buffer.from("not an image, just text named photo.jpg"))).toBeNull();
    expect(await sniffImage(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"/>'))).toBeNull();
    expect(await sniffImage(await solid(10, 10).tiff().toBuffer())).toBeNull();
    const jpeg = await solid(10, 10).jpeg().toBuffer();
    expect(await sniffImage(jpeg.subarray(0, 8))).toBeNull();
  });
});

describe("processUpload", () => {
  it("removes EXIF, including the GPS position, and keeps the picture", async () => {
    const withGps = await solid(64, 48)
      .jpeg()
      .withExif({
        IFD0: { Make: "PhoneCo", Model: "Newsroom 1" },
        IFD3: { GPSLatitudeRef: "N", GPSLatitude: "34/1 31/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "69/1 10/1 0/1" },
      })
      .toBuffer();
    const before = await exifr.gps(withGps);
    expect(before?.latitude).toBeCloseTo(34.5167, 3);
    const out = await processUpload(withGps, "kabul.jpg");
    expect(out).toMatchObject({ format: "jpeg", mimeType: "image/jpeg", ext: "jpg", width: 64, height: 48 });
    expect(await exifr.gps(out.data)).toBeUndefined();
    expect(await exifr.parse(out.data)).toBeUndefined();
    expect(out.storageKey).toBe(`${out.hash.slice(0, 32)}.jpg`);
  });

  it("turns a photo upright from its EXIF orientation", async () => {
    const sideways = await solid(60, 20).jpeg().withMetadata({ orientation: 6 }).toBuffer();
    const out = await processUpload(sideways, "sideways.jpg");
    expect([out.width, out.height]).toEqual([20, 60]);
  });

  it("keeps animated GIFs animated", async () => {
    const frame = (colour: string) => sharp({ create: { width: 8, height: 8, channels: 3, background: colour } }).png().toBuffer();
    const gif = await sharp(await Promise.all([frame("#f00"), frame("#0f0"), frame("#00f")]), { join: { animated: true } })
      .gif()
      .toBuffer();
    expect((await sniffImage(gif))?.pages).toBe(3);
    const out = await processUpload(gif, "a.gif");
    expect(out).toMatchObject({ format: "gif", width: 8, height: 8 });
    expect((await sniffImage(out.data))?.pages).toBe(3);
  });

  it("refuses a file that is not an image, naming it", async () => {
    await rejects(processUpload(Buffer.from("%PDF-1.7 …"), "report.jpg"), "bad_request", /“report\.jpg” is not a photo we can use/);
  });

  it("refuses files over the size limit before decoding them", async () => {
    await rejects(processUpload(Buffer.alloc(MEDIA_MAX_BYTES + 1), "huge.jpg"), "too_large", /“huge\.jpg” is 20\.0 MB; photos may be at most 20\.0 MB/);
  });

  it("refuses images over the pixel limit (a small file can hold a huge image)", async () => {
    const bomb = await solid(10_000, 6_000).png({ compressionLevel: 9 }).toBuffer();
    expect(bomb.byteLength).toBeLessThan(1_000_000);
    await rejects(processUpload(bomb, "bomb.png"), "too_large", /10000 × 6000 pixels; photos may be at most 50 megapixels/);
  });

  it("gives the same key to the same picture", async () => {
    const png = await solid(30, 30).png().toBuffer();
    const [a, b] = await Promise.all([processUpload(png, "a.png"), processUpload(png, "b.png")]);
    expect(a.storageKey).toBe(b.storageKey);
  });
});
