/**
 * The production server: `node scripts/serve.mjs [-p PORT] [-H HOST]` serves the built site
 * exactly as `next start` does (Next's own request handler, so its caching, compression and
 * headers), and adds one thing Next leaves out for route handlers: conditional GET. Reader
 * pages are route handlers that send a strong ETag; Next answers a matching `If-None-Match`
 * with 304 for its pages but not for cached route-handler responses, so it is done here for
 * every 200 response to GET or HEAD that carries an ETag or Last-Modified (RFC 9110 §13.1,
 * evaluated by the `fresh` package, which also honours `Cache-Control: no-cache`).
 *
 * It also refuses methods other than GET and HEAD (405) outside the desk, the API, sign-in
 * and Next's own files. Next stores a cached route handler's answer under its path whatever
 * the request's method, so a POST to a reader page whose cached copy had turned stale would
 * store Next's empty 405 in its place, for every reader, on every instance sharing the cache.
 * Pages are guarded by Next itself; route handlers are not.
 *
 * And it limits request bodies by path (scripts/body-limits.mjs): Next and Auth.js read a
 * route handler's body whole, so the limit must apply before they see the request.
 */
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import fresh from "fresh";
import next from "next";
import { importMaxBytes, refuseBody } from "./body-limits.mjs";
import { CLIENT_ADDRESS_HEADER, clientAddress, parseTrustedProxies } from "./client-address.mjs";

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
const hostname = values.hostname ?? "0.0.0.0";
const root = path.resolve(import.meta.dirname, "..");
// Which proxies' X-Forwarded-For entries are believed (scripts/client-address.mjs); read once.
const trustedProxies = parseTrustedProxies(process.env.TRUSTED_PROXIES);
// The largest WordPress export the desk takes (IMPORT_MAX_MB); a bad value stops the start here.
const importMax = importMaxBytes(process.env);

/** Where requests other than GET and HEAD are answered: server actions, Auth.js, uploads, the API. */
const WRITABLE_PATHS = /^\/(api|dashboard|login|signup|_next)(\/|$)/;

/**
 * Answers 405 to a request that may not change anything here (see above).
 * @returns true when it answered.
 */
function refuseMethod(req, res) {
  if (req.method === "GET" || req.method === "HEAD") return false;
  const pathname = routedPath(req.url);
  if (WRITABLE_PATHS.test(pathname)) return false;
  res.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" });
  res.end("Method not allowed\n");
  return true;
}

/**
 * Refuses, unread, a request body larger than its path allows or of undeclared size where
 * that is not allowed (scripts/body-limits.mjs). The connection is closed after the answer,
 * so the rest of the body is never kept.
 * @returns true when it answered.
 */
function refuseLargeBody(req, res) {
  const pathname = routedPath(req.url);
  const refusal = refuseBody({ method: req.method, pathname, headers: req.headers, importMax });
  if (!refusal) return false;
  const json = pathname.startsWith("/api/");
  res.writeHead(refusal.status, {
    "Content-Type": json ? "application/json" : "text/plain; charset=utf-8",
    "Cache-Control": "no-store",
    Connection: "close",
  });
  // With "Connection: close", Node closes the socket once this answer is sent.
  res.end(json ? JSON.stringify({ error: refusal.message }) : `${refusal.message}\n`);
  return true;
}

/**
 * The path as Next will route it: "..", "." and "%2e" segments resolved and backslashes read
 * as slashes, the WHATWG URL parser's normalisation (Next parses request URLs with `new URL`).
 * Checking the raw path instead would let `/dashboard/../news/x` pass as a desk path.
 */
function routedPath(url) {
  try {
    return new URL(url ?? "/", "http://localhost").pathname;
  } catch {
    return "/";
  }
}

/** Entity headers a 304 must not carry about a body it does not have. */
const BODY_HEADERS = ["content-type", "content-length", "content-encoding", "transfer-encoding"];

/**
 * Turns the response into a 304 Not Modified, at the moment its headers are written, when the
 * request's validators still match it. Node sends no body with a 304, so whatever the
 * handler writes afterwards is dropped.
 */
function answerNotModified(req, res) {
  if (req.method !== "GET" && req.method !== "HEAD") return;
  if (!req.headers["if-none-match"] && !req.headers["if-modified-since"]) return;
  const writeHead = res.writeHead;
  res.writeHead = function (statusCode, ...rest) {
    const validators = { etag: res.getHeader("etag"), "last-modified": res.getHeader("last-modified") };
    if (statusCode === 200 && (validators.etag || validators["last-modified"]) && fresh(req.headers, validators)) {
      for (const name of BODY_HEADERS) res.removeHeader(name);
      res.statusMessage = "Not Modified";
      return writeHead.call(this, 304, ...rest.filter((r) => typeof r !== "string"));
    }
    return writeHead.call(this, statusCode, ...rest);
  };
}

const app = next({ dev: false, dir: root, hostname, port });
const handle = app.getRequestHandler();
await app.prepare();
/** Every request: the refusals above, then the client's address, then Next. */
function onRequest(req, res) {
  if (refuseMethod(req, res) || refuseLargeBody(req, res)) return;
  // The one place the client's address is decided; whatever a client sent in this header is replaced.
  req.headers[CLIENT_ADDRESS_HEADER] = clientAddress({ socketAddress: req.socket.remoteAddress, forwardedFor: req.headers["x-forwarded-for"], trusted: trustedProxies });
  answerNotModified(req, res);
  handle(req, res);
}

const server = http.createServer(onRequest);
// A client that asks before sending its body (Expect: 100-continue) is refused before it
// sends it, rather than told to go ahead and then refused (RFC 9110 §10.1.1).
server.on("checkContinue", (req, res) => {
  if (refuseMethod(req, res) || refuseLargeBody(req, res)) return;
  res.writeContinue();
  onRequest(req, res);
});
server.listen(port, hostname, () => console.log(`✓ Ready on http://${hostname}:${port}`));
for (const sig of ["SIGINT", "SIGTERM"]) process.on(sig, () => process.exit(0));
