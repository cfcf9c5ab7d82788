/**
 * "Known device" cookies (OWASP Authentication Cheat Sheet, "Device Cookies"): a browser that
 * signed in to an account before carries a signed token for it. Failed attempts from unknown
 * devices can then hold an account without locking out its owner, who signs in from a
 * known device under a separate, per-device limit.
 */
import { createHmac, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

export const DEVICE_COOKIE = "newsroom_device";
export const DEVICE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

function key(): string {
  // AUTH_SECRET is required in production (Auth.js refuses to start without it).
  return `${env().AUTH_SECRET ?? "development-only-secret"}:device-cookie`;
}

/** The device token for an account (by normalised e-mail). */
export function deviceToken(email: string): string {
  return createHmac("sha256", key()).update(email).digest("base64url");
}

/** True when `token` is this install's device token for `email` (constant time). */
export function isDeviceTokenFor(token: string | undefined | null, email: string): boolean {
  if (!token) return false;
  const a = Buffer.from(token);
  const b = Buffer.from(deviceToken(email));
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads one cookie from a Cookie header. */
export function readCookie(header: string | null, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return undefined;
}
