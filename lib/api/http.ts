/**
 * The content API's HTTP rules, shared by every `/api/v1` route:
 * - CORS: GET from any origin (`Access-Control-Allow-Origin: *`; the key, not a cookie,
 *   authorises, so no credentials mode); preflight OPTIONS is answered without a key
 *   (browsers send none on it: https://fetch.spec.whatwg.org/#cors-preflight-fetch);
 * - a key in `Authorization: Bearer <key>`; none or a bad one → 401 with
 *   `WWW-Authenticate: Bearer` (RFC 6750 §3) and a JSON error;
 * - a rate limit per key (lib/api/rate-limit.ts) → 429 with `Retry-After`, and the
 *   `RateLimit-Limit` / `RateLimit-Remaining` / `RateLimit-Reset` fields on every answer;
 * - JSON bodies with a strong `ETag` (SHA-256 of the bytes); `If-None-Match` that matches → 304
 *   with no body (RFC 9110 §13.1.2);
 * - `Cache-Control: private, max-age=60`: clients may keep an answer as long as a reader page
 *   is fresh (60 s), and revalidate it cheaply by ETag after that. Not `public` or `s-maxage`,
 *   which would let a shared cache hand a keyed answer to requests without a key
 *   (RFC 9111 §3.5);
 * - errors as `{ "error": "…" }` with their status, never a stack trace.
 */
import "server-only";
import { createHash } from "node:crypto";
import { env, siteUrl } from "@/lib/env";
import { isAppError } from "@/lib/errors";
import { verifyApiKey } from "./keys";
import { takeRequest } from "./rate-limit";
import { PageQuery } from "./schemas";

const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, OPTIONS",
  "Access-Control-Allow-Headers": "Authorization, If-None-Match",
  "Access-Control-Expose-Headers": "ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, Location",
  "Access-Control-Max-Age": "86400",
};

/** How long clients may use an answer without asking again, in seconds (a reader page's freshness). */
export const API_MAX_AGE_SECONDS = 60;

/** What a route's work gives back. */
export type ApiOutcome = { json: unknown } | { redirect: string } | ApiFailure;

/** A refusal of the request: a bad query (400), nothing there (404), removed on purpose (410). */
export interface ApiFailure {
  status: 400 | 404 | 410;
  error: string;
}

/** A JSON error answer with the CORS headers. */
function errorResponse(status: number, error: string, headers: Record<string, string> = {}): Response {
  return Response.json({ error }, { status, headers: { ...CORS, "Cache-Control": "no-store", ...headers } });
}

/** The preflight answer (OPTIONS). */
export function apiPreflight(): Response {
  return new Response(null, { status: 204, headers: CORS });
}

/** Whether an If-None-Match header names `etag` (or is `*`). Weak comparison (RFC 9110 §13.1.2). */
function matches(ifNoneMatch: string | null, etag: string): boolean {
  if (!ifNoneMatch) return false;
  if (ifNoneMatch.trim() === "*") return true;
  const bare = etag.replace(/^W\//, "");
  return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === bare);
}

/**
 * Answers a GET of the content API: checks the key and the rate limit, runs `work`, and
 * sends its outcome as JSON with ETag and caching headers.
 * @param work gets the request's URL.
 */
export async function apiGet(request: Request, work: (url: URL) => Promise<ApiOutcome>): Promise<Response> {
  try {
    const key = await verifyApiKey(request.headers.get("authorization"));
    if (!key) {
      return errorResponse(401, "An API key is required: send it as `Authorization: Bearer <key>`. Admins create keys on the desk's API keys screen.", {
        "WWW-Authenticate": 'Bearer realm="content-api"',
      });
    }
    const rate = takeRequest(key.id, env().API_RATE_LIMIT);
    const rateHeaders = { "RateLimit-Limit": String(rate.limit), "RateLimit-Remaining": String(rate.remaining), "RateLimit-Reset": String(rate.resetSeconds) };
    if (!rate.allowed) {
      return errorResponse(429, `Too many requests with this key: at most ${rate.limit} a minute. Try again in ${rate.resetSeconds} s.`, { ...rateHeaders, "Retry-After": String(rate.resetSeconds) });
    }
    const url = new URL(request.url);
    const outcome = await work(url);
    if ("redirect" in outcome) return new Response(null, { status: 308, headers: { ...CORS, ...rateHeaders, Location: outcome.redirect, "Cache-Control": `private, max-age=${API_MAX_AGE_SECONDS}` } });
    if ("error" in outcome) return errorResponse(outcome.status, outcome.error, rateHeaders);
    const body = JSON.stringify(outcome.json);
    const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 32)}"`;
    const headers = { ...CORS, ...rateHeaders, ETag: etag, "Cache-Control": `private, max-age=${API_MAX_AGE_SECONDS}`, Vary: "Authorization" };
    if (matches(request.headers.get("if-none-match"), etag)) return new Response(null, { status: 304, headers });
    return new Response(body, { status: 200, headers: { ...headers, "Content-Type": "application/json; charset=utf-8" } });
  } catch (e) {
    if (isAppError(e)) return errorResponse(e.status, e.message);
    console.error("[api] unexpected error:", e);
    return errorResponse(500, "Something went wrong on the server. Try again.");
  }
}

/**
 * Parses the query string with a schema of lib/api/schemas.ts.
 * @returns the parsed value, or a 400 failure naming the first bad parameter.
 */
export function parseQuery<T>(schema: { safeParse(raw: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, url: URL): T | ApiFailure {
  const raw = Object.fromEntries(url.searchParams);
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return { status: 400, error: issue ? `${issue.path.length ? `${String(issue.path[0])}: ` : ""}${issue.message}` : "The query is not valid." };
}

/** Whether a parse gave a failure rather than a value. */
export function isFailure(v: unknown): v is ApiFailure {
  return typeof v === "object" && v !== null && "error" in v && "status" in v;
}

/** The public URL of the next page: this request's path and query on the site's origin, with `cursor` set. */
export function nextPageUrl(url: URL, next: string | null): string | null {
  if (!next) return null;
  const params = new URLSearchParams(url.searchParams);
  params.set("cursor", next);
  return `${siteUrl()}${url.pathname}?${params}`;
}

/**
 * The GET handler of a list paged by `?cursor=&limit=` (tags, bylines).
 * @param list reads one page (at the instant it runs).
 */
export function pagedListRoute<T>(list: (page: { cursor?: string; limit: number }) => Promise<{ items: T[]; next: string | null }>): (request: Request) => Promise<Response> {
  return (request) =>
    apiGet(request, async (url) => {
      const query = parseQuery(PageQuery, url);
      if (isFailure(query)) return query;
      const { items, next } = await list(query);
      return { json: { items, next, nextUrl: nextPageUrl(url, next) } };
    });
}
