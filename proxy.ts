import { NextResponse, type NextRequest } from "next/server";
import { deskCsp, newNonce } from "@/lib/site/csp";

/**
 * Runs before routing.
 * - A path with a malformed percent-escape (e.g. "/news/%E0%A4%A") would make the router's
 *   own decoding throw a 500; it names nothing we have, so it is a clean 404.
 * - `/search?q=…` is rewritten to its cached results route (below).
 * - A visitor with no session cookie who asks for the desk is sent to /login with a relative
 *   return path. This is a courtesy, not the lock: every dashboard page and action loads the
 *   user from the database (lib/auth/viewer.ts).
 * - Desk, sign-in and sign-up pages get a Content-Security-Policy with a fresh nonce
 *   (lib/site/csp.ts); Next reads it from the request and puts it on its own scripts.
 */
const SESSION_COOKIES = ["authjs.session-token", "__Secure-authjs.session-token"];

/** Longer than the 200 characters search reads (lib/search/query.ts), so it can tell it was cut. */
const SEARCH_PATH_MAX_CHARS = 400;

/** base64url (RFC 4648 §5, no padding) of the UTF-8 bytes of `text`. */
function toBase64Url(text: string): string {
  let binary = "";
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  try {
    decodeURIComponent(pathname);
  } catch {
    return NextResponse.rewrite(new URL("/__not-found", request.url), { status: 404 });
  }
  // The front page lives at /front/latest behind a rewrite of "/" (next.config.ts); asked
  // for directly, it answers from its one address.
  if (pathname.startsWith("/front/") || pathname === "/front") return NextResponse.redirect(new URL("/", request.url), 308);
  // Searches with words go to the cached results route (app/(site)/search/q/[q]/[page]): the
  // words become one path segment (base64url of their UTF-8, so no percent-decoding of route
  // parameters can change them), the page number another, and nothing else of the query
  // string is kept, so one search is one cache entry. Words past SEARCH_PATH_MAX_CHARS are
  // dropped here; the page still sees that the search was too long and says so.
  if (pathname === "/search" && (request.method === "GET" || request.method === "HEAD")) {
    const q = request.nextUrl.searchParams.get("q")?.trim();
    if (q) {
      const page = /^[1-9][0-9]{0,3}$/.test(request.nextUrl.searchParams.get("page") ?? "") ? request.nextUrl.searchParams.get("page")! : "1";
      const target = new URL(`/search/q/${toBase64Url(Array.from(q).slice(0, SEARCH_PATH_MAX_CHARS).join(""))}/${page}`, request.url);
      return NextResponse.rewrite(target);
    }
  }
  // Only page loads are redirected: a server action (POST) must reach the server and answer
  // "your session has ended" itself, so the editor can keep the text and say so.
  if (request.method === "GET" && pathname.startsWith("/dashboard") && !SESSION_COOKIES.some((c) => request.cookies.has(c))) {
    const login = request.nextUrl.clone();
    login.pathname = "/login";
    login.search = `?next=${encodeURIComponent(pathname + search)}`;
    return NextResponse.redirect(login);
  }
  if (DESK_PAGES.test(pathname)) {
    const csp = deskCsp(newNonce(), process.env.NODE_ENV === "development");
    const headers = new Headers(request.headers);
    headers.set("content-security-policy", csp);
    const response = NextResponse.next({ request: { headers } });
    response.headers.set("content-security-policy", csp);
    return response;
  }
  return NextResponse.next();
}

/** Pages rendered by Next with its scripts, for people on the staff. */
const DESK_PAGES = /^\/(dashboard|login|signup)(\/|$)/;

export const config = {
  // Only where there is work to do: running the proxy costs a cached reader page about half
  // its throughput (measured: 2,440 → 1,150 requests/s), so story, section and byline pages
  // skip it. Slugs are ASCII (lib/stories/slug.ts), so a reader path with a "%" is either a
  // bad address or an old percent-encoded one; those pass through the decode check above.
  // Photo and WordPress uploads and photo files never enter (the proxy would buffer bodies).
  matcher: ["/dashboard/:path*", "/login/:path*", "/signup/:path*", "/front/:path*", "/search", "/((?!_next/static|_next/image|api/media|api/import|media/).*%.*)"],
};
