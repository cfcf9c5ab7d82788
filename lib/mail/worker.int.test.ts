/**
 * The mail worker on a real database (PGlite; PostgreSQL too with TEST_DATABASE_URL) and a
 * real SMTP server on loopback, with the clock passed in: delivery with both parts, retries
 * with backoff while the server is down or answers 4yz, giving up, holding without a mail
 * server, admins' retry, and exactly-once delivery with two workers racing over one outbox.
 */
import { eq, inArray } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Db } from "@/db/client";
import { mailOutbox } from "@/db/schema";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { saveSiteSettings } from "@/lib/stories/store";
import { createUser } from "@/lib/users/store";
import { engines, secondHandle, useTestDatabase } from "@/test/db";
import { refusal } from "@/test/refusal";
import { freePort, startTestSmtp, type TestSmtp } from "@/test/smtp";
import { getOutboxMessage, listOutbox, retryMail } from "./admin";
import { composeMail } from "./compose";
import { enqueueMail, nudgeMailWorker } from "./outbox";
import { createMailWorker, MAIL_LEASE_MS, NO_MAIL_SERVER, retryDelayMs } from "./worker";

const MIN = 60_000;
const at = (base: Date, ms: number) => new Date(base.getTime() + ms);

/** Queues one message outside any other change; returns its id. */
async function queue(db: Db, subject: string, to = "sahar@example.org"): Promise<string> {
  const m = composeMail({ siteName: "The Kabul Lantern", origin: "https://news.example.org", subject, greeting: "Hello Sahar,", paragraphs: [`About ${subject}.`], action: { label: "Open the desk", url: "/dashboard" } });
  return enqueueMail(db, { kind: "review_returned", to, subject: m.subject, text: m.text, html: m.html });
}

async function row(db: Db, id: string) {
  const [r] = await db.select().from(mailOutbox).where(eq(mailOutbox.id, id));
  return r!;
}

describe.each(engines())("the mail worker on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const db = () => handle().db;
  let smtp: TestSmtp;
  let admin: Viewer;
  let writer: Viewer;
  // Ahead of every row's queue time (the database's clock), so each is due at T0.
  const T0 = new Date(Math.ceil((Date.now() + 60 * MIN) / 1000) * 1000);

  beforeAll(async () => {
    smtp = await startTestSmtp();
  });
  afterAll(async () => {
    await smtp?.close();
  });

  it("sets up the site, an admin and a writer", async () => {
    await saveSiteSettings({ siteName: "The Kabul Lantern", tagline: "", aboutText: "", timeZone: "Asia/Kabul", locale: "en-US" });
    admin = (await loadViewer(await createUser({ email: "admin@example.org", name: "Ada", role: "admin", password: "correct horse battery" })))!;
    writer = (await loadViewer(await createUser({ email: "sahar@example.org", name: "Sahar", role: "writer", password: "correct horse battery" })))!;
  });

  it("sends a queued message with both parts, From MAIL_FROM, its Message-ID, and marks it sent once", async () => {
    const id = await queue(db(), "River rises");
    const worker = createMailWorker({ db: async () => db(), smtpUrl: smtp.url, mailFrom: '"The Kabul Lantern" <news@example.org>' });
    const r = await worker.step(T0);
    expect(r).toMatchObject({ claimed: 1, sent: 1, retrying: 0, failed: 0 });
    expect(smtp.messages).toHaveLength(1);
    const m = smtp.messages[0]!;
    expect(m.subject).toBe("River rises");
    expect(m.from?.value).toEqual([{ name: "The Kabul Lantern", address: "news@example.org" }]);
    expect((m.to as { value: { address: string }[] }).value[0]!.address).toBe("sahar@example.org");
    expect(m.messageId).toBe(`<${id}@example.org>`);
    expect(m.headers.get("auto-submitted")).toBe("auto-generated");
    expect(m.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
    expect(m.text).toContain("Hello Sahar,\n\nAbout River rises.");
    expect(m.text).toContain("Open the desk: https://news.example.org/dashboard");
    expect(m.html).toContain('href="https://news.example.org/dashboard"');
    const after = await row(db(), id);
    expect(after).toMatchObject({ status: "sent", attempts: 1, messageId: `<${id}@example.org>`, lastError: null });
    expect(after.sentAt).toEqual(T0);
    // Sent rows are never claimed again.
    expect((await worker.step(at(T0, 24 * 60 * MIN))).claimed).toBe(0);
    expect(smtp.messages).toHaveLength(1);
    await worker.stop();
  });

  it("writes the default From from the site's name and SITE_URL's host when MAIL_FROM is unset", async () => {
    const before = smtp.messages.length;
    await queue(db(), "Default sender");
    const worker = createMailWorker({ db: async () => db(), smtpUrl: smtp.url, mailFrom: undefined });
    await worker.step(T0);
    await worker.stop();
    const from = smtp.messages[before]!.from!.value[0]!;
    expect(from.name).toBe("The Kabul Lantern");
    expect(from.address).toMatch(/^no-reply@/);
  });

  it("keeps a message pending with backoff and the error while the server is down, and sends it when it is back", async () => {
    const port = await freePort();
    const id = await queue(db(), "Bridge closed");
    const worker = createMailWorker({ db: async () => db(), smtpUrl: `smtp://127.0.0.1:${port}` });
    expect(await worker.step(T0)).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
    let r = await row(db(), id);
    expect(r).toMatchObject({ status: "pending", attempts: 1 });
    expect(r.lastError).toMatch(/ECONNREFUSED/);
    expect(r.nextAttemptAt).toEqual(at(T0, 1 * MIN));
    // Not due before its time.
    expect((await worker.step(at(T0, 59_000))).claimed).toBe(0);
    expect(await worker.step(at(T0, 1 * MIN))).toMatchObject({ claimed: 1, retrying: 1 });
    r = await row(db(), id);
    expect(r).toMatchObject({ status: "pending", attempts: 2 });
    expect(r.nextAttemptAt).toEqual(at(T0, 3 * MIN));
    // The server comes back on that port.
    const back = await startTestSmtp(port);
    try {
      expect(await worker.step(at(T0, 3 * MIN))).toMatchObject({ claimed: 1, sent: 1 });
      expect(back.messages.map((m) => m.subject)).toEqual(["Bridge closed"]);
      r = await row(db(), id);
      expect(r).toMatchObject({ status: "sent", attempts: 3, lastError: null });
      expect(r.sentAt).toEqual(at(T0, 3 * MIN));
    } finally {
      await worker.stop();
      await back.close();
    }
  });

  it("retries after a temporary (4yz) refusal and gives up at once on a permanent (5yz) one", async () => {
    const worker = createMailWorker({ db: async () => db(), smtpUrl: smtp.url });
    const soft = await queue(db(), "Greylisted");
    smtp.reject = { code: 451, text: "Greylisted, try again later" };
    expect(await worker.step(T0)).toMatchObject({ claimed: 1, retrying: 1 });
    expect(await row(db(), soft)).toMatchObject({ status: "pending", attempts: 1, lastError: expect.stringMatching(/451 Greylisted/) });
    smtp.reject = null;
    expect(await worker.step(at(T0, 1 * MIN))).toMatchObject({ sent: 1 });
    expect((await row(db(), soft)).status).toBe("sent");

    const hard = await queue(db(), "No such mailbox", "nobody@example.org");
    smtp.reject = { code: 550, text: "No such user here" };
    try {
      expect(await worker.step(T0)).toMatchObject({ claimed: 1, failed: 1 });
    } finally {
      smtp.reject = null;
    }
    expect(await row(db(), hard)).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringMatching(/550 No such user here/) });
    await worker.stop();
  });

  it("gives up after the last try as failed, with the last error, after 1, 2, 4 … minutes", async () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => retryDelayMs(n) / MIN)).toEqual([1, 2, 4, 8, 16, 32, 60, 60]);
    const port = await freePort();
    const id = await queue(db(), "Never arrives");
    const worker = createMailWorker({ db: async () => db(), smtpUrl: `smtp://127.0.0.1:${port}`, maxAttempts: 4 });
    let now = T0;
    for (let n = 1; n <= 3; n++) {
      expect(await worker.step(now)).toMatchObject({ claimed: 1, retrying: 1 });
      now = at(now, retryDelayMs(n));
      expect((await row(db(), id)).nextAttemptAt).toEqual(now);
    }
    expect(await worker.step(now)).toMatchObject({ claimed: 1, failed: 1 });
    const r = await row(db(), id);
    expect(r).toMatchObject({ status: "failed", attempts: 4 });
    expect(r.lastError).toMatch(/ECONNREFUSED/);
    expect((await worker.step(at(now, 24 * 60 * MIN))).claimed).toBe(0);
    await worker.stop();

    // An admin retries it once the server is reachable: a fresh count, sent at once.
    expect((await refusal(retryMail(writer, id, { smtpUrl: smtp.url }))).code).toBe("forbidden");
    await retryMail(admin, id, { now, smtpUrl: smtp.url });
    expect(await row(db(), id)).toMatchObject({ status: "pending", attempts: 0 });
    expect((await refusal(retryMail(admin, id, { smtpUrl: smtp.url }))).code).toBe("conflict");
    const sender = createMailWorker({ db: async () => db(), smtpUrl: smtp.url });
    expect(await sender.step(now)).toMatchObject({ claimed: 1, sent: 1 });
    await sender.stop();
    expect(await row(db(), id)).toMatchObject({ status: "sent", attempts: 1 });
    expect((await refusal(retryMail(admin, id, { smtpUrl: smtp.url }))).message).toBe("This message was already sent.");
  });

  it("without a mail server, holds due messages and prints each to the log once; they wait for an admin", async () => {
    const lines: string[] = [];
    const id = await queue(db(), "Invitation to the desk");
    const worker = createMailWorker({ db: async () => db(), smtpUrl: null, log: (t) => lines.push(t) });
    expect(await worker.step(T0)).toMatchObject({ claimed: 1, held: 1, sent: 0 });
    expect(await row(db(), id)).toMatchObject({ status: "held", attempts: 0, lastError: NO_MAIL_SERVER, sentAt: null });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("Not sent: no mail server");
    expect(lines[0]).toContain("To: sahar@example.org");
    expect(lines[0]).toContain("Subject: Invitation to the desk");
    expect(lines[0]).toContain("Hello Sahar,\n\nAbout Invitation to the desk.");
    // Once: later passes print nothing more.
    expect((await worker.step(at(T0, 60 * MIN))).claimed).toBe(0);
    expect(lines).toHaveLength(1);
    await worker.stop();

    // A worker with a mail server leaves held messages alone until an admin asks.
    const before = smtp.messages.length;
    const sender = createMailWorker({ db: async () => db(), smtpUrl: smtp.url });
    expect((await sender.step(at(T0, 365 * 24 * 60 * MIN))).claimed).toBe(0);
    expect(smtp.messages).toHaveLength(before);
    expect((await refusal(retryMail(admin, id, { smtpUrl: null }))).message).toMatch(/No mail server is configured: set SMTP_URL/);
    await retryMail(admin, id, { now: T0, smtpUrl: smtp.url });
    expect(await sender.step(T0)).toMatchObject({ sent: 1 });
    expect(smtp.messages.at(-1)!.subject).toBe("Invitation to the desk");
    await sender.stop();
  });

  it("does not let a second worker take a message while the first is sending it (the lease)", async () => {
    const id = await queue(db(), "Slow server");
    let release!: () => void;
    smtp.hold = new Promise<void>((r) => (release = r));
    const first = createMailWorker({ db: async () => db(), smtpUrl: smtp.url });
    const second = createMailWorker({ db: async () => db(), smtpUrl: smtp.url });
    const before = smtp.messages.length;
    try {
      const sending = first.step(T0);
      // Wait until the first worker holds the lease.
      for (let i = 0; i < 100 && (await row(db(), id)).attempts === 0; i++) await new Promise((r) => setTimeout(r, 20));
      expect((await row(db(), id)).nextAttemptAt).toEqual(at(T0, MAIL_LEASE_MS));
      expect((await second.step(at(T0, 5 * MIN))).claimed).toBe(0);
      release();
      expect(await sending).toMatchObject({ claimed: 1, sent: 1 });
    } finally {
      smtp.hold = null;
      release();
      await first.stop();
      await second.stop();
    }
    expect(smtp.messages.length - before).toBe(1);
    expect(await row(db(), id)).toMatchObject({ status: "sent", attempts: 1 });
  });

  it("once started, sends what is queued as soon as nudgeMailWorker() is called, without waiting for its poll", async () => {
    const before = smtp.messages.length;
    const worker = createMailWorker({ db: async () => db(), smtpUrl: smtp.url, pollMs: 60 * MIN });
    worker.start();
    try {
      // The first pass runs at start; let it finish before queueing.
      await new Promise((r) => setTimeout(r, 300));
      const id = await queue(db(), "Nudged");
      nudgeMailWorker();
      await expect.poll(async () => (await row(db(), id)).status, { timeout: 10_000 }).toBe("sent");
      expect(smtp.messages.slice(before).map((m) => m.subject)).toEqual(["Nudged"]);
    } finally {
      await worker.stop();
    }
    // Stopped: a nudge reaches nothing.
    const id = await queue(db(), "After stop");
    nudgeMailWorker();
    await new Promise((r) => setTimeout(r, 300));
    expect((await row(db(), id)).status).toBe("pending");
    await db().delete(mailOutbox).where(eq(mailOutbox.id, id));
  });

  it("lists the outbox newest first for admins only, and opens one message with both parts", async () => {
    expect((await refusal(listOutbox(writer))).code).toBe("forbidden");
    const list = await listOutbox(admin);
    expect(list.total).toBeGreaterThan(5);
    const times = list.items.map((i) => i.createdAt.getTime());
    expect([...times].sort((a, b) => b - a)).toEqual(times);
    const one = await getOutboxMessage(admin, list.items[0]!.id);
    expect(one.textBody).toContain("Hello Sahar,");
    expect(one.htmlBody).toContain("<!doctype html>");
    expect((await refusal(getOutboxMessage(admin, "not-an-id"))).code).toBe("not_found");
    expect((await refusal(getOutboxMessage(writer, one.id))).code).toBe("forbidden");
  });

  it("sends each of 50 messages exactly once with two workers on two connections racing", async () => {
    await db().delete(mailOutbox);
    const other = await secondHandle(engine, handle());
    const received = new Map<string, number>();
    const before = smtp.messages.length;
    try {
      const ids: string[] = [];
      for (let i = 0; i < 50; i++) ids.push(await queue(db(), `Race ${i}`, `reader${i}@example.org`));
      smtp.delayMs = 5;
      const a = createMailWorker({ db: async () => db(), smtpUrl: smtp.url, batchSize: 5 });
      const b = createMailWorker({ db: async () => other.db, smtpUrl: smtp.url, batchSize: 5 });
      const now = at(T0, 1 * MIN);
      const [ra, rb] = await Promise.all([a.drain(now), b.drain(now)]);
      // A worker that ran out of due rows early may stop before the other: one more pass each.
      const [ra2, rb2] = await Promise.all([a.drain(now), b.drain(now)]);
      await Promise.all([a.stop(), b.stop()]);
      expect(ra.sent + rb.sent + ra2.sent + rb2.sent).toBe(50);
      expect(ra.sent).toBeGreaterThan(0);
      expect(rb.sent).toBeGreaterThan(0);
      for (const m of smtp.messages.slice(before)) received.set(m.subject!, (received.get(m.subject!) ?? 0) + 1);
      expect(received.size).toBe(50);
      expect([...received.values()].every((n) => n === 1)).toBe(true);
      const rows = await db().select().from(mailOutbox).where(inArray(mailOutbox.id, ids));
      expect(rows.every((r) => r.status === "sent" && r.attempts === 1)).toBe(true);
      expect(new Set(rows.map((r) => r.messageId)).size).toBe(50);
    } finally {
      smtp.delayMs = 0;
      if (other !== handle()) await other.close();
    }
  });

  it("sends a batch in the order it was queued, whatever order the table keeps the rows in", async () => {
    const before = smtp.messages.length;
    const ids: string[] = [];
    for (const n of ["first", "second", "third", "fourth", "fifth"]) ids.push(await queue(db(), `Reset link (${n})`, "mina@example.org"));
    // Rewriting a row moves it: the table now keeps the first and the third after the others.
    for (const id of [ids[0]!, ids[2]!]) await db().update(mailOutbox).set({ lastError: null }).where(eq(mailOutbox.id, id));
    const worker = createMailWorker({ db: async () => db(), smtpUrl: smtp.url });
    try {
      expect(await worker.step(at(T0, 2 * MIN))).toMatchObject({ claimed: 5, sent: 5 });
    } finally {
      await worker.stop();
    }
    expect(smtp.messages.slice(before).map((m) => m.subject)).toEqual(["first", "second", "third", "fourth", "fifth"].map((n) => `Reset link (${n})`));
  });
});
