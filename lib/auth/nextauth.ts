/**
 * The full Auth.js (v5) setup: e-mail + password through lib/auth/credentials.ts.
 * Auth.js v5 stayed in beta and is in maintenance, so nothing outside lib/auth imports it:
 * pages and actions use `getViewer`/`requireViewer`, `signInWithPassword`, `signOutViewer`.
 */
import "server-only";
import { startSession } from "./sessions";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
import { normalizeEmail, verifyCredentials } from "./credentials";
import { DEVICE_COOKIE, isDeviceTokenFor, readCookie } from "./device";

/** Thrown from `authorize` when the account or address is held; `code` carries the wait. */
export class RateLimitedSignin extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `rate_limited:${retryAfterSeconds}`;
  }
}

/**
 * The client address for rate limiting, as the production server decided it from the socket
 * and TRUSTED_PROXIES (scripts/client-address.mjs) and passed in its own header, which it
 * overwrites on every request: a client's X-Forwarded-For is never read here. Without that
 * server (next dev) every client counts as "unknown".
 */
export function clientIp(headers: Headers): string {
  return headers.get("x-newsroom-client-address") || "unknown";
}

export const { handlers, auth, signIn, signOut } = NextAuth({
  ...authConfig,
  providers: [
    Credentials({
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const email = typeof credentials?.email === "string" ? credentials.email : "";
        const password = typeof credentials?.password === "string" ? credentials.password : "";
        if (!email || !password || password.length > 512) return null;
        const knownDevice = isDeviceTokenFor(readCookie(request.headers.get("cookie"), DEVICE_COOKIE), normalizeEmail(email));
        const result = await verifyCredentials(email, password, clientIp(request.headers), new Date(), { knownDevice });
        if (result.ok) return { id: result.user.id, sessionVersion: result.user.sessionVersion, sessionId: await startSession(result.user.id) };
        if (result.reason === "rate_limited") throw new RateLimitedSignin(result.retryAfterSeconds);
        return null;
      },
    }),
  ],
});
