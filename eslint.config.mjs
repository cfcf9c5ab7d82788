import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * ESLint flat config: Next's recommended rules plus TypeScript, and the project's boundaries.
 *
 * Layers import one way: app → components → lib → db. Components are shared by routes, so they
 * receive server actions as props instead of importing a route's; lib is the newsroom's rules
 * and never depends on how they are shown; db is schema, migrations and the client. Reader
 * routes ship no desk code.
 */
const appImports = { group: ["@/app/*", "**/app/*"], message: "Only app/ imports from app/: pass server actions and data in as props." };
const componentImports = { group: ["@/components/*", "**/components/*"], message: "lib/ holds rules, not presentation: components import lib, never the reverse." };
const libImports = { group: ["@/lib/*", "**/lib/*"], message: "db/ is schema, migrations and the client: it imports nothing from lib/." };
const deskImports = {
  group: [
    "@/components/editor/*",
    "@/components/dashboard/*",
    "@/components/media/*",
    "@/app/(dashboard)/*",
    "@/lib/stories/desk",
    "@/lib/stories/presence",
    "@/lib/stories/revisions",
    "@/lib/import/*",
    "@/lib/users/admin",
    "@/lib/users/invites",
  ],
  message: "Reader pages ship no desk code.",
};
// Reader pages are plain HTML rendered on the server (components/site/render.tsx): Next's
// client-side pieces would either do nothing there or pull the framework's runtime back in.
const clientRuntimeImports = {
  group: ["next/link", "next/image", "next/navigation", "next/script", "next/head", "next/dynamic", "next/form"],
  message: "Reader pages are plain HTML: use <a>, <img> (components/site/story-photo.tsx) and ReaderPage results (redirect, not found).",
};
const testFiles = ["**/*.test.ts", "**/*.int.test.ts", "e2e/**", "test/**", "bench/**"];

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "data/**", "test-results/**", "playwright-report/**", "db/migrations/**", "next-env.d.ts"] },
  { files: ["components/**"], rules: { "no-restricted-imports": ["error", { patterns: [appImports] }] } },
  { files: ["lib/**"], rules: { "no-restricted-imports": ["error", { patterns: [appImports, componentImports] }] } },
  { files: ["db/**"], rules: { "no-restricted-imports": ["error", { patterns: [appImports, componentImports, libImports] }] } },
  {
    files: ["app/(site)/**", "components/site/**"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [appImports, deskImports, clientRuntimeImports] }],
      // Plain <a>, <img> and <head> are what these pages are made of (see clientRuntimeImports).
      "@next/next/no-html-link-for-pages": "off",
      "@next/next/no-img-element": "off",
      "@next/next/no-head-element": "off",
    },
  },
  // Small pieces: a page or component file under 400 lines, a lib function under 120.
  { files: ["app/**/*.ts", "app/**/*.tsx", "components/**/*.ts", "components/**/*.tsx"], ignores: testFiles, rules: { "max-lines": ["error", { max: 400 }] } },
  {
    files: ["lib/**/*.ts"],
    ignores: [...testFiles, "lib/demo/content.ts"],
    rules: { "max-lines-per-function": ["error", { max: 120, skipBlankLines: false, skipComments: false }] },
  },
];
export default config;
