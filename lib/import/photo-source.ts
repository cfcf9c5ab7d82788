/**
 * Gets the bytes of a photo a WordPress export refers to: from a local copy of the old site's
 * `wp-content/uploads` folder, or over HTTP from the old site itself. It takes a photo's URL
 * (and WordPress's `_wp_attached_file`, when known) and returns the file's bytes with its name,
 * or a short reason for the import report. It neither decodes nor checks the image: the caller
 * hands the bytes to processUpload (lib/media/process.ts), which reads the real type.
 *
 * Both the uploads folder and the old site are treated as untrusted, because the paths and
 * addresses come from the export file:
 * - a local path is resolved inside the uploads folder and refused when it leaves it (`..`,
 *   absolute paths, symlinks pointing elsewhere: the real path of the file must lie under the
 *   real path of the folder); only regular files are read, and their size is checked before a
 *   byte is read;
 * - only http: and https: addresses are fetched, and only from the export's own hosts or hosts
 *   the importer was told to allow (`--media-host`), so an export cannot make the server fetch
 *   from anywhere it names; redirects are followed by hand (at most 3), each hop checked the
 *   same way;
 * - unless told otherwise (`allowPrivateAddresses`), only public addresses are connected to, so
 *   an export naming `localhost`, `169.254.169.254` (cloud metadata) or an intranet host as its
 *   own site cannot reach the server's own network: IP literals are checked before connecting,
 *   and names when the socket connects (its `lookup`), on the very addresses it connects to,
 *   so a name that resolves to a public address once and a private one the next time (DNS
 *   rebinding) is caught too; each redirect hop is checked the same way, and no connection is
 *   reused from a pool that skipped the check;
 * - a download has one timeout for all its hops and its body, and is stopped as soon as it
 *   passes the size limit, whatever Content-Length claimed;
 * - at most `concurrency` downloads run at once, so a large export does not flood the old site.
 */
import dns from "node:dns";
import { constants as fsConstants } from "node:fs";
import fs from "node:fs/promises";
import http from "node:http";
import https from "node:https";
import net, { type LookupFunction } from "node:net";
import path from "node:path";
import { pipeline, type Readable } from "node:stream";
import zlib from "node:zlib";
import { MEDIA_MAX_BYTES } from "../../scripts/body-limits.mjs";

export interface PhotoSourceOptions {
  /** A local copy of the WordPress site's wp-content/uploads folder. */
  uploadsDir?: string;
  /** Fetch photos not found locally from their URLs on the old site. */
  fetch?: boolean;
  /** Hosts photos may be fetched from besides the export's own hosts (e.g. a CDN host). */
  allowedHosts?: string[];
  /** Per-file fetch timeout in ms (default 15000). */
  timeoutMs?: number;
  /** Largest file accepted in bytes (default MEDIA_MAX_BYTES, 20 MB). */
  maxBytes?: number;
  /** Fetches at once (default 4). */
  concurrency?: number;
  /**
   * Fetch from loopback, private, link-local and other non-public addresses too (tests, and
   * intranet sites moved by a trusted operator). Default false.
   */
  allowPrivateAddresses?: boolean;
}

export type PhotoBytes =
  | { ok: true; data: Buffer; /** file name for messages, e.g. "canola2.jpg" */ name: string; from: "uploads" | "fetch" }
  | { ok: false; /** a short sentence for the import report, e.g. "not found in the uploads folder", "the old site answered 404", "timed out after 15 s", "larger than 20.0 MB", "not on the export's own host (cdn.example); allow it with --media-host (on the desk: “Other hosts photos may come from”)", "not an http(s) address" */ reason: string };

export interface PhotoSource {
  /**
   * The bytes of the photo at `url` (absolute, or relative to the site), looking first in the
   * uploads folder (when given) at the candidates of uploadsCandidates(), then (when `fetch`)
   * at the URL. `attachedFile` is WordPress's `_wp_attached_file` meta ("2017/03/silo.jpg"),
   * when known. Never throws; results are NOT cached here (the caller caches per URL).
   */
  get(url: string, attachedFile?: string): Promise<PhotoBytes>;
}

/** Default per-file download timeout, in ms. */
export const PHOTO_FETCH_TIMEOUT_MS = 15_000;
/** Default number of downloads in flight at once. */
export const PHOTO_FETCH_CONCURRENCY = 4;
/** Redirects followed per photo; one more is refused (a loop, or a site sending us around). */
export const PHOTO_MAX_REDIRECTS = 3;
const USER_AGENT = "NewsroomImporter/1.0";
const UPLOADS_MARKER = "/wp-content/uploads/";
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

const KB = 1024;
const MB = 1024 * KB;

/** A size in bytes as people say it: "812 bytes", "12 KB", "20.0 MB". */
function sizeInWords(bytes: number): string {
  if (bytes < KB) return `${bytes} bytes`;
  if (bytes < MB) return `${Math.round(bytes / KB)} KB`;
  return `${(bytes / MB).toFixed(1)} MB`;
}

/** A duration in ms as people say it: "15 s", "300 ms", "2.5 s". */
function durationInWords(ms: number): string {
  if (ms % 1000 === 0) return `${ms / 1000} s`;
  if (ms < 1000) return `${ms} ms`;
  return `${(ms / 1000).toFixed(1)} s`;
}

const fail = (reason: string): PhotoBytes => ({ ok: false, reason });

/** Percent-decodes a URL path; a malformed escape leaves its segment as it was. */
function decodePath(pathname: string): string {
  try {
    return decodeURIComponent(pathname);
  } catch {
    return pathname
      .split("/")
      .map((segment) => {
        try {
          return decodeURIComponent(segment);
        } catch {
          return segment;
        }
      })
      .join("/");
  }
}

/**
 * The URL as an http(s) address, or null for anything else (ftp:, data:, file:, garbage).
 * A relative or scheme-relative URL is taken on `base` (the site), when given.
 */
function httpUrl(url: string, base?: string): URL | null {
  const trimmed = url.trim();
  let parsed: URL;
  try {
    parsed = new URL(trimmed, base);
  } catch {
    return null;
  }
  return parsed.protocol === "http:" || parsed.protocol === "https:" ? parsed : null;
}

/** The path of `url` when it is an http(s) address or a relative one (no scheme), else null. */
function urlPathname(url: string): string | null {
  return httpUrl(url, "http://site.invalid/")?.pathname ?? null;
}

/**
 * The relative paths under uploads to try for a URL, in order, without repeats (pure; exported
 * for tests):
 * 1. `attachedFile` (WordPress's own record of where the file is), backslashes made slashes;
 * 2. the URL path after `/wp-content/uploads/`, percent-decoded ("2017/03/a b.jpg");
 * 3. the tail `YYYY/MM/<file>` of the path, for photos served from elsewhere
 *    (`https://x.files.wordpress.com/2008/06/canola2.jpg`) or from a multisite's `sites/N/`;
 * 4. the bare file name (a flat uploads folder).
 * A URL that is not http(s) or relative gives only `attachedFile`. The paths come from the
 * export and are untrusted: they may be absolute or contain `..`; the caller must keep them
 * inside the folder (createPhotoSource's get() does).
 * @param url the photo's address, absolute or relative to the site
 * @param attachedFile `_wp_attached_file`, when known
 * @returns relative paths, best first; possibly empty
 */
export function uploadsCandidates(url: string, attachedFile?: string): string[] {
  const out: string[] = [];
  const add = (p: string | undefined) => {
    if (p && !out.includes(p)) out.push(p);
  };
  add(attachedFile?.trim().replace(/\\/g, "/"));
  const pathname = urlPathname(url);
  if (pathname === null) return out;
  const decoded = decodePath(pathname);
  const at = decoded.indexOf(UPLOADS_MARKER);
  if (at >= 0) add(decoded.slice(at + UPLOADS_MARKER.length));
  add(/(?:^|\/)(\d{4}\/\d{2}\/[^/]+)$/.exec(decoded)?.[1]);
  add(decoded.slice(decoded.lastIndexOf("/") + 1));
  return out;
}

/**
 * A host name for comparing sites: lower case, without port, trailing dot or `www.` (the
 * `www.` and bare names of a site serve the same files). Accepts "cdn.example",
 * "CDN.example:8080" or "https://cdn.example/".
 * @returns the comparable name, or "" when `host` is empty
 */
export function siteHostKey(host: string): string {
  let name = host.trim().toLowerCase();
  if (!name) return "";
  try {
    name = new URL(name.includes("://") ? name : `http://${name}`).hostname;
  } catch {
    // Not parseable as a host: compare it as given.
  }
  return name.replace(/\.$/, "").replace(/^www\./, "");
}

/** Why an http(s) address may not be fetched, or null when its host is allowed. */
function hostRefusal(target: URL, allowed: Set<string>, redirected: boolean): string | null {
  if (allowed.has(siteHostKey(target.hostname))) return null;
  const host = target.hostname.replace(/\.$/, "");
  return redirected
    ? `redirected off the export's own host (to ${host}); allow it with --media-host (on the desk: “Other hosts photos may come from”)`
    : `not on the export's own host (${host}); allow it with --media-host (on the desk: “Other hosts photos may come from”)`;
}

/** The code of a network error ("ECONNREFUSED", "ENOTFOUND"), else its message. */
function networkErrorText(error: unknown): string {
  const cause = (error as { cause?: unknown })?.cause;
  for (const e of [cause, error]) {
    if (e && typeof e === "object") {
      const code = (e as { code?: unknown }).code;
      if (typeof code === "string" && code) return code;
    }
  }
  if (cause instanceof Error && cause.message) return cause.message;
  return error instanceof Error ? error.message : String(error);
}

/**
 * A runner that lets at most `n` tasks run at once; the others wait in order. A finishing task
 * hands its slot straight to the next waiting one, so the count never goes over `n`.
 */
function createLimiter(n: number): <T>(task: () => Promise<T>) => Promise<T> {
  let active = 0;
  const waiting: (() => void)[] = [];
  return async (task) => {
    if (active < n) active++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else active--;
    }
  };
}

/** What a look in the uploads folder came to: the file (or a final refusal), or a note and no file. */
type LocalResult = { done: PhotoBytes } | { note?: string };

/**
 * Reads one candidate path inside the uploads folder.
 * @param root the real path (fs.realpath) of the uploads folder
 * @param rel a relative path from uploadsCandidates (untrusted)
 * @param maxBytes largest file accepted, in bytes
 * @returns the file ("done"), a final refusal ("done": too large), or "missing" / a note
 *   (outside the folder, not a regular file, unreadable) so the next candidate is tried
 */
async function readCandidate(root: string, rel: string, maxBytes: number): Promise<LocalResult | "missing"> {
  // Refuse what is meant to leave the folder before touching the file system at all.
  if (rel.includes("\0") || path.isAbsolute(rel) || rel.split(/[\\/]/).includes("..")) {
    return { note: `refused a path outside the uploads folder (${rel})` };
  }
  let real: string;
  try {
    real = await fs.realpath(path.join(root, rel));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === "ENOENT" || code === "ENOTDIR") return "missing";
    return { note: `could not be read from the uploads folder (${code ?? String(e)})` };
  }
  // A symlink may point anywhere: what counts is where the file really is.
  if (!real.startsWith(root + path.sep)) return { note: `refused a path outside the uploads folder (${rel})` };
  // O_NOFOLLOW: the real path has no symlinks; if one was swapped in since, opening fails.
  const handle = await fs.open(real, fsConstants.O_RDONLY | (fsConstants.O_NOFOLLOW ?? 0)).catch((e: NodeJS.ErrnoException) => e);
  if (handle instanceof Error) return { note: `could not be read from the uploads folder (${handle.code ?? handle.message})` };
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return { note: `not a regular file in the uploads folder (${rel})` };
    if (stat.size > maxBytes) return { done: fail(`larger than ${sizeInWords(maxBytes)} (${sizeInWords(stat.size)})`) };
    // Read no more than the size checked above, even if the file grows meanwhile.
    const data = Buffer.alloc(stat.size);
    let filled = 0;
    while (filled < stat.size) {
      const { bytesRead } = await handle.read(data, filled, stat.size - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return { done: { ok: true, data: data.subarray(0, filled), name: path.basename(rel), from: "uploads" } };
  } finally {
    await handle.close().catch(() => undefined);
  }
}

/**
 * Looks for the photo in the uploads folder at each candidate in turn.
 * @returns the first file found, or a final refusal (too large: the old site's copy would be
 *   too), or the first note about a refused candidate (or none) when no candidate gave a file
 */
async function fromUploads(uploadsDir: string, candidates: string[], maxBytes: number): Promise<LocalResult> {
  let root: string;
  try {
    root = await fs.realpath(uploadsDir);
  } catch (e) {
    return { note: `the uploads folder could not be read (${(e as NodeJS.ErrnoException).code ?? String(e)})` };
  }
  let note: string | undefined;
  for (const rel of candidates) {
    const result = await readCandidate(root, rel, maxBytes);
    if (result === "missing") continue;
    if ("done" in result) return result;
    note ??= result.note;
  }
  return { note };
}

/** The error code of a connection refused because its address is not public. */
export const PRIVATE_ADDRESS = "EPRIVATEADDRESS";

/** A dotted-quad IPv4 address ("10.0.0.1") as an unsigned 32-bit number, or null. */
function ipv4Number(text: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(text);
  if (!m) return null;
  const bytes = m.slice(1).map(Number);
  if (bytes.some((b) => b > 255)) return null;
  return bytes.reduce((n, b) => n * 256 + b, 0);
}

/**
 * The eight 16-bit groups of an IPv6 address ("fe80::1", "::ffff:10.0.0.1", "[::1]", with or
 * without a zone "%eth0"), or null when it is not one.
 */
function ipv6Groups(text: string): number[] | null {
  let s = text.startsWith("[") && text.endsWith("]") ? text.slice(1, -1) : text;
  const zone = s.indexOf("%");
  if (zone >= 0) s = s.slice(0, zone);
  // A dotted IPv4 tail ("::ffff:1.2.3.4") becomes its two groups.
  const tail = /^(.*:)(\d{1,3}(?:\.\d{1,3}){3})$/.exec(s);
  if (tail) {
    const v4 = ipv4Number(tail[2] ?? "");
    if (v4 === null) return null;
    s = `${tail[1] ?? ""}${Math.floor(v4 / 0x10000).toString(16)}:${(v4 % 0x10000).toString(16)}`;
  }
  const halves = s.split("::");
  if (halves.length > 2) return null;
  const groups = (part: string) => (part === "" ? [] : part.split(":").map((g) => (/^[0-9a-f]{1,4}$/i.test(g) ? parseInt(g, 16) : NaN)));
  const head = groups(halves[0] ?? "");
  const rest = halves.length === 2 ? groups(halves[1] ?? "") : [];
  if ([...head, ...rest].some(Number.isNaN)) return null;
  if (halves.length === 1) return head.length === 8 ? head : null;
  const zeros = 8 - head.length - rest.length;
  return zeros >= 1 ? [...head, ...new Array<number>(zeros).fill(0), ...rest] : null;
}

/**
 * IPv4 blocks that are not public (RFC 6890 and friends): "this network", private, CGNAT,
 * loopback, link-local (cloud metadata at 169.254.169.254), IETF protocol assignments,
 * documentation, the 6to4 relay, benchmarking, multicast, reserved and broadcast.
 */
const NON_PUBLIC_V4: readonly (readonly [string, number])[] = [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.0.2.0", 24],
  ["192.88.99.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24],
  ["203.0.113.0", 24],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4], // up to and with 255.255.255.255
];
const NON_PUBLIC_V4_BLOCKS = NON_PUBLIC_V4.map(([base, bits]) => ({ base: ipv4Number(base) as number, size: 2 ** (32 - bits) }));

function isPublicV4(n: number): boolean {
  return !NON_PUBLIC_V4_BLOCKS.some(({ base, size }) => n >= base && n < base + size);
}

/**
 * Whether an IP address is a public one the importer may connect to (pure; exported for
 * tests). Not public: the IPv4 blocks above; IPv6 `::`, `::1` and the rest of `::/96`,
 * everything outside global unicast 2000::/3 (so fc00::/7 unique-local, fe80::/10 link-local,
 * ff00::/8 multicast, 64:ff9b:1::/48, 100::/64), Teredo 2001::/32, benchmarking 2001:2::/48 and
 * documentation 2001:db8::/32 and 3fff::/20. IPv4-mapped `::ffff:a.b.c.d`, NAT64
 * `64:ff9b::a.b.c.d` and 6to4 `2002:AABB:CCDD::` are judged by the IPv4 address inside.
 * Anything that is not an IP address is not public (fail closed).
 * @param address an IPv4 or IPv6 address as dns.lookup gives it or a URL holds it ("[::1]")
 */
export function isPublicAddress(address: string): boolean {
  const v4 = ipv4Number(address);
  if (v4 !== null) return isPublicV4(v4);
  const groups = ipv6Groups(address);
  if (!groups) return false;
  const g = (i: number) => groups[i] ?? 0;
  const v4At = (i: number) => g(i) * 0x10000 + g(i + 1);
  if (groups.slice(0, 5).every((x) => x === 0)) return g(5) === 0xffff && isPublicV4(v4At(6));
  if (g(0) === 0x64 && g(1) === 0xff9b && groups.slice(2, 6).every((x) => x === 0)) return isPublicV4(v4At(6));
  if (g(0) === 0x2002) return isPublicV4(v4At(1));
  if (g(0) < 0x2000 || g(0) > 0x3fff) return false;
  if (g(0) === 0x2001 && (g(1) === 0 || g(1) === 0xdb8 || (g(1) === 2 && g(2) === 0))) return false;
  return !(g(0) === 0x3fff && g(1) < 0x1000);
}

/** The error a connection to a non-public address fails with (code EPRIVATEADDRESS). */
function privateAddressError(host: string, address: string): NodeJS.ErrnoException {
  return Object.assign(new Error(`${host} resolves to ${address}, which is not a public address`), { code: PRIVATE_ADDRESS, hostname: host });
}

/**
 * dns.lookup for sockets that may reach public addresses only. The socket calls it when it
 * connects, and connects to what it answers, so the address checked is the one used: a name
 * that answers a public address to one lookup and a private one to the next (DNS rebinding)
 * is still caught. A name with any non-public address is refused outright. Node does not
 * call `lookup` for IP literals: the caller checks those itself. Exported for the other
 * outgoing requests to addresses people type (lib/webhooks/worker.ts).
 */
export const publicOnlyLookup: LookupFunction = (hostname, options, callback) => {
  dns.lookup(hostname, { ...options, all: true }, (error, addresses) => {
    if (error) return callback(error, "");
    const refused = addresses.find((a) => !isPublicAddress(a.address));
    if (refused) return callback(privateAddressError(hostname, refused.address), "");
    if (options.all) return callback(null, addresses);
    const first = addresses[0];
    if (!first) return callback(Object.assign(new Error(`${hostname} has no address`), { code: "ENOTFOUND" }), "");
    callback(null, first.address, first.family);
  });
};

/** Settings of one photo source, checked and with defaults filled in. */
interface FetchSettings {
  allowed: Set<string>;
  /** Where relative URLs are taken from: https on the export's first host. */
  base?: string;
  timeoutMs: number;
  maxBytes: number;
  allowPrivateAddresses: boolean;
}

/**
 * Sends one GET and waits for the answer's head. Each request has its own connection
 * (`agent: false`): a pooled socket would skip the connect-time address check.
 * @param signal aborts the request at any point, body included
 * @rejects with the network error (code EPRIVATEADDRESS when the address is not public)
 */
function requestHead(target: URL, s: FetchSettings, signal: AbortSignal): Promise<http.IncomingMessage> {
  const client = target.protocol === "https:" ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request({
      protocol: target.protocol,
      hostname: unbracket(target.hostname),
      port: target.port || undefined,
      path: target.pathname + target.search,
      method: "GET",
      headers: { "User-Agent": USER_AGENT },
      agent: false,
      signal,
      ...(s.allowPrivateAddresses ? {} : { lookup: publicOnlyLookup }),
    });
    req.on("response", resolve);
    // Before the head this fails the request; after it, the response's reader sees the error
    // too and this listener only keeps it from being unhandled.
    req.on("error", reject);
    req.end();
  });
}

/** A URL's hostname without the brackets of an IPv6 literal ("[::1]" → "::1"). */
function unbracket(hostname: string): string {
  return hostname.startsWith("[") && hostname.endsWith("]") ? hostname.slice(1, -1) : hostname;
}

/** The body of a response, decoded when the old site compressed it (as fetch did). */
function decodedBody(res: http.IncomingMessage): Readable {
  const encoding = String(res.headers["content-encoding"] ?? "").trim().toLowerCase();
  const decoder =
    encoding === "gzip" || encoding === "x-gzip"
      ? zlib.createGunzip()
      : encoding === "deflate"
        ? zlib.createInflate()
        : encoding === "br"
          ? zlib.createBrotliDecompress()
          : null;
  return decoder ? pipeline(res, decoder, () => undefined) : res;
}

/**
 * Reads a 2xx response's body, at most `maxBytes` of it (counted after decoding).
 * @returns the bytes, or a refusal naming the limit; a refused body's connection is closed
 */
async function readLimited(res: http.IncomingMessage, maxBytes: number, name: string): Promise<PhotoBytes> {
  const declared = res.headers["content-length"];
  if (declared !== undefined && /^\d+$/.test(declared.trim()) && Number(declared) > maxBytes) {
    res.destroy();
    return fail(`larger than ${sizeInWords(maxBytes)} (the old site says ${sizeInWords(Number(declared))})`);
  }
  // Count what arrives: Content-Length may be missing, wrong, or of a compressed body.
  const body = decodedBody(res);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of body as AsyncIterable<Buffer>) {
    total += chunk.byteLength;
    if (total > maxBytes) {
      body.destroy();
      res.destroy();
      return fail(`larger than ${sizeInWords(maxBytes)}`);
    }
    chunks.push(chunk);
  }
  // A connection that closed mid-body without an error must not pass for the whole photo.
  if (!res.complete) throw Object.assign(new Error("the connection closed before the end of the photo"), { code: "ECONNRESET" });
  return { ok: true, data: Buffer.concat(chunks, total), name, from: "fetch" };
}

/** Why a hop may not be fetched: its host not allowed, or an IP literal that is not public; else null. */
function hopRefusal(target: URL, s: FetchSettings, redirected: boolean): string | null {
  const refusal = hostRefusal(target, s.allowed, redirected);
  if (refusal) return refusal;
  // Node connects to an IP literal without calling `lookup`, so literals are checked here.
  const host = unbracket(target.hostname);
  if (!s.allowPrivateAddresses && net.isIP(host) && !isPublicAddress(host)) return privateAddressRefusal(target);
  return null;
}

function privateAddressRefusal(target: URL): string {
  return `refused: ${target.hostname.replace(/\.$/, "")} is a private or local address (the importer fetches only public addresses unless told otherwise)`;
}

/**
 * Downloads one photo, following redirects by hand so each hop's address is checked.
 * @returns the bytes, or a reason: not http(s), host not allowed, a private or local address,
 *   too many redirects, the status of a non-2xx answer, a timeout (covering all hops and the
 *   body), too large, or a network error's code
 */
async function fetchPhoto(url: string, s: FetchSettings): Promise<PhotoBytes> {
  let target = httpUrl(url, s.base);
  if (!target) return fail("not an http(s) address");
  const name = decodePath(target.pathname).split("/").pop() || target.hostname;
  const timeout = AbortSignal.timeout(s.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const refusal = hopRefusal(target, s, hop > 0);
      if (refusal) return fail(refusal);
      const res = await requestHead(target, s, timeout);
      const status = res.statusCode ?? 0;
      if (REDIRECT_STATUSES.has(status)) {
        res.destroy();
        const location = res.headers.location;
        if (!location) return fail(`the old site answered ${status}`);
        if (hop >= PHOTO_MAX_REDIRECTS) return fail(`redirected more than ${PHOTO_MAX_REDIRECTS} times`);
        const next = httpUrl(location, target.href);
        if (!next) return fail("redirected to an address that is not http(s)");
        target = next;
        continue;
      }
      if (status < 200 || status > 299) {
        res.destroy();
        return fail(`the old site answered ${status}`);
      }
      return await readLimited(res, s.maxBytes, name);
    }
  } catch (e) {
    if (timeout.aborted) return fail(`timed out after ${durationInWords(s.timeoutMs)}`);
    if ((e as NodeJS.ErrnoException)?.code === PRIVATE_ADDRESS) return fail(privateAddressRefusal(target));
    return fail(`could not be fetched (${networkErrorText(e)})`);
  }
}

/** A whole number ≥ `min`, or `fallback` when not given. @throws RangeError otherwise. */
function wholeNumber(value: number | undefined, fallback: number, min: number, what: string): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) throw new RangeError(`${what} must be a whole number of at least ${min}, not ${value}.`);
  return value;
}

/**
 * Creates a photo source for one import.
 * @param options where to look (uploadsDir, fetch), which other hosts to fetch from, the
 *   per-file timeout (ms), size limit (bytes) and number of downloads at once
 * @param siteHosts the export's own hosts (from its <link>, base_site_url, base_blog_url),
 *   lower case, e.g. ["news.example", "www.news.example"]; the first one is where relative
 *   URLs are fetched from (over https)
 * @returns a source whose get() never throws
 * @throws RangeError when timeoutMs, maxBytes or concurrency is not a whole number ≥ 1
 */
export function createPhotoSource(options: PhotoSourceOptions, siteHosts: string[]): PhotoSource {
  const firstHost = siteHosts.find((h) => h.trim());
  const settings: FetchSettings = {
    allowed: new Set([...siteHosts, ...(options.allowedHosts ?? [])].map(siteHostKey).filter(Boolean)),
    base: firstHost ? `https://${firstHost.trim().toLowerCase()}/` : undefined,
    timeoutMs: wholeNumber(options.timeoutMs, PHOTO_FETCH_TIMEOUT_MS, 1, "timeoutMs"),
    maxBytes: wholeNumber(options.maxBytes, MEDIA_MAX_BYTES, 1, "maxBytes"),
    allowPrivateAddresses: options.allowPrivateAddresses === true,
  };
  const limit = createLimiter(wholeNumber(options.concurrency, PHOTO_FETCH_CONCURRENCY, 1, "concurrency"));
  const { uploadsDir } = options;

  async function get(url: string, attachedFile?: string): Promise<PhotoBytes> {
    let note: string | undefined;
    if (uploadsDir) {
      const local = await fromUploads(uploadsDir, uploadsCandidates(url, attachedFile), settings.maxBytes);
      if ("done" in local) return local.done;
      note = local.note;
    }
    if (!options.fetch) return fail(note ?? (uploadsDir ? "not found in the uploads folder" : "no uploads folder given and fetching is off"));
    // The timeout starts once a download may begin, not while it waits for a slot.
    return limit(() => fetchPhoto(url, settings));
  }

  return {
    get: (url, attachedFile) => get(url, attachedFile).catch((e: unknown) => fail(`could not be read (${networkErrorText(e)})`)),
  };
}
