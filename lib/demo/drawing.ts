/**
 * A small drawing kit for the demo newsroom's illustrations: SVG building blocks (gradients,
 * ridgelines, hills, people, houses) written as strings, and the render to JPEG with sharp.
 * Pure and deterministic: the same scene gives the same bytes, so seeding again finds the
 * same photo in the library instead of adding a copy.
 */
import sharp from "sharp";

/** Width of every demo illustration, in pixels. */
export const W = 1600;
/** Height of every demo illustration, in pixels (16:9). */
export const H = 900;

/**
 * A seeded pseudo-random generator (mulberry32).
 * @param seed any 32-bit integer. @returns a function giving numbers in [0, 1).
 */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One decimal place is plenty for pixels, and keeps the SVG small. */
export const n = (v: number): string => (Math.round(v * 10) / 10).toString();

/** A colour stop: offset 0–1, colour, optional opacity 0–1. */
export type Stop = [number, string, number?];

const stops = (list: Stop[]) =>
  list.map(([o, c, a]) => `<stop offset="${o}" stop-color="${c}"${a === undefined ? "" : ` stop-opacity="${a}"`}/>`).join("");

/**
 * A linear gradient from (x1, y1) to (x2, y2): in pixels, or with `box` in fractions of the
 * filled shape's bounding box.
 * @returns a `<linearGradient>` element for the document's defs.
 */
export function linear(id: string, list: Stop[], x1: number, y1: number, x2: number, y2: number, box = false): string {
  return `<linearGradient id="${id}" gradientUnits="${box ? "objectBoundingBox" : "userSpaceOnUse"}" x1="${n(x1)}" y1="${n(y1)}" x2="${n(x2)}" y2="${n(y2)}">${stops(list)}</linearGradient>`;
}

/**
 * A radial gradient centred at (cx, cy) with radius r: in pixels, or with `box` in fractions
 * of the filled shape's bounding box.
 * @returns a `<radialGradient>` element for the document's defs.
 */
export function radial(id: string, list: Stop[], cx: number, cy: number, r: number, box = false): string {
  return `<radialGradient id="${id}" gradientUnits="${box ? "objectBoundingBox" : "userSpaceOnUse"}" cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}">${stops(list)}</radialGradient>`;
}

/** A whole SVG document of W × H pixels from its defs and drawing, in painting order. */
export function svgDocument(defs: string[], body: string[]): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}"><defs>${defs.join("")}</defs>${body.join("")}</svg>`;
}

/** A full-frame rectangle filled with `fill` (a colour or `url(#id)`). */
export function backdrop(fill: string): string {
  return `<rect width="${W}" height="${H}" fill="${fill}"/>`;
}

/**
 * A jagged mountain ridge across the frame (midpoint displacement), filled down to the bottom.
 * @param y the ridge's mean height in pixels; @param amp how far peaks rise above it.
 * @returns a `<path>` element.
 */
export function ridge(r: () => number, y: number, amp: number, fill: string, detail = 6): string {
  const count = 2 ** detail;
  const ys: number[] = Array.from({ length: count + 1 }, () => y);
  ys[0] = y - amp * r();
  ys[count] = y - amp * r();
  for (let step = count; step > 1; step /= 2) {
    const spread = amp * (step / count) * 1.6;
    for (let i = step / 2; i < count; i += step) ys[i] = (ys[i - step / 2]! + ys[i + step / 2]!) / 2 - spread * (r() - 0.35);
  }
  const pts = ys.map((v, i) => `${n(-20 + ((W + 40) * i) / count)},${n(Math.min(v, y + amp * 0.3))}`);
  return `<path d="M${pts.join(" L")} L${W + 20},${H} L-20,${H} Z" fill="${fill}"/>`;
}

/**
 * A smooth rolling hill line across the frame, filled down to the bottom.
 * @param y mean height; @param amp wave height; @param waves how many swells across the frame.
 * @returns a `<path>` element.
 */
export function hill(y: number, amp: number, waves: number, phase: number, fill: string): string {
  const pts: string[] = [];
  for (let i = 0; i <= 48; i++) {
    const x = -20 + ((W + 40) * i) / 48;
    pts.push(`${n(x)},${n(y + amp * Math.sin((i / 48) * waves * Math.PI * 2 + phase) + amp * 0.4 * Math.sin((i / 48) * waves * 5.3 + phase * 2))}`);
  }
  return `<path d="M${pts.join(" L")} L${W + 20},${H} L-20,${H} Z" fill="${fill}"/>`;
}

/** Colours of a drawn person. */
export interface Clothes {
  /** Tunic or coat. */
  body: string;
  /** Trousers. */
  legs: string;
  skin?: string;
  /** Hair, cap or scarf. */
  head?: string;
}

/**
 * A standing person, flat and simple, feet at (x, y), `h` pixels tall.
 * @returns a `<g>` element.
 */
export function person(x: number, y: number, h: number, c: Clothes): string {
  const s = h / 100;
  const skin = c.skin ?? "#c68e62";
  const head = c.head ?? "#2b2321";
  return (
    `<g transform="translate(${n(x)},${n(y)}) scale(${s.toFixed(3)})">` +
    `<rect x="-9" y="-46" width="7" height="46" rx="3" fill="${c.legs}"/><rect x="2" y="-46" width="7" height="46" rx="3" fill="${c.legs}"/>` +
    `<path d="M-14,-82 Q0,-88 14,-82 L17,-30 Q0,-26 -17,-30 Z" fill="${c.body}"/>` +
    `<rect x="-4" y="-90" width="8" height="8" fill="${skin}"/>` +
    `<circle cx="0" cy="-93" r="8" fill="${skin}"/>` +
    `<path d="M-8.5,-93 A8.5,8.5 0 0 1 8.5,-93 L8.5,-96 Q0,-104 -8.5,-96 Z" fill="${head}"/>` +
    `</g>`
  );
}

/**
 * A seated or standing figure seen from behind at head-and-shoulders height (an audience).
 * @returns a `<path>` element with its top at (x, y), `w` pixels wide.
 */
export function backView(x: number, y: number, w: number, fill: string): string {
  const r = w * 0.22;
  return (
    `<path d="M${n(x - w / 2)},${n(y + w * 1.4)} Q${n(x - w / 2)},${n(y + r * 2.2)} ${n(x - r * 0.7)},${n(y + r * 2)} ` +
    `A${n(r)},${n(r * 1.1)} 0 1 1 ${n(x + r * 0.7)},${n(y + r * 2)} Q${n(x + w / 2)},${n(y + r * 2.2)} ${n(x + w / 2)},${n(y + w * 1.4)} Z" fill="${fill}"/>`
  );
}

/**
 * A flat-roofed house seen from the front: a block with a door and windows.
 * @param lit window colour. @returns a `<g>` element; (x, y) is its bottom-left corner.
 */
export function house(x: number, y: number, w: number, h: number, wall: string, lit: string, r: () => number): string {
  const parts = [`<rect x="${n(x)}" y="${n(y - h)}" width="${n(w)}" height="${n(h)}" fill="${wall}"/>`];
  parts.push(`<rect x="${n(x - w * 0.03)}" y="${n(y - h - h * 0.06)}" width="${n(w * 1.06)}" height="${n(h * 0.08)}" fill="${wall}" fill-opacity="0.75"/>`);
  const cols = Math.max(1, Math.round(w / (h * 0.55)));
  for (let i = 0; i < cols; i++) {
    const cx = x + (w * (i + 0.5)) / cols;
    const ww = Math.min((w / cols) * 0.4, h * 0.25);
    if (r() < 0.8) parts.push(`<rect x="${n(cx - ww / 2)}" y="${n(y - h * 0.72)}" width="${n(ww)}" height="${n(h * 0.24)}" fill="${lit}"/>`);
  }
  if (r() < 0.6) parts.push(`<rect x="${n(x + w * 0.12)}" y="${n(y - h * 0.38)}" width="${n(Math.min(w * 0.18, h * 0.25))}" height="${n(h * 0.38)}" fill="#3b2a22" fill-opacity="0.7"/>`);
  return `<g>${parts.join("")}</g>`;
}

/** A Lombardy poplar (tall, narrow), trunk foot at (x, y), `h` pixels tall. @returns a `<g>` element. */
export function poplar(x: number, y: number, h: number, fill: string): string {
  const w = h * 0.16;
  return `<g><rect x="${n(x - h * 0.012)}" y="${n(y - h * 0.2)}" width="${n(h * 0.024)}" height="${n(h * 0.2)}" fill="#4a3b2c"/><ellipse cx="${n(x)}" cy="${n(y - h * 0.58)}" rx="${n(w / 2)}" ry="${n(h * 0.44)}" fill="${fill}"/></g>`;
}

/**
 * Renders an SVG document to a JPEG, the way a photographer's file would arrive.
 * @returns the JPEG bytes and their size in pixels. @throws when the SVG is not valid.
 */
export async function renderJpeg(svg: string): Promise<{ data: Buffer; width: number; height: number }> {
  const { data, info } = await sharp(Buffer.from(svg)).jpeg({ quality: 92, chromaSubsampling: "4:4:4" }).toBuffer({ resolveWithObject: true });
  return { data, width: info.width, height: info.height };
}
