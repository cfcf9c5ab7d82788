import { defineConfig } from "drizzle-kit";

/** drizzle-kit generates SQL migrations from db/schema into db/migrations (committed). */
export default defineConfig({
  dialect: "postgresql",
  schema: "./db/schema/index.ts",
  out: "./db/migrations",
  strict: true,
  verbose: true,
});
