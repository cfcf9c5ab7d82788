/**
 * The database's own settings, validated with zod: `DATABASE_URL` selects a PostgreSQL server;
 * without it the embedded database lives under `DATA_DIR`. lib/env composes this schema into
 * the application's environment, so both read one definition.
 */
import { z } from "zod";

/** An optional URL: empty means unset; otherwise it must match `pattern` (`message` if not). */
export const optionalUrl = (pattern: RegExp, message: string) =>
  z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || pattern.test(v), { message });

/** The database variables of the environment. */
export const databaseEnvSchema = z.object({
  DATABASE_URL: optionalUrl(/^postgres(ql)?:\/\//, "must start with postgres:// or postgresql://"),
  DATA_DIR: z.string().trim().min(1).default("./data"),
});

/** Where this process's database is, from `source` (default `process.env`). @throws ZodError */
export function databaseConfig(source: Record<string, string | undefined> = process.env): z.infer<typeof databaseEnvSchema> {
  return databaseEnvSchema.parse(source);
}
