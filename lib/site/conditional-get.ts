/**
 * HTTP responses for cached text documents (feeds, sitemaps, robots.txt) with validators:
 * a strong ETag from the bytes and Last-Modified from the newest public date, answering a
 * matching conditional GET with 304 (RFC 9110 §13, evaluated by the `fresh` package).
 */
import { createHash } from "node:crypto";
import fresh from "fresh";
import { DOCUMENT_CACHE_CONTROL } from "./http-cache";

/** A document as cached: its text and the instant it last changed (ISO 8601), when known. */
export interface TextDocument {
  body: string;
  lastModified: string | null;
}

/** The strong ETag of a body: a quoted base64url SHA-256 prefix. */
export function etagOf(body: string): string {
  return `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
}

/** A plain-text 404 for document routes (feeds, sitemaps), never cached. */
export function documentNotFound(): Response {
  return new Response("Not found\n", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
}

/**
 * The response for `doc`: 200 with the body, or 304 without one when the request's
 * If-None-Match / If-Modified-Since still match. HEAD gets the headers only.
 */
export function documentResponse(request: Request, doc: TextDocument, contentType: string): Response {
  const headers = new Headers({
    "Content-Type": contentType,
    "Cache-Control": DOCUMENT_CACHE_CONTROL,
    ETag: etagOf(doc.body),
    "X-Content-Type-Options": "nosniff",
  });
  if (doc.lastModified) headers.set("Last-Modified", new Date(doc.lastModified).toUTCString());
  const requestHeaders = {
    "if-none-match": request.headers.get("if-none-match") ?? undefined,
    "if-modified-since": request.headers.get("if-modified-since") ?? undefined,
    "cache-control": request.headers.get("cache-control") ?? undefined,
  };
  const responseHeaders = { etag: headers.get("ETag") ?? undefined, "last-modified": headers.get("Last-Modified") ?? undefined };
  if ((request.method === "GET" || request.method === "HEAD") && fresh(requestHeaders, responseHeaders)) {
    return new Response(null, { status: 304, headers });
  }
  return new Response(request.method === "HEAD" ? null : doc.body, { status: 200, headers });
}
