import { NextResponse, type NextRequest } from "next/server";

/**
 * Runs before routing. A path with a malformed percent-escape (e.g. "/news/%E0%A4%A") makes
 * the router's own decoding throw a 500; it names nothing we have, so it is answered as a
 * clean 404 instead.
 */
export function proxy(request: NextRequest) {
  try {
    decodeURIComponent(request.nextUrl.pathname);
  } catch {
    return NextResponse.rewrite(new URL("/__not-found", request.url), { status: 404 });
  }
  return NextResponse.next();
}

export const config = {
  // Static assets never need the check.
  matcher: ["/((?!_next/static|_next/image|favicon.ico).*)"],
};
