/**
 * The edge-safe half of the Auth.js (v5) setup: no database, no Node APIs, so `proxy.ts` can
 * use it to send signed-out visitors to /login. It is not the lock: every dashboard page and
 * action loads the user from the database (lib/auth/viewer.ts).
 *
 * Sessions are JWT cookies holding only the user id and the session version; role and
 * account status are read from the database on every request, so a demotion or deactivation
 * bites at once (a plain JWT cannot be revoked: https://github.com/nextauthjs/next-auth/issues/662).
 */
import type { NextAuthConfig } from "next-auth";

declare module "next-auth" {
  interface User {
    sessionVersion?: number;
    /** The server-side session row of this sign-in (lib/auth/sessions.ts). */
    sessionId?: string;
  }
  interface Session {
    sessionVersion?: number;
    sessionId?: string;
  }
}

/** Session lifetime: one working day. */
export const SESSION_MAX_AGE_SECONDS = 12 * 60 * 60;

/**
 * Whether session cookies must be `Secure` (and `__Secure-` prefixed): always when the site's
 * public address is https, whatever the request says (behind a proxy that does not send
 * X-Forwarded-Proto, Auth.js would otherwise take the request for plain http and set the
 * cookie without `Secure`). Otherwise undefined: Auth.js decides from the request.
 * @param siteUrl SITE_URL.
 */
export function secureCookiesFor(siteUrl: string | undefined): true | undefined {
  return siteUrl?.trim().toLowerCase().startsWith("https://") ? true : undefined;
}

export const authConfig = {
  trustHost: true,
  useSecureCookies: secureCookiesFor(process.env.SITE_URL),
  pages: { signIn: "/login" },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  providers: [],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.sub = user.id;
        token.sv = user.sessionVersion ?? 1;
        token.sid = user.sessionId;
        // Nothing else: name, e-mail and role are read fresh from the database.
        delete token.name;
        delete token.email;
        delete token.picture;
      }
      return token;
    },
    session({ session, token }) {
      if (token.sub) session.user = { ...session.user, id: token.sub };
      session.sessionVersion = typeof token.sv === "number" ? token.sv : 0;
      session.sessionId = typeof token.sid === "string" ? token.sid : undefined;
      return session;
    },
  },
  logger: {
    // A wrong password is not a server error.
    error(error) {
      const name = (error as { type?: string }).type ?? error.name;
      if (name === "CredentialsSignin") return;
      console.error(error);
    },
  },
} satisfies NextAuthConfig;
