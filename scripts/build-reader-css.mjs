/**
 * Builds the reader stylesheet: app/reader.css through Tailwind (the same PostCSS plugin Next
 * uses for the desk), minified, to .next/reader/site.css, which reader pages link
 * (components/site/render.tsx). Runs after `next build` (`npm run build`), which empties .next.
 * `--watch` rebuilds when reader code or styles change (`npm run dev`).
 *
 * It also takes the Arabic-script web font from its npm package: the Arabic subset of
 * Vazirmatn (@fontsource-variable/vazirmatn, SIL Open Font License 1.1), one variable-weight
 * WOFF2, copied to .next/reader/fonts/ under a name with its content hash (served by
 * app/assets like the stylesheet), with its `@font-face` rule, which carries the subset's
 * unicode-range from the package's unicode.json, added to the stylesheet.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import postcss from "postcss";
import tailwind from "@tailwindcss/postcss";

const root = path.resolve(import.meta.dirname, "..");
const input = path.join(root, "app", "reader.css");
const output = path.join(root, ".next", "reader", "site.css");
const fontDir = path.join(root, ".next", "reader", "fonts");
const fontPackage = path.join(root, "node_modules", "@fontsource-variable", "vazirmatn");

/**
 * Copies the font's Arabic subset to .next/reader/fonts/vazirmatn-arabic-<hash>.woff2 (only
 * that file there) and returns its @font-face rule. The family name is the one app/reader.css
 * puts first for Arabic-script text.
 */
function buildFont() {
  const woff2 = fs.readFileSync(path.join(fontPackage, "files", "vazirmatn-arabic-wght-normal.woff2"));
  const { arabic } = JSON.parse(fs.readFileSync(path.join(fontPackage, "unicode.json"), "utf8"));
  const name = `vazirmatn-arabic-${createHash("sha256").update(woff2).digest("base64url").slice(0, 16)}.woff2`;
  fs.rmSync(fontDir, { recursive: true, force: true });
  fs.mkdirSync(fontDir, { recursive: true });
  fs.writeFileSync(path.join(fontDir, name), woff2);
  return {
    name,
    bytes: woff2.length,
    css: `@font-face{font-family:"Vazirmatn Variable";font-style:normal;font-display:swap;font-weight:100 900;src:url(/assets/${name}) format("woff2");unicode-range:${arabic}}`,
  };
}

async function build() {
  const started = Date.now();
  const font = buildFont();
  const result = await postcss([tailwind({ base: root, optimize: { minify: true } })]).process(fs.readFileSync(input, "utf8"), { from: input });
  const css = font.css + result.css;
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, css);
  console.log(`reader stylesheet: ${path.relative(root, output)}, ${(Buffer.byteLength(css) / 1024).toFixed(1)} KB, font ${font.name}, ${(font.bytes / 1024).toFixed(1)} KB, ${Date.now() - started} ms`);
}

await build();
if (process.argv.includes("--watch")) {
  let timer = null;
  const again = () => {
    clearTimeout(timer);
    timer = setTimeout(() => build().catch((e) => console.error(`reader stylesheet: ${e.message}`)), 100);
  };
  for (const dir of ["app", "components/site"]) fs.watch(path.join(root, dir), { recursive: true }, again);
}
