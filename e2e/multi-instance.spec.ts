import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import net from "node:net";
import path from "node:path";
import { createClient } from "@redis/client";
import { expect, test, type APIRequestContext, type Browser, type Page } from "@playwright/test";
import postgres from "postgres";
import { E2E_PASSWORD, seedFixture } from "./fixtures";
import { FROM_CACHE, draftStory, scheduleOpenStory, signInThroughForm, unpublishOpenStory } from "./helpers";

/**
 * Past one machine (README, "Deployment"): two server processes (scripts/serve.mjs) on different ports, one PostgreSQL
 * database and one Redis-backed Next cache (lib/cache/shared-cache-handler.mjs). A story
 * published, updated and unpublished through instance A is seen by readers of instance B on
 * the very next request, while B serves its pages from the shared cache.
 *
 * Needs TEST_DATABASE_URL (PostgreSQL; `.ci/run` sets it) and Redis at REDIS_URL or
 * 127.0.0.1:6379. Each run has its own database and Redis key prefix, removed afterwards.
 */

const PG_URL = process.env.TEST_DATABASE_URL;
const REDIS_URL = process.env.REDIS_URL || "redis://127.0.0.1:6379";
const root = path.resolve(__dirname, "..");
const stamp = `${Date.now().toString(36)}${crypto.randomBytes(3).toString("hex")}`;
const dbName = `newsroom_multi_${stamp}`;
const keyPrefix = `newsroom-e2e-${stamp}:`;

interface Instance {
  url: string;
  process: ChildProcess;
  log: string[];
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as net.AddressInfo;
      s.close(() => resolve(port));
    });
  });
}

function databaseUrl(): string {
  const u = new URL(PG_URL!);
  u.pathname = `/${dbName}`;
  return u.toString();
}

async function startInstance(env: NodeJS.ProcessEnv, siteUrl: string): Promise<Instance> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, ["scripts/serve.mjs", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...env, PORT: String(port), SITE_URL: siteUrl },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const log: string[] = [];
  child.stdout!.on("data", (d: Buffer) => log.push(d.toString()));
  child.stderr!.on("data", (d: Buffer) => log.push(d.toString()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`instance on ${url} exited:\n${log.join("")}`);
    const ok = await fetch(`${url}/about`).then((r) => r.ok, () => false);
    if (ok) return { url, process: child, log };
    if (Date.now() > deadline) throw new Error(`instance on ${url} did not start:\n${log.join("")}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function stopInstance(i: Instance | undefined) {
  if (!i?.process.pid || i.process.exitCode !== null) return;
  try {
    process.kill(-i.process.pid, "SIGTERM");
  } catch {
    /* already gone */
  }
}

/** A desk page on instance A, signed in as the editor through A's login form. */
async function editorOn(browser: Browser, baseURL: string): Promise<Page> {
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await signInThroughForm(page, "editor");
  return page;
}

/** One reader request, as a reader's browser or a load balancer would send it. */
async function read(request: APIRequestContext, url: string) {
  const res = await request.get(url, { maxRedirects: 0 });
  return { status: res.status(), cache: res.headers()["x-nextjs-cache"], cacheControl: res.headers()["cache-control"], html: await res.text() };
}

test.describe.serial("two instances share one PostgreSQL and one Redis cache", () => {
  test.skip(!PG_URL, "needs TEST_DATABASE_URL (PostgreSQL); .ci/run sets it");

  let a: Instance | undefined;
  let b: Instance | undefined;
  let admin: postgres.Sql | undefined;
  const headline = `Bridge reopens in Jalalabad after repairs ${stamp}`;
  let slug = "";

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    const probe = createClient({ url: REDIS_URL, socket: { reconnectStrategy: false, connectTimeout: 3000 } });
    probe.on("error", () => {});
    try {
      await probe.connect();
      await probe.close();
    } catch (e) {
      throw new Error(`Redis is not reachable at ${REDIS_URL} (${(e as Error).message}): start it (redis-server) or set REDIS_URL`);
    }
    admin = postgres(PG_URL!, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${dbName}`);
    const env: NodeJS.ProcessEnv = {
      ...process.env,
      DATABASE_URL: databaseUrl(),
      REDIS_URL,
      REDIS_KEY_PREFIX: keyPrefix,
      AUTH_SECRET: crypto.randomBytes(32).toString("base64url"),
      DEMO_PASSWORD: E2E_PASSWORD,
    };
    const prep = spawnSync(path.join(root, "node_modules", ".bin", "tsx"), ["--conditions=react-server", "e2e/prepare-data.ts"], {
      cwd: root,
      env,
      encoding: "utf8",
    });
    if (prep.status !== 0) throw new Error(`preparing the database failed:\n${prep.stdout}\n${prep.stderr}`);
    // Both instances stand behind one public address (a load balancer's); here that is A's.
    a = await startInstance(env, "http://127.0.0.1");
    b = await startInstance(env, "http://127.0.0.1");
  });

  test.afterAll(async () => {
    stopInstance(a);
    stopInstance(b);
    const redis = createClient({ url: REDIS_URL });
    await redis.connect().catch(() => {});
    if (redis.isReady) {
      const keys: string[] = [];
      for await (const batch of redis.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 1000 })) keys.push(...batch);
      if (keys.length) await redis.unlink(keys);
      await redis.close();
    }
    await new Promise((r) => setTimeout(r, 500));
    await admin?.unsafe(`drop database if exists ${dbName} with (force)`);
    await admin?.end();
  });

  test("B serves pages A rendered, from the shared cache in Redis", async ({ request }) => {
    const first = await read(request, `${a!.url}/`);
    expect(first.status).toBe(200);
    // A rendered (or re-rendered) the front page; B has never rendered it, yet serves it from the cache.
    const onB = await read(request, `${b!.url}/`);
    expect(onB.status).toBe(200);
    // Served from the shared cache: HIT, or STALE when the machine is slow enough that the
    // entry passed its 5 s lifetime between the two requests (both mean "from the cache").
    expect(FROM_CACHE).toContain(onB.cache);
    expect(onB.cacheControl).toBe("s-maxage=5, stale-while-revalidate=10");
    expect(onB.html).toContain(seedFixture.site.name);

    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 1000 })) keys.push(...batch);
    await redis.close();
    expect(keys.some((k) => k.includes("/front/latest")), `page keys in Redis: ${keys.join(", ")}`).toBe(true);
  });

  test("a story published, updated and unpublished through A is right on B's next request", async ({ browser, request }) => {
    const desk = await editorOn(browser, a!.url);
    slug = await draftStory(desk, headline, "Traffic crossed the river again this morning, engineers said.");

    // B has the draft's 404 and a front page without it, both cached.
    expect((await read(request, `${b!.url}/news/${slug}`)).status).toBe(404);
    await read(request, `${b!.url}/`);
    const cachedFront = await read(request, `${b!.url}/`);
    expect(FROM_CACHE).toContain(cachedFront.cache);
    expect(cachedFront.html).not.toContain(headline);

    await desk.getByRole("button", { name: "Publish" }).click();
    await expect(desk.getByTestId("story-status")).toHaveText("Published");
    const published = Date.now();
    const story = await read(request, `${b!.url}/news/${slug}`);
    expect(story.status).toBe(200);
    expect(story.html).toContain(headline);
    const front = await read(request, `${b!.url}/`);
    expect(front.html).toContain(headline);
    console.log(`published through A: on B's story page and front page ${Date.now() - published} ms later (next request)`);

    // An update (new headline, "Last Updated On" moves) through A.
    await desk.getByLabel("Headline").fill(`${headline}, traffic resumes`);
    await desk.getByRole("button", { name: "Save changes" }).click();
    await expect(desk.getByTestId("save-status")).toContainText("Choose how readers see this save");
    await desk.getByLabel("Update (moves “Last Updated On” to now)").check();
    await desk.getByRole("button", { name: "Save changes" }).click();
    await expect(desk.getByTestId("save-status")).toContainText("Updated");
    expect((await read(request, `${b!.url}/news/${slug}`)).html).toContain(`${headline}, traffic resumes`);
    expect((await read(request, `${b!.url}/`)).html).toContain(`${headline}, traffic resumes`);

    // Unpublished through A: gone from B at once.
    await unpublishOpenStory(desk);
    expect((await read(request, `${b!.url}/news/${slug}`)).status).toBe(404);
    expect((await read(request, `${b!.url}/`)).html).not.toContain(headline);
    await desk.context().close();
  });

  test("a preview rendered on either instance is never stored: not in Redis, never served to a reader, dead on both once revoked", async ({ browser, request }) => {
    const draftHeadline = `Council budget leak, for partners only ${stamp}`;
    const desk = await editorOn(browser, a!.url);
    const draftSlug = await draftStory(desk, draftHeadline, "Nothing here may reach a reader before it is published.");
    const storyId = new URL(desk.url()).pathname.split("/")[3];
    const deskPreview = await desk.request.get(`${a!.url}/dashboard/stories/${storyId}/preview`);
    expect(deskPreview.status()).toBe(200);
    expect(await deskPreview.text()).toContain(draftHeadline);
    const panel = desk.getByTestId("preview-links");
    await panel.getByText("Preview links", { exact: true }).click();
    await panel.getByRole("button", { name: "Create preview link" }).click();
    const link = new URL(await panel.getByLabel("Preview link", { exact: true }).inputValue());
    for (const instance of [a!, b!, a!, b!]) {
      const shared = await read(request, `${instance.url}${link.pathname}`);
      expect(shared.status).toBe(200);
      expect(shared.html).toContain(draftHeadline);
      expect(shared.cacheControl).toBe("private, no-store");
      expect(FROM_CACHE).not.toContain(shared.cache);
      expect((await read(request, `${instance.url}/news/${draftSlug}`)).status).toBe(404);
      expect((await read(request, `${instance.url}/`)).html).not.toContain(draftHeadline);
    }
    const redis = createClient({ url: REDIS_URL });
    await redis.connect();
    const keys: string[] = [];
    for await (const batch of redis.scanIterator({ MATCH: `${keyPrefix}*`, COUNT: 1000 })) keys.push(...batch);
    await redis.close();
    // No cache entry for a preview address (the reader page /news/<slug> is cached, as the 404 it is).
    expect(keys.filter((k) => k.includes("preview") || k.includes(storyId!))).toEqual([]);
    await panel.getByRole("button", { name: /^Revoke preview link/ }).click();
    await expect(desk.getByTestId("preview-links-status")).toContainText("Preview link revoked");
    for (const instance of [a!, b!]) expect((await read(request, `${instance.url}${link.pathname}`)).status).toBe(404);
    await desk.context().close();
  });

  test("a story scheduled through A appears on B at its instant, with no publish on B", async ({ browser, request }) => {
    test.setTimeout(90_000);
    const later = `Ferry timetable changes for winter ${stamp}`;
    const desk = await editorOn(browser, a!.url);
    const laterSlug = await draftStory(desk, later, "Crossings will run every two hours from next week.");
    const instant = new Date(Math.ceil((Date.now() + 12_000) / 1000) * 1000);
    await scheduleOpenStory(desk, instant);
    await desk.context().close();

    // Before the instant B has cached the 404 and a front page without the story.
    expect((await read(request, `${b!.url}/news/${laterSlug}`)).status).toBe(404);
    await read(request, `${b!.url}/`);
    expect((await read(request, `${b!.url}/`)).html).not.toContain(later);
    expect(Date.now()).toBeLessThan(instant.getTime());

    // A's timer fires at the instant and expires the shared cache; B's own sweep runs only
    // every 30 s, so B showing the story within a second is the shared cache at work.
    await new Promise((r) => setTimeout(r, Math.max(0, instant.getTime() - Date.now()) + 1000));
    const story = await read(request, `${b!.url}/news/${laterSlug}`);
    expect(story.status).toBe(200);
    expect(story.html).toContain(later);
    expect((await read(request, `${b!.url}/`)).html).toContain(later);
  });
});
