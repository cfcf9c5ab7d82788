/**
 * The newsroom's mail, end to end below the browser: each flow runs through the product's own
 * functions (an invitation, "Forgot password?", a submission, a return, a first publication,
 * the daily digest), the mail worker sends what they queued to a real SMTP server on loopback,
 * and each received message is parsed and read as a person would: From, To, subject, both
 * parts, and the link in them, absolute under SITE_URL, pointing at a page the app has, and
 * doing what it says when followed (a sign-up or reset token that sets the password once).
 */
import fs from "node:fs";
import path from "node:path";
import { and, asc, eq, isNull } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mailOutbox, sessions, stories, tags, users } from "@/db/schema";
import { verifyCredentials } from "@/lib/auth/credentials";
import { loadViewer, type Viewer } from "@/lib/auth/load-viewer";
import { startSession } from "@/lib/auth/sessions";
import { siteUrl } from "@/lib/env";
import { sendDueDigests } from "@/lib/review/digest";
import { saveMailPreferences } from "@/lib/review/prefs";
import { setSectionEditors } from "@/lib/review/section-editors";
import { getDeskStory, saveStory } from "@/lib/stories/desk";
import { upsertByline } from "@/lib/stories/store";
import { checkToken, inviteUser, redeemToken } from "@/lib/users/invites";
import { acceptResetRequest, issuePasswordReset } from "@/lib/users/password-reset";
import { engines, useTestDatabase } from "@/test/db";
import { saveWithIntent, seedNewsroom, storyBody, TEST_PASSWORD, TEST_SITE_NAME } from "@/test/newsroom";
import { refusal, refusalText } from "@/test/refusal";
import { freePort, startTestSmtp, type TestSmtp } from "@/test/smtp";
import { createMailWorker, type MailWorker } from "./worker";

const MIN = 60_000;
const HOUR = 60 * MIN;
const SITE = TEST_SITE_NAME;
const FROM = { name: SITE, address: "desk@news.example.org" };
const PASSWORD = TEST_PASSWORD;

/** Whether the app answers `pathname` with a page or a route handler (route groups skipped, `[param]` folders matching any segment). */
function appHasPage(pathname: string): boolean {
  const segments = pathname.split("/").filter(Boolean);
  const walk = (dir: string, rest: string[]): boolean => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory());
    if (rest.length === 0) {
      if (["page.tsx", "route.ts"].some((f) => fs.existsSync(path.join(dir, f)))) return true;
      return entries.some((e) => /^\(.+\)$/.test(e.name) && walk(path.join(dir, e.name), rest));
    }
    const [head, ...tail] = rest;
    return entries.some((e) => {
      if (/^\(.+\)$/.test(e.name)) return walk(path.join(dir, e.name), rest);
      if (e.name === head || /^\[[^.\]]+\]$/.test(e.name)) return walk(path.join(dir, e.name), tail);
      return false;
    });
  };
  return walk(path.resolve(__dirname, "../../app"), segments);
}

/** The addresses a parsed message was sent to. */
const toOf = (m: ParsedMail) => (Array.isArray(m.to) ? m.to : m.to ? [m.to] : []).flatMap((a) => a.value.map((v) => v.address));

/**
 * Reads one received message as its recipient would and checks what every message must have:
 * From, one To, a subject, a text and an HTML part (multipart/alternative), and its one action
 * link, the same absolute URL in both parts, under SITE_URL, to a page the app has.
 * @returns the action's URL.
 */
function readMail(m: ParsedMail, expected: { to: string; subject: string | RegExp; action: string }): URL {
  expect(m.from?.value).toEqual([FROM]);
  expect(toOf(m)).toEqual([expected.to]);
  if (typeof expected.subject === "string") expect(m.subject).toBe(expected.subject);
  else expect(m.subject).toMatch(expected.subject);
  expect(m.headers.get("content-type")).toMatchObject({ value: "multipart/alternative" });
  expect(m.text?.length).toBeGreaterThan(0);
  expect(typeof m.html === "string" && m.html.startsWith("<!doctype html>")).toBe(true);
  const inText = new RegExp(`^${expected.action.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: (\\S+)$`, "m").exec(m.text ?? "")?.[1];
  expect(inText, `"${expected.action}: <link>" in the text part`).toBeTruthy();
  const inHtml = [...(m.html as string).matchAll(/href="([^"]+)"/g)].map((x) => x[1]!.replaceAll("&amp;", "&"));
  expect(inHtml).toContain(inText);
  const url = new URL(inText!);
  expect(url.origin).toBe(new URL(siteUrl()).origin);
  expect(appHasPage(url.pathname), `a page at ${url.pathname}`).toBe(true);
  return url;
}

/** The one-time token at the end of a /signup/<token> link. */
const tokenIn = (url: URL) => /^\/signup\/([A-Za-z0-9_-]{43})$/.exec(url.pathname)?.[1] ?? "";

describe.each(engines())("the newsroom's mail flows on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const db = () => handle().db;
  const v: Record<string, Viewer> = {};
  const ids: Record<string, string> = {};
  let smtp: TestSmtp;
  let worker: MailWorker;
  let seen = 0;

  /** Runs the worker over everything due by `at` (default: a minute from now) and returns the messages received since the last call. */
  async function deliver(at = new Date(Date.now() + MIN)): Promise<ParsedMail[]> {
    const r = await worker.drain(at);
    expect(r).toMatchObject({ retrying: 0, failed: 0, held: 0 });
    const fresh = smtp.messages.slice(seen);
    seen = smtp.messages.length;
    return fresh;
  }
  /** The messages among `received` sent to `who` (a key of `v` or an address). */
  const to = (received: ParsedMail[], who: string) => received.filter((m) => toOf(m).includes(v[who]?.email ?? who));
  /** Saves the story as it stands with `intent`, as `who`, at `now`. */
  const act = (who: string, id: string, intent: string, extra: Record<string, unknown> = {}, now = new Date()) => saveWithIntent(v[who]!, id, intent, extra, now);

  beforeAll(async () => {
    smtp = await startTestSmtp();
    worker = createMailWorker({ db: async () => db(), smtpUrl: smtp.url, mailFrom: `"${SITE}" <${FROM.address}>`, log: () => {} });
    Object.assign(v, await seedNewsroom());
  });
  afterAll(async () => {
    await worker?.stop();
    await smtp?.close();
  });

  it("invitation: the invitee receives the sign-up link, and following it sets their password (once)", async () => {
    const now = new Date();
    const invited = await inviteUser(v.laila!, { email: "Omid.Karimi@Example.org", name: "Omid Karimi", role: "writer" }, now);
    const received = await deliver();
    expect(received).toHaveLength(1);
    const m = received[0]!;
    const link = readMail(m, { to: "omid.karimi@example.org", subject: `Laila Karimzada invited you to ${SITE}`, action: "Choose your password" });
    expect(m.text).toContain(`Laila Karimzada invited you to the ${SITE} newsroom as a writer.`);
    expect(m.text).toMatch(/It works once, until .+ \(Asia\/Kabul\)\./);
    const token = tokenIn(link);
    expect(token).toHaveLength(43);
    expect(await checkToken(token, now)).toEqual({ email: "omid.karimi@example.org", name: "Omid Karimi", purpose: "invite" });

    expect(await redeemToken(token, "omid's own long password", now)).toBe("omid.karimi@example.org");
    expect((await verifyCredentials("omid.karimi@example.org", "omid's own long password", "10.1.0.1", now)).ok).toBe(true);
    const [omid] = await db().select().from(users).where(eq(users.id, invited.userId));
    expect(omid!.joinedAt).toEqual(now);
    // Used: a second visit is refused, and the first password needs no "password changed" mail.
    expect(await checkToken(token, now)).toBeNull();
    expect(await refusalText(redeemToken(token, "someone else's password", now))).toMatch(/^bad_request: This link has expired or was already used/);
    expect(await deliver()).toHaveLength(0);
  });

  it("forgot password: the account's address receives the reset link; an expired one is refused", async () => {
    const t0 = new Date();
    const accepted = await acceptResetRequest({ email: "  SAHAR@example.org " }, "10.1.0.2", t0);
    expect(accepted).toEqual({ email: "sahar@example.org" });
    expect(await issuePasswordReset(accepted.email, "10.1.0.2", t0)).toBe(true);
    // An address nobody uses is answered the same and receives nothing.
    await acceptResetRequest({ email: "nobody@example.org" }, "10.1.0.2", t0);
    expect(await issuePasswordReset("nobody@example.org", "10.1.0.2", t0)).toBe(false);
    const received = await deliver();
    expect(received).toHaveLength(1);
    const link = readMail(received[0]!, { to: "sahar@example.org", subject: `Reset your ${SITE} password`, action: "Choose a new password" });
    expect(received[0]!.text).toContain("Hello Sahar Ahmadi,");
    const token = tokenIn(link);
    // More than an hour later the link is refused, and the password stays as it was.
    const late = new Date(t0.getTime() + HOUR + MIN);
    expect(await checkToken(token, late)).toBeNull();
    expect(await refusalText(redeemToken(token, "a password set too late", late))).toMatch(/^bad_request: This link has expired or was already used/);
    expect((await verifyCredentials("sahar@example.org", PASSWORD, "10.1.0.2", late)).ok).toBe(true);
    expect(await deliver()).toHaveLength(0);
  });

  it("forgot password: a fresh link works once, ends every other session, and 'password changed' is received", async () => {
    const t1 = new Date(Date.now() + 2 * HOUR);
    const phone = await startSession(v.sahar!.id);
    const laptop = await startSession(v.sahar!.id);
    const [before] = await db().select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, v.sahar!.id));
    await issuePasswordReset((await acceptResetRequest({ email: "sahar@example.org" }, "10.1.0.3", t1)).email, "10.1.0.3", t1);
    const [resetMail] = await deliver();
    const token = tokenIn(readMail(resetMail!, { to: "sahar@example.org", subject: `Reset your ${SITE} password`, action: "Choose a new password" }));

    const used = new Date(t1.getTime() + 30 * MIN);
    expect(await redeemToken(token, "sahar's new long password", used, "10.1.0.3")).toBe("sahar@example.org");
    expect((await verifyCredentials("sahar@example.org", "sahar's new long password", "10.1.0.3", used)).ok).toBe(true);
    expect((await verifyCredentials("sahar@example.org", PASSWORD, "10.1.0.3", used)).ok).toBe(false);
    // Once: the same link again is refused and changes nothing.
    expect(await refusalText(redeemToken(token, "a third long password", used, "10.1.0.3"))).toMatch(/^bad_request: This link has expired or was already used/);
    expect((await verifyCredentials("sahar@example.org", "sahar's new long password", "10.1.0.3", used)).ok).toBe(true);

    // Every session from before is over: the rows are revoked and the session version moved on.
    const rows = await db().select().from(sessions).where(eq(sessions.userId, v.sahar!.id));
    expect(rows.map((r) => r.id).sort()).toEqual([phone, laptop].sort());
    expect(rows.every((r) => r.revokedAt?.getTime() === used.getTime())).toBe(true);
    const [after] = await db().select({ sessionVersion: users.sessionVersion }).from(users).where(eq(users.id, v.sahar!.id));
    expect(after!.sessionVersion).toBe(before!.sessionVersion + 1);
    expect(await loadViewer(v.sahar!.id, before!.sessionVersion)).toBeNull();
    expect(await loadViewer(v.sahar!.id, after!.sessionVersion)).not.toBeNull();

    const received = await deliver();
    expect(received).toHaveLength(1);
    readMail(received[0]!, { to: "sahar@example.org", subject: `Your ${SITE} password was changed`, action: "Forgot password?" });
    expect(received[0]!.text).toContain("was changed through a reset link on");
    expect(received[0]!.text).toContain("Every other session of your account was signed out.");
  });

  it("submit for review: the section's editors alone, one mail each, when the section has some", async () => {
    const story = await saveStory(v.sahar!, { title: "Clinic opens in Bamyan", body: storyBody("Sahar’s draft."), tags: ["Health"] });
    ids.health = story.id;
    const [tag] = await db().select({ id: tags.id }).from(tags).where(eq(tags.name, "Health"));
    await setSectionEditors(v.laila!, tag!.id, { userIds: [v.farid!.id] });
    await deliver();
    await act("sahar", ids.health, "submit", { reviewNote: "Photos are in the library." });
    const received = await deliver();
    expect(received.flatMap(toOf)).toEqual(["farid@example.org"]);
    const link = readMail(received[0]!, { to: "farid@example.org", subject: "For review: “Clinic opens in Bamyan”", action: "Open the story" });
    expect(link.pathname).toBe(`/dashboard/stories/${ids.health}`);
    expect(received[0]!.text).toContain("Hello Farid Haidari,");
    expect(received[0]!.text).toContain("Sahar Ahmadi submitted the story “Clinic opens in Bamyan” for review.");
    expect(received[0]!.text).toContain("> Photos are in the library.");
  });

  it("submit for review: every editor and admin, one mail each, when the section has none; never the writer", async () => {
    const story = await saveStory(v.jawid!, { title: "Buzkashi final moves to Friday", body: storyBody("Jawid’s draft."), tags: ["Sports"] });
    ids.sports = story.id;
    await act("jawid", ids.sports, "submit");
    const received = await deliver();
    expect(received.flatMap(toOf).sort()).toEqual(["farid@example.org", "laila@example.org", "mina@example.org"]);
    for (const who of ["farid", "laila", "mina"]) {
      const [m] = to(received, who);
      const link = readMail(m!, { to: v[who]!.email, subject: "For review: “Buzkashi final moves to Friday”", action: "Open the story" });
      expect(link.pathname).toBe(`/dashboard/stories/${ids.sports}`);
      // No note was written: nothing is quoted.
      expect(m!.text).not.toMatch(/^> /m);
    }
  });

  it("return to writer: the writer receives the mail with the editor's note quoted, in both parts", async () => {
    const note = "Add the clinic's opening hours.\nAnd a quote from a patient <with care>.";
    await act("farid", ids.health!, "return", { reviewNote: note });
    const received = await deliver();
    expect(received.flatMap(toOf)).toEqual(["sahar@example.org"]);
    const m = received[0]!;
    const link = readMail(m, { to: "sahar@example.org", subject: "Returned to you: “Clinic opens in Bamyan”", action: "Open the story" });
    expect(link.pathname).toBe(`/dashboard/stories/${ids.health}`);
    expect(m.text).toContain("Farid Haidari returned the story “Clinic opens in Bamyan” to you as a draft.");
    expect(m.text).toContain("> Add the clinic's opening hours.\n> And a quote from a patient <with care>.");
    expect(m.html).toMatch(/<blockquote[^>]*>Add the clinic(&#x27;|&#39;|')s opening hours\.\nAnd a quote from a patient &lt;with care&gt;\.<\/blockquote>/);
  });

  it("first publication: the byline owners with logins receive it, not the publisher nor a byline without a login; a republication sends nothing", async () => {
    const agency = await upsertByline({ slug: "agency-staff", name: "Agency Staff" });
    const s = await getDeskStory(v.mina!, ids.sports!);
    await saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, body: JSON.stringify(s.body), tags: s.tags, bylineIds: [...v.jawid!.bylineIds, ...v.mina!.bylineIds, agency], intent: "publish" });
    const received = await deliver();
    expect(received.flatMap(toOf)).toEqual(["jawid@example.org"]);
    const m = received[0]!;
    const link = readMail(m, { to: "jawid@example.org", subject: "Published: “Buzkashi final moves to Friday”", action: "Open the story" });
    expect(link.pathname).toBe(`/dashboard/stories/${ids.sports}`);
    expect(m.text).toContain("Mina Rahimi published your story “Buzkashi final moves to Friday”.");
    const [row] = await db().select({ slug: stories.slug }).from(stories).where(eq(stories.id, ids.sports!));
    expect(m.text).toContain(`Readers see it at ${siteUrl()}/news/${row!.slug}`);
    expect(appHasPage(`/news/${row!.slug}`)).toBe(true);

    await act("mina", ids.sports!, "unpublish");
    await act("farid", ids.sports!, "publish");
    expect(await deliver()).toHaveLength(0);
  });

  it("digest: nothing before the hour; at the hour one digest listing what waited; not again that day", async () => {
    // Jawid wants publications in a digest at 08:00 Kabul time (03:30 UTC).
    await saveMailPreferences(v.jawid!, { published: "digest", digestHour: 8 });
    const at = (iso: string) => new Date(iso);
    const first = await saveStory(v.jawid!, { title: "Wrestling club reopens", body: storyBody("Draft.") }, at("2030-05-01T00:30:00Z"));
    await act("mina", first.id, "publish", {}, at("2030-05-01T01:00:00Z"));
    const second = await saveStory(v.jawid!, { title: "Cricket pitch repaired", body: storyBody("Draft.") }, at("2030-05-01T00:40:00Z"));
    await act("mina", second.id, "publish", {}, at("2030-05-01T01:05:00Z"));
    expect(await deliver(at("2030-05-01T01:10:00Z"))).toHaveLength(0);
    expect(await sendDueDigests(at("2030-05-01T03:29:00Z"))).toEqual([]);
    expect(await deliver(at("2030-05-01T03:29:00Z"))).toHaveLength(0);

    expect(await sendDueDigests(at("2030-05-01T03:30:00Z"))).toEqual([v.jawid!.id]);
    const received = await deliver(at("2030-05-01T03:30:00Z"));
    expect(received).toHaveLength(1);
    const digest = received[0]!;
    const link = readMail(digest, { to: "jawid@example.org", subject: "Your daily digest: 2 notifications", action: "Open your notifications" });
    expect(link.pathname).toBe("/dashboard/notifications");
    expect(digest.text).toContain("Since your last digest (times in Asia/Kabul):");
    expect(digest.text).toMatch(/May 1, 2030.+5:30 AM: Mina Rahimi published “Wrestling club reopens”\. http\S+\/dashboard\/stories\//);
    expect(digest.text).toContain("Mina Rahimi published “Cricket pitch repaired”.");
    for (const story of [first, second]) {
      expect(digest.text).toContain(`${siteUrl()}/dashboard/stories/${story.id}`);
      expect(digest.html).toContain(`${siteUrl()}/dashboard/stories/${story.id}`);
    }

    // Later that day, with something new waiting: nothing more until the next day's hour.
    const third = await saveStory(v.jawid!, { title: "Volleyball league starts", body: storyBody("Draft.") }, at("2030-05-01T05:00:00Z"));
    await act("mina", third.id, "publish", {}, at("2030-05-01T05:10:00Z"));
    for (const later of ["2030-05-01T03:30:00Z", "2030-05-01T12:00:00Z", "2030-05-02T03:29:59Z"]) {
      expect(await sendDueDigests(at(later))).toEqual([]);
      expect(await deliver(at(later))).toHaveLength(0);
    }
    expect(await sendDueDigests(at("2030-05-02T03:30:00Z"))).toEqual([v.jawid!.id]);
    const [next] = await deliver(at("2030-05-02T03:30:00Z"));
    readMail(next!, { to: "jawid@example.org", subject: "Your daily digest: 1 notification", action: "Open your notifications" });
    expect(next!.text).toContain("“Volleyball league starts”");
    expect(next!.text).not.toContain("Wrestling");
  });

  it("digest after Off: switching a kind from Off to Daily digest lists what comes after, not what Off kept from mail", async () => {
    const at = (iso: string) => new Date(iso);
    // Sahar wants no mail about publications, and two of her stories go live.
    await saveMailPreferences(v.sahar!, { published: "off", digestHour: 8 });
    for (const [title, time] of [
      ["Bamyan road reopens", "2030-06-01T01:00:00Z"],
      ["Band-e Amir visitors return", "2030-06-02T01:00:00Z"],
    ] as const) {
      const story = await saveStory(v.sahar!, { title, body: storyBody("Draft.") }, at(time));
      await act("mina", story.id, "publish", {}, new Date(at(time).getTime() + MIN));
    }
    expect(await sendDueDigests(at("2030-06-02T03:30:00Z"))).toEqual([]);
    expect(await deliver(at("2030-06-02T03:30:00Z"))).toHaveLength(0);

    // Then she chooses the digest for them: the next one lists only what came after.
    await saveMailPreferences(v.sahar!, { published: "digest", digestHour: 8 });
    expect(await sendDueDigests(at("2030-06-03T03:30:00Z"))).toEqual([]);
    const story = await saveStory(v.sahar!, { title: "Bamyan festival opens", body: storyBody("Draft.") }, at("2030-06-03T04:00:00Z"));
    await act("mina", story.id, "publish", {}, at("2030-06-03T04:01:00Z"));
    expect(await sendDueDigests(at("2030-06-04T03:30:00Z"))).toEqual([v.sahar!.id]);
    const [digest] = await deliver(at("2030-06-04T03:30:00Z"));
    readMail(digest!, { to: "sahar@example.org", subject: "Your daily digest: 1 notification", action: "Open your notifications" });
    expect(digest!.text).toContain("“Bamyan festival opens”");
    expect(digest!.text).not.toContain("Bamyan road reopens");
    expect(digest!.text).not.toContain("Band-e Amir");
    await saveMailPreferences(v.sahar!, { published: "immediate", digestHour: 8 });
  });

  it("SMTP down during a flow: the save still succeeds; the mail arrives once the server is back", async () => {
    const port = await freePort();
    const down = createMailWorker({ db: async () => db(), smtpUrl: `smtp://127.0.0.1:${port}`, mailFrom: `"${SITE}" <${FROM.address}>`, log: () => {} });
    const t = new Date(Date.now() + MIN);
    try {
      await act("sahar", ids.health!, "submit", { reviewNote: "Hours and a quote added." });
      const [row] = await db().select({ status: stories.status }).from(stories).where(eq(stories.id, ids.health!));
      expect(row!.status).toBe("in_review");
      expect(await down.drain(t)).toMatchObject({ claimed: 1, sent: 0, retrying: 1 });
      const [queued] = await db().select().from(mailOutbox).where(and(eq(mailOutbox.toAddress, "farid@example.org"), isNull(mailOutbox.sentAt))).orderBy(asc(mailOutbox.createdAt));
      expect(queued).toMatchObject({ status: "pending", attempts: 1, subject: "Resubmitted: “Clinic opens in Bamyan”" });
      expect(queued!.lastError).toMatch(/ECONNREFUSED/);

      const back = await startTestSmtp(port);
      try {
        expect(await down.drain(new Date(t.getTime() + MIN))).toMatchObject({ claimed: 1, sent: 1, retrying: 0 });
        expect(back.messages).toHaveLength(1);
        const link = readMail(back.messages[0]!, { to: "farid@example.org", subject: "Resubmitted: “Clinic opens in Bamyan”", action: "Open the story" });
        expect(link.pathname).toBe(`/dashboard/stories/${ids.health}`);
        expect(back.messages[0]!.text).toContain("> Hours and a quote added.");
        const [sent] = await db().select().from(mailOutbox).where(eq(mailOutbox.id, queued!.id));
        expect(sent).toMatchObject({ status: "sent", attempts: 2, lastError: null });
      } finally {
        await back.close();
      }
    } finally {
      await down.stop();
    }
    // Nothing is left for anyone else to send.
    expect(await deliver()).toHaveLength(0);
  });

  it("a refused reset request (over the limit) queues nothing and receives nothing", async () => {
    const t = new Date(Date.now() + 5 * HOUR);
    for (let i = 0; i < 3; i++) await issuePasswordReset((await acceptResetRequest({ email: "mina@example.org" }, "10.1.0.9", t)).email, "10.1.0.9", t);
    expect((await refusal(acceptResetRequest({ email: "mina@example.org" }, "10.1.0.9", t))).code).toBe("rate_limited");
    const received = await deliver();
    expect(received.flatMap(toOf)).toEqual(["mina@example.org", "mina@example.org", "mina@example.org"]);
    // Only the newest link works: each request spends the one before.
    const tokens = received.map((m) => tokenIn(readMail(m, { to: "mina@example.org", subject: `Reset your ${SITE} password`, action: "Choose a new password" })));
    const open = await Promise.all(tokens.map((tk) => checkToken(tk, t)));
    expect(open.map((o) => o !== null)).toEqual([false, false, true]);
  });
});
