/**
 * Environment, validated once with zod (the variables are listed in the README, "Configuration").
 * The database's variables are defined beside the database (db/config.ts) and composed here.
 *
 * Returns a frozen object; throws `EnvError` with one line per bad variable so a
 * misconfigured server stops at start with a message a person can act on.
 */
import { z } from "zod";
import { databaseEnvSchema, optionalUrl } from "@/db/config";

const schema = databaseEnvSchema.extend({
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SITE_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v.replace(/\/+$/, "") : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^/]+/.test(v), { message: "must be an absolute http(s) URL" }),
  AUTH_SECRET: z.string().optional(),
  DEMO_PASSWORD: z.string().min(8, "must be at least 8 characters").default("newsroom-demo"),
  /** Internal secret for the scheduled-revalidation route; generated when missing. */
  REVALIDATE_SECRET: z.string().optional(),
  /** Photos in an S3-compatible bucket when set; otherwise on disk under DATA_DIR/media. */
  S3_BUCKET: z.string().trim().optional().transform((v) => (v ? v : undefined)),
  S3_ENDPOINT: optionalUrl(/^https?:\/\/[^/]+/, "must be an http(s) URL"),
  S3_REGION: z.string().trim().default("us-east-1"),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Path-style bucket URLs (MinIO and most self-hosted stores); "false" for virtual-host style. */
  S3_FORCE_PATH_STYLE: z.enum(["true", "false"]).default("true"),
  S3_PREFIX: z.string().default("media/"),
  /** Next's cache in this Redis, shared by every instance (lib/cache/shared-cache-handler.mjs). */
  REDIS_URL: optionalUrl(/^rediss?:\/\/[^/]+/, "must start with redis:// or rediss://"),
  REDIS_KEY_PREFIX: z.string().optional(),
  /** Requests per minute each content API key may make (lib/api/rate-limit.ts). */
  API_RATE_LIMIT: z.coerce.number().int().min(1, "must be at least 1").max(1_000_000).default(600),
  /**
   * How this server reaches itself for internal calls (the scheduler's expiry route), when
   * `http://127.0.0.1:$PORT` is wrong (a container's own address, say).
   */
  INTERNAL_URL: optionalUrl(/^https?:\/\/[^/]+/, "must be an http(s) URL"),
  /**
   * The mail server (lib/mail/transport.ts): `smtp://user:password@host:587` (STARTTLS when
   * the server offers it), `smtps://…:465` (TLS from the start) or `smtp://host:25` without
   * login. Unset: mail is kept in the outbox, not sent, and printed to the server log.
   */
  SMTP_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isSmtpUrl(v), { message: "must be a URL like smtp://user:password@mail.example.org:587 or smtps://mail.example.org:465" }),
  /**
   * The From of every message (RFC 5322 §3.4 mailbox): `news@example.org` or
   * `"The Kabul Lantern" <news@example.org>`. Unset: the site's name and no-reply@ SITE_URL's host.
   */
  MAIL_FROM: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || isMailbox(v), { message: 'must be an address, e.g. news@example.org or "The Kabul Lantern" <news@example.org>' }),
  /**
   * "1": outgoing webhooks (lib/webhooks/worker.ts) may be sent to loopback, private and
   * link-local addresses (an intranet receiver run by a trusted operator). Unset or "0": only
   * public addresses, checked when the connection is made, so an admin's URL cannot reach the
   * server's own network (cloud metadata, databases).
   */
  WEBHOOK_ALLOW_PRIVATE: z.enum(["0", "1"]).default("0"),
});

/** True for an smtp:// or smtps:// URL with a host (the forms nodemailer's SMTP transport takes). */
function isSmtpUrl(value: string): boolean {
  if (!URL.canParse(value)) return false;
  const u = new URL(value);
  return (u.protocol === "smtp:" || u.protocol === "smtps:") && u.hostname !== "";
}

/**
 * True for one mailbox as a From header holds it (RFC 5322 §3.4): `local@domain`, or a display
 * name then `<local@domain>`. No line breaks (they would start a new header), one address.
 */
function isMailbox(value: string): boolean {
  if (/[\r\n]/.test(value)) return false;
  const addrSpec = "[^\\s@<>,;\"]+@[^\\s@<>,;\"]+\\.[^\\s@<>,;\"]+|[^\\s@<>,;\"]+@localhost";
  return new RegExp(`^(?:${addrSpec})$`).test(value) || new RegExp(`^(?:"[^"]*"|[^"<>@,;]+)\\s*<(?:${addrSpec})>$`).test(value);
}

export type Env = Readonly<z.infer<typeof schema>>;

/** Thrown when an environment variable has a bad value. */
export class EnvError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "EnvError";
  }
}

let cached: Env | undefined;

/**
 * Reads and validates `process.env` (or the given source, for tests).
 * @throws EnvError naming every variable with a bad value.
 */
export function readEnv(source: Record<string, string | undefined> = process.env): Env {
  const parsed = schema.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new EnvError(`Invalid environment configuration:\n${lines.join("\n")}`);
  }
  return Object.freeze(parsed.data);
}

/** The validated environment of this process, read once. @throws EnvError */
export function env(): Env {
  cached ??= readEnv();
  return cached;
}

/** The site's absolute origin for feeds and metadata, without a trailing slash. */
export function siteUrl(): string {
  const e = env();
  return e.SITE_URL ?? `http://localhost:${e.PORT}`;
}
