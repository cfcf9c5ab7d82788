/**
 * Builds the reader stylesheet: app/reader.css through Tailwind (the same PostCSS plugin Next
 * uses for the desk), minified, to .next/reader/site.css, which reader pages link
 * (components/site/render.tsx). Runs after `next build` (`npm run build`), which empties .next.
 * `--watch` rebuilds when reader code or styles change (`npm run dev`).
 */
import fs from "node:fs";
import path from "node:path";
import postcss from "postcss";
import tailwind from "@tailwindcss/postcss";

const root = path.resolve(import.meta.dirname, "..");
const input = path.join(root, "app", "reader.css");
const output = path.join(root, ".next", "reader", "site.css");

async function build() {
  const started = Date.now();
  const result = await postcss([tailwind({ base: root, optimize: { minify: true } })]).process(fs.readFileSync(input, "utf8"), { from: input });
  fs.mkdirSync(path.dirname(output), { recursive: true });
  fs.writeFileSync(output, result.css);
  console.log(`reader stylesheet: ${path.relative(root, output)}, ${(Buffer.byteLength(result.css) / 1024).toFixed(1)} KB, ${Date.now() - started} ms`);
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
