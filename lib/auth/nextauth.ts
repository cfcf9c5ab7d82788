/**
 * The full Auth.js (v5) setup: e-mail + password through lib/auth/credentials.ts.
 * Auth.js v5 stayed in beta and is in maintenance, so nothing outside lib/auth imports it:
 * pages and actions use `getViewer`/`requireViewer`, `signInWithPassword`, `signOutViewer`.
 */
import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { authConfig } from "./config";
import { verifyCredentials } from "./credentials";

/** Thrown from `authorize` when the account or address is held; `code` carries the wait. */
export class RateLimitedSignin extends CredentialsSignin {
  constructor(retryAfterSeconds: number) {
    super();
    this.code = `rate_limited:${retryAfterSeconds}`;
  }
}

/** The client address as the server sees it: the first X-Forwarded-For hop (set by Next or the proxy). */
export function clientIp(headers: Headers): string {
  const forwarded = headers.get("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || headers.get("x-real-ip") || "unknown";
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
        const result = await verifyCredentials(email, password, clientIp(request.headers));
        if (result.ok) return { id: result.user.id, sessionVersion: result.user.sessionVersion };
        if (result.reason === "rate_limited") throw new RateLimitedSignin(result.retryAfterSeconds);
        return null;
      },
    }),
  ],
});
