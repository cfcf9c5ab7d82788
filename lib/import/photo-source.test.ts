import { once } from "node:events";
import fs from "node:fs/promises";
import http from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createPhotoSource, isPublicAddress, siteHostKey, uploadsCandidates } from "./photo-source";

/** A loopback HTTP server standing in for the old WordPress site (see `handle` for its paths). */
let server: http.Server;
let origin: string;
let port: number;
let tmp: string;
let uploads: string;
const photo = Buffer.from("not really a jpeg, but bytes are bytes");
const requests: { url: string; userAgent?: string }[] = [];
let inFlight = 0;
let maxInFlight = 0;
let streamClosed: Promise<void> = Promise.resolve();

function handle(req: http.IncomingMessage, res: http.ServerResponse) {
  const url = req.url ?? "/";
  requests.push({ url, userAgent: req.headers["user-agent"] });
  if (url === "/files/a.jpg") return void res.writeHead(200, { "Content-Type": "image/jpeg", "Content-Length": photo.length }).end(photo);
  if (url === "/404") return void res.writeHead(404).end("gone");
  if (url === "/500") return void res.writeHead(500).end("broken");
  if (url === "/redirect-ok") return void res.writeHead(302, { Location: "/hop" }).end();
  if (url === "/hop") return void res.writeHead(301, { Location: `${origin}/files/a.jpg` }).end();
  if (url === "/redirect-out") return void res.writeHead(302, { Location: `http://localhost:${port}/files/a.jpg` }).end();
  if (url === "/redirect-ftp") return void res.writeHead(302, { Location: "ftp://127.0.0.1/a.jpg" }).end();
  if (url.startsWith("/loop")) return void res.writeHead(307, { Location: `/loop${url.length}` }).end();
  // Headers and a few bytes, then nothing: the download must time out.
  if (url === "/hang-body") return void res.writeHead(200, { "Content-Type": "image/jpeg" }).write("abc");
  // Not even headers.
  if (url === "/hang-headers") return;
  // Claims 5,000,000 bytes.
  if (url === "/big-declared") return void res.writeHead(200, { "Content-Length": "5000000" }).write(Buffer.alloc(100));
  // No Content-Length (chunked), 500 bytes every 5 ms for as long as the client listens.
  if (url === "/big-stream") {
    res.writeHead(200, { "Content-Type": "image/jpeg" });
    const timer = setInterval(() => res.write(Buffer.alloc(500, 1)), 5);
    streamClosed = new Promise((resolve) => res.on("close", () => (clearInterval(timer), resolve())));
    return;
  }
  if (url.startsWith("/slow/")) {
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    setTimeout(() => {
      inFlight--;
      res.writeHead(200).end(url);
    }, 100);
    return;
  }
  res.writeHead(404).end();
}

beforeAll(async () => {
  tmp = await fs.mkdtemp(path.join(os.tmpdir(), "photo-source-"));
  uploads = path.join(tmp, "uploads");
  await fs.mkdir(path.join(uploads, "2017", "03"), { recursive: true });
  await fs.mkdir(path.join(tmp, "outside"));
  await fs.writeFile(path.join(uploads, "2017", "03", "a b.jpg"), "space");
  await fs.writeFile(path.join(uploads, "2017", "03", "silo.jpg"), "silo");
  await fs.writeFile(path.join(uploads, "flat.jpg"), "flat");
  await fs.writeFile(path.join(uploads, "2017", "03", "big.jpg"), Buffer.alloc(2000));
  await fs.mkdir(path.join(uploads, "2017", "03", "folder.jpg"));
  await fs.writeFile(path.join(tmp, "outside", "secret.jpg"), "secret");
  await fs.symlink(path.join(tmp, "outside", "secret.jpg"), path.join(uploads, "2017", "03", "escape.jpg"));
  await fs.symlink(path.join(tmp, "outside"), path.join(uploads, "2017", "04"));
  await fs.symlink("silo.jpg", path.join(uploads, "2017", "03", "alias.jpg"));

  server = http.createServer(handle);
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
  await fs.rm(tmp, { recursive: true, force: true });
});

describe("uploadsCandidates", () => {
  it("takes the percent-decoded path after /wp-content/uploads/ first, then the bare name", () => {
    expect(uploadsCandidates("https://news.example/wp-content/uploads/2017/03/a%20b.jpg")).toEqual(["2017/03/a b.jpg", "a b.jpg"]);
  });

  it("puts _wp_attached_file first and never repeats a path", () => {
    expect(uploadsCandidates("https://news.example/wp-content/uploads/2017/03/silo-300x200.jpg?x=1", "2017/03/silo.jpg")).toEqual([
      "2017/03/silo.jpg",
      "2017/03/silo-300x200.jpg",
      "silo-300x200.jpg",
    ]);
    expect(uploadsCandidates("/wp-content/uploads/2017/03/silo.jpg", "2017/03/silo.jpg")).toEqual(["2017/03/silo.jpg", "silo.jpg"]);
  });

  it("takes the YYYY/MM/<file> tail for other hosts and multisite folders", () => {
    expect(uploadsCandidates("https://x.files.wordpress.com/2008/06/canola2.jpg")).toEqual(["2008/06/canola2.jpg", "canola2.jpg"]);
    expect(uploadsCandidates("https://news.example/wp-content/uploads/sites/3/2019/11/x.png")).toEqual(["sites/3/2019/11/x.png", "2019/11/x.png", "x.png"]);
  });

  it("gives only the attached file for addresses that are not http(s)", () => {
    expect(uploadsCandidates("data:image/png;base64,AAAA")).toEqual([]);
    expect(uploadsCandidates("ftp://news.example/wp-content/uploads/2017/03/a.jpg", "2017/03/a.jpg")).toEqual(["2017/03/a.jpg"]);
  });

  it("keeps a malformed escape as it is", () => {
    expect(uploadsCandidates("/wp-content/uploads/2017/03/100%.jpg")).toEqual(["2017/03/100%.jpg", "100%.jpg"]);
  });
});

describe("siteHostKey", () => {
  it("compares host names without case, port, trailing dot or www.", () => {
    expect(siteHostKey("WWW.News.Example:8080")).toBe("news.example");
    expect(siteHostKey("https://cdn.example/")).toBe("cdn.example");
    expect(siteHostKey("news.example.")).toBe("news.example");
    expect(siteHostKey(" ")).toBe("");
  });
});

describe("photos from the uploads folder", () => {
  const local = () => createPhotoSource({ uploadsDir: uploads }, ["news.example"]);

  it("finds a photo by its URL path, percent-decoded", async () => {
    const got = await local().get("https://news.example/wp-content/uploads/2017/03/a%20b.jpg");
    expect(got).toEqual({ ok: true, data: Buffer.from("space"), name: "a b.jpg", from: "uploads" });
  });

  it("prefers _wp_attached_file, and falls back to the bare name in a flat folder", async () => {
    expect(await local().get("https://news.example/wp-content/uploads/2017/03/silo-300x200.jpg", "2017/03/silo.jpg")).toMatchObject({ ok: true, data: Buffer.from("silo"), name: "silo.jpg" });
    expect(await local().get("https://x.files.wordpress.com/2008/06/flat.jpg")).toMatchObject({ ok: true, data: Buffer.from("flat") });
  });

  it("follows a symlink that stays inside the folder", async () => {
    expect(await local().get("/wp-content/uploads/2017/03/alias.jpg")).toMatchObject({ ok: true, data: Buffer.from("silo") });
  });

  it("says so when the photo is not there and fetching is off", async () => {
    expect(await local().get("https://news.example/wp-content/uploads/2017/03/missing.jpg")).toEqual({ ok: false, reason: "not found in the uploads folder" });
  });

  it("refuses paths that leave the folder: .., absolute, symlinks out", async () => {
    const secret = path.join(tmp, "outside", "secret.jpg");
    for (const attachedFile of ["../../etc/passwd", "../outside/secret.jpg", secret, "2017/04/secret.jpg"]) {
      const got = await local().get("https://news.example/wp-content/uploads/2017/03/missing.jpg", attachedFile);
      expect(got).toEqual({ ok: false, reason: `refused a path outside the uploads folder (${attachedFile})` });
    }
    expect(await local().get("https://news.example/wp-content/uploads/2017/03/escape.jpg")).toEqual({
      ok: false,
      reason: "refused a path outside the uploads folder (2017/03/escape.jpg)",
    });
    // A refused attached file does not stop the URL's own (safe) path from being used.
    expect(await local().get("https://news.example/wp-content/uploads/2017/03/silo.jpg", "../outside/secret.jpg")).toMatchObject({ ok: true, data: Buffer.from("silo") });
  });

  it("reads only regular files, and checks the size first", async () => {
    expect(await local().get("/wp-content/uploads/2017/03/folder.jpg")).toEqual({ ok: false, reason: "not a regular file in the uploads folder (2017/03/folder.jpg)" });
    const small = createPhotoSource({ uploadsDir: uploads, maxBytes: 1000, fetch: true, allowPrivateAddresses: true }, ["127.0.0.1"]);
    const before = requests.length;
    expect(await small.get(`${origin}/wp-content/uploads/2017/03/big.jpg`)).toEqual({ ok: false, reason: "larger than 1000 bytes (2 KB)" });
    expect(requests.length).toBe(before); // too large locally: the old site's copy is not tried
  });

  it("never throws, even for a missing uploads folder", async () => {
    const gone = createPhotoSource({ uploadsDir: path.join(tmp, "nope") }, []);
    expect(await gone.get("/wp-content/uploads/2017/03/silo.jpg")).toEqual({ ok: false, reason: "the uploads folder could not be read (ENOENT)" });
  });
});

describe("photos fetched from the old site", () => {
  // The stand-in site is on loopback, which only allowPrivateAddresses lets the importer reach.
  const site = (options: Parameters<typeof createPhotoSource>[0] = {}, hosts = ["127.0.0.1"]) => createPhotoSource({ fetch: true, allowPrivateAddresses: true, ...options }, hosts);

  it("fetches from the export's own host, as NewsroomImporter/1.0", async () => {
    const got = await site().get(`${origin}/files/a.jpg`);
    expect(got).toEqual({ ok: true, data: photo, name: "a.jpg", from: "fetch" });
    expect(requests.at(-1)).toEqual({ url: "/files/a.jpg", userAgent: "NewsroomImporter/1.0" });
  });

  it("looks in the uploads folder before fetching", async () => {
    const both = site({ uploadsDir: uploads });
    const before = requests.length;
    expect(await both.get(`${origin}/wp-content/uploads/2017/03/silo.jpg`)).toMatchObject({ ok: true, from: "uploads" });
    expect(requests.length).toBe(before);
    expect(await both.get(`${origin}/files/a.jpg`)).toMatchObject({ ok: true, from: "fetch" });
  });

  it("reports the status of an answer that is not 2xx", async () => {
    expect(await site().get(`${origin}/404`)).toEqual({ ok: false, reason: "the old site answered 404" });
    expect(await site().get(`${origin}/500`)).toEqual({ ok: false, reason: "the old site answered 500" });
  });

  it("follows redirects on allowed hosts, at most 3", async () => {
    expect(await site().get(`${origin}/redirect-ok`)).toMatchObject({ ok: true, data: photo, name: "redirect-ok" });
    expect(await site().get(`${origin}/loop`)).toEqual({ ok: false, reason: "redirected more than 3 times" });
    expect(requests.filter((r) => r.url.startsWith("/loop")).length).toBe(4);
  });

  it("refuses a redirect to another host or scheme", async () => {
    expect(await site().get(`${origin}/redirect-out`)).toEqual({ ok: false, reason: "redirected off the export's own host (to localhost); allow it with --media-host (on the desk: “Other hosts photos may come from”)" });
    expect(await site().get(`${origin}/redirect-ftp`)).toEqual({ ok: false, reason: "redirected to an address that is not http(s)" });
  });

  it("refuses hosts that are neither the export's nor allowed, without asking them", async () => {
    const before = requests.length;
    expect(await site({}, ["news.example", "www.news.example"]).get(`${origin}/files/a.jpg`)).toEqual({
      ok: false,
      reason: "not on the export's own host (127.0.0.1); allow it with --media-host (on the desk: “Other hosts photos may come from”)",
    });
    expect(requests.length).toBe(before);
    expect(await site({ allowedHosts: ["127.0.0.1"] }, ["news.example"]).get(`${origin}/files/a.jpg`)).toMatchObject({ ok: true });
  });

  it("refuses addresses that are not http(s)", async () => {
    for (const url of ["ftp://127.0.0.1/files/a.jpg", "data:image/png;base64,AAAA", "javascript:alert(1)", "file:///etc/passwd"]) {
      expect(await site().get(url)).toEqual({ ok: false, reason: "not an http(s) address" });
    }
  });

  it("times out a download that stalls, before or after the headers", async () => {
    const started = Date.now();
    expect(await site({ timeoutMs: 300 }).get(`${origin}/hang-body`)).toEqual({ ok: false, reason: "timed out after 300 ms" });
    expect(await site({ timeoutMs: 300 }).get(`${origin}/hang-headers`)).toEqual({ ok: false, reason: "timed out after 300 ms" });
    expect(Date.now() - started).toBeLessThan(3000);
  });

  it("refuses a download whose Content-Length is over the limit", async () => {
    expect(await site({ maxBytes: 1000 }).get(`${origin}/big-declared`)).toEqual({ ok: false, reason: "larger than 1000 bytes (the old site says 4.8 MB)" });
  });

  it("stops a download without Content-Length once it passes the limit", async () => {
    expect(await site({ maxBytes: 1000 }).get(`${origin}/big-stream`)).toEqual({ ok: false, reason: "larger than 1000 bytes" });
    await streamClosed; // the connection was closed, not left streaming
  });

  it("reports a network error by its code", async () => {
    const closed = http.createServer();
    closed.listen(0, "127.0.0.1");
    await once(closed, "listening");
    const deadPort = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    expect(await site().get(`http://127.0.0.1:${deadPort}/a.jpg`)).toEqual({ ok: false, reason: "could not be fetched (ECONNREFUSED)" });
  });

  it("keeps at most `concurrency` downloads in flight", async () => {
    maxInFlight = 0;
    const limited = site({ concurrency: 2 });
    const got = await Promise.all([1, 2, 3, 4, 5, 6].map((n) => limited.get(`${origin}/slow/${n}.jpg`)));
    expect(got.map((g) => g.ok && g.data.toString())).toEqual([1, 2, 3, 4, 5, 6].map((n) => `/slow/${n}.jpg`));
    expect(maxInFlight).toBe(2);
  });

  it("refuses settings that make no sense", () => {
    expect(() => createPhotoSource({ concurrency: 0 }, [])).toThrow(RangeError);
    expect(() => createPhotoSource({ timeoutMs: Number.NaN }, [])).toThrow(RangeError);
  });
});

describe("isPublicAddress", () => {
  it("takes public IPv4 and IPv6 addresses as public", () => {
    for (const address of ["8.8.8.8", "1.1.1.1", "93.184.216.34", "172.15.255.255", "172.32.0.0", "100.63.255.255", "100.128.0.0", "192.169.0.1", "198.20.0.1", "223.255.255.255"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
    for (const address of ["2001:4860:4860::8888", "2606:4700:4700::1111", "[2001:4860:4860::8888]", "::ffff:8.8.8.8", "::ffff:808:808", "64:ff9b::8.8.8.8", "2002:808:808::1"]) {
      expect(isPublicAddress(address), address).toBe(true);
    }
  });

  it("takes loopback, private, link-local, CGNAT, reserved, multicast and broadcast IPv4 as not public", () => {
    const table = [
      ...["127.0.0.1", "127.255.255.254", "0.0.0.0", "0.1.2.3"], // loopback, "this network"
      ...["10.0.0.1", "10.255.255.255", "172.16.0.1", "172.31.255.255", "192.168.0.1", "192.168.255.255"], // private
      ...["169.254.169.254", "169.254.0.1", "100.64.0.1", "100.127.255.255"], // link-local (cloud metadata), CGNAT
      ...["192.0.0.8", "192.0.2.1", "198.51.100.7", "203.0.113.9", "198.18.0.1", "198.19.255.255"], // IETF, documentation, benchmarking
      ...["224.0.0.1", "239.255.255.250", "240.0.0.1", "255.255.255.255"], // multicast, reserved, broadcast
    ];
    for (const address of table) expect(isPublicAddress(address), address).toBe(false);
  });

  it("takes loopback, unspecified, unique-local, link-local, multicast and wrapped private IPv6 as not public", () => {
    const table = [
      ...["::1", "[::1]", "0:0:0:0:0:0:0:1", "::", "fc00::1", "fd12:3456::1", "fe80::1", "fe80::1%eth0", "febf::1", "ff02::1", "ff05::2"],
      ...["::ffff:127.0.0.1", "::ffff:7f00:1", "[::ffff:7f00:1]", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "::ffff:a9fe:a9fe"], // IPv4-mapped
      ...["::127.0.0.1", "::8.8.8.8", "::ffff:0:8.8.8.8"], // IPv4-compatible (deprecated) and SIIT
      ...["64:ff9b::127.0.0.1", "64:ff9b::a9fe:a9fe", "64:ff9b:1::1", "2002:7f00:1::1", "2002:a00:1::"], // NAT64, 6to4 of private
      ...["2001::1", "2001:db8::1", "2001:2::1", "3fff::1", "100::1", "4000::1"], // Teredo, documentation, benchmarking, discard, not unicast
    ];
    for (const address of table) expect(isPublicAddress(address), address).toBe(false);
  });

  it("takes what is not an address as not public", () => {
    for (const text of ["", "localhost", "example.com", "1.2.3", "1.2.3.256", "::1::2", "1:2:3:4:5:6:7:8:9", "12345::1", "::ffff:1.2.3.999"]) {
      expect(isPublicAddress(text), text).toBe(false);
    }
  });
});

describe("fetching refuses private and local addresses by default", () => {
  const strict = (hosts: string[], options: Parameters<typeof createPhotoSource>[0] = {}) => createPhotoSource({ fetch: true, ...options }, hosts);
  const refused = (host: string) => ({ ok: false, reason: `refused: ${host} is a private or local address (the importer fetches only public addresses unless told otherwise)` });

  it("refuses a loopback site host, without asking it", async () => {
    const before = requests.length;
    expect(await strict(["127.0.0.1"]).get(`${origin}/files/a.jpg`)).toEqual(refused("127.0.0.1"));
    expect(await strict(["news.example"], { allowedHosts: ["127.0.0.1"] }).get(`${origin}/files/a.jpg`)).toEqual(refused("127.0.0.1"));
    expect(requests.length).toBe(before);
  });

  it("refuses other spellings of loopback: decimal, hex, 0.0.0.0, IPv4-mapped", async () => {
    const before = requests.length;
    const hosts = ["127.0.0.1", "0.0.0.0", "[::ffff:7f00:1]"];
    expect(await strict(hosts).get(`http://2130706433:${port}/files/a.jpg`)).toEqual(refused("127.0.0.1"));
    expect(await strict(hosts).get(`http://0x7f.1:${port}/files/a.jpg`)).toEqual(refused("127.0.0.1"));
    expect(await strict(hosts).get(`http://0.0.0.0:${port}/files/a.jpg`)).toEqual(refused("0.0.0.0"));
    expect(await strict(hosts).get(`http://[::ffff:127.0.0.1]:${port}/files/a.jpg`)).toEqual(refused("[::ffff:7f00:1]"));
    expect(requests.length).toBe(before);
  });

  it("refuses a name that resolves to loopback when it connects (localhost)", async () => {
    const before = requests.length;
    expect(await strict(["localhost"]).get(`http://localhost:${port}/files/a.jpg`)).toEqual(refused("localhost"));
    expect(requests.length).toBe(before);
    // The same name is fetched from when private addresses are allowed: the refusal was the address's.
    expect(await strict(["localhost"], { allowPrivateAddresses: true }).get(`http://localhost:${port}/files/a.jpg`)).toMatchObject({ ok: true, data: photo });
    expect(requests.length).toBe(before + 1);
  });

  it("refuses IPv6 loopback ([::1])", async () => {
    const v6 = http.createServer((req, res) => res.writeHead(200).end(`v6 ${req.url}`));
    const listening = await new Promise<boolean>((resolve) => {
      v6.once("error", () => resolve(false));
      v6.listen(0, "::1", () => resolve(true));
    });
    const v6Port = listening ? (v6.address() as AddressInfo).port : 9;
    try {
      expect(await strict(["[::1]"]).get(`http://[::1]:${v6Port}/a.jpg`)).toEqual(refused("[::1]"));
      if (listening) {
        // Reachable when allowed: the brackets of the literal are dropped for the connection.
        expect(await strict(["[::1]"], { allowPrivateAddresses: true }).get(`http://[::1]:${v6Port}/a.jpg`)).toMatchObject({ ok: true, data: Buffer.from("v6 /a.jpg") });
      }
    } finally {
      if (listening) await new Promise((resolve) => v6.close(resolve));
    }
  });

  it("checks every hop: a redirecting loopback site is refused at the first one", async () => {
    const before = requests.length;
    expect(await strict(["127.0.0.1", "localhost"]).get(`${origin}/redirect-out`)).toEqual(refused("127.0.0.1"));
    expect(await strict(["localhost", "127.0.0.1"]).get(`http://localhost:${port}/redirect-ok`)).toEqual(refused("localhost"));
    expect(requests.length).toBe(before);
    // Allowed, the same redirect from localhost to 127.0.0.1 is followed.
    expect(await strict(["127.0.0.1", "localhost"], { allowPrivateAddresses: true }).get(`http://localhost:${port}/redirect-ok`)).toMatchObject({ ok: true, data: photo });
  });

  it("still reports a name that does not resolve as a network error", async () => {
    const got = await strict(["photos.invalid"]).get("http://photos.invalid/a.jpg");
    expect(got.ok).toBe(false);
    expect(!got.ok && got.reason).toMatch(/^could not be fetched \((ENOTFOUND|EAI_AGAIN)\)$/);
  });
});
