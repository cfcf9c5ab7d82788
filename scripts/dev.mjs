/**
 * `npm run dev [-- next dev options]`: Next's development server, with the reader stylesheet
 * rebuilt whenever reader code or styles change (scripts/build-reader-css.mjs --watch).
 * Generates AUTH_SECRET into .env.local when missing.
 */
import { spawn } from "node:child_process";
import path from "node:path";
import { ensureAuthSecret } from "./ensure-secret.mjs";

const root = path.resolve(import.meta.dirname, "..");
ensureAuthSecret(root);
const css = spawn(process.execPath, [path.join(root, "scripts", "build-reader-css.mjs"), "--watch"], { cwd: root, stdio: "inherit" });
const next = spawn(path.join(root, "node_modules", ".bin", "next"), ["dev", ...process.argv.slice(2)], { cwd: root, stdio: "inherit" });
const stop = (sig) => {
  css.kill(sig);
  next.kill(sig);
};
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => stop(sig));
next.on("exit", (code) => {
  css.kill();
  process.exit(code ?? 0);
});
