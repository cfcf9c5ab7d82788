/**
 * Cross-site request forgery on route handlers: a page on another site (a sibling subdomain
 * included) can make a signed-in person's browser send a POST with their cookies. Server
 * actions are checked by Next.js; route handlers that change state check here.
 *
 * The rule (the "Fetch Metadata" defence, https://web.dev/articles/fetch-metadata, and the
 * Origin check of OWASP's CSRF cheat sheet): a browser says where a request comes from in
 * `Sec-Fetch-Site`; only "same-origin" passes ("same-site" is a sibling origin, which is the
 * attack). Browsers without it send `Origin` on every cross-origin POST, which must then be
 * the site's own origin. A request with neither comes from no browser page (curl, a script
 * with its own credentials), which carries no one's cookies by accident.
 */

/** Why a request was refused, or null when it may go on. */
export function crossSiteRefusal(headers: Headers, allowedOrigins: string[]): string | null {
  const site = headers.get("sec-fetch-site");
  if (site) return site === "same-origin" ? null : `Sec-Fetch-Site: ${site}`;
  const origin = headers.get("origin");
  if (origin === null) return null;
  return allowedOrigins.includes(origin) ? null : `Origin: ${origin}`;
}

/**
 * The 403 answer for a state-changing request from another site, or null to go on.
 * @param request the route handler's request; its own origin and `siteOrigin` (SITE_URL's
 *   origin, as readers reach the site) are accepted.
 */
export function refuseCrossSite(request: Request, siteOrigin: string): Response | null {
  const why = crossSiteRefusal(request.headers, [siteOrigin, new URL(request.url).origin]);
  if (!why) return null;
  return Response.json({ error: "This request came from another site and was refused. Use the desk itself." }, { status: 403, headers: { "Cache-Control": "no-store" } });
}
