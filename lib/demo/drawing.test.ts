/**
 * The demo illustrations: every drawing renders to a valid JPEG of the expected size that the
 * media library accepts as an upload, the same drawing gives the same bytes (so seeding again
 * finds the photo it uploaded before), and each is a picture, not a flat fill.
 */
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { processUpload } from "@/lib/media/process";
import { demoStories } from "./content";
import { H, W, renderJpeg, rng } from "./drawing";
import { demoPhotos } from "./photos";

describe("demo illustrations", () => {
  it.each(demoPhotos.map((photo) => ({ name: photo.fileName, photo })))("$name renders to a 1600 × 900 JPEG the library accepts", async ({ photo }) => {
    const { data, width, height } = await renderJpeg(photo.draw());
    expect([width, height]).toEqual([W, H]);
    expect(W).toBeGreaterThanOrEqual(1600);
    const meta = await sharp(data).metadata();
    expect(meta).toMatchObject({ format: "jpeg", width: 1600, height: 900 });
    const stored = await processUpload(data, photo.fileName);
    expect(stored).toMatchObject({ mimeType: "image/jpeg", width: 1600, height: 900 });
    // A drawing, not a blank: its colours vary across the frame.
    const stats = await sharp(data).stats();
    expect(Math.max(...stats.channels.map((c) => c.stdev))).toBeGreaterThan(20);
  });

  it("draws the same picture every time", async () => {
    const photo = demoPhotos[0]!;
    expect(photo.draw()).toBe(photo.draw());
    expect((await renderJpeg(photo.draw())).data.equals((await renderJpeg(photo.draw())).data)).toBe(true);
  });

  it("gives each photo a story of its own, with alt text and caption, and leaves some stories without", () => {
    const slugs = demoPhotos.map((p) => p.storySlug);
    expect(new Set(slugs).size).toBe(slugs.length);
    for (const p of demoPhotos) {
      expect(demoStories.some((s) => s.slug === p.storySlug)).toBe(true);
      expect(p.altText.length).toBeGreaterThan(40);
      expect(p.caption).not.toBe("");
    }
    expect(demoStories.filter((s) => !slugs.includes(s.slug)).length).toBeGreaterThanOrEqual(1);
  });

  it("has a seeded random source that repeats and stays in [0, 1)", () => {
    const a = rng(7);
    const b = rng(7);
    const xs = Array.from({ length: 100 }, () => a());
    expect(xs).toEqual(Array.from({ length: 100 }, () => b()));
    expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
  });
});
