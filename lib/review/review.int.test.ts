/**
 * The review loop on PGlite and PostgreSQL: submissions routed to a section's editors (or to
 * every editor), returns with a note, resubmissions, publication and correction notices, mail
 * preferences (at once, off, the daily digest on a controlled clock) and the notification
 * centre, with the outbox rows each one queues.
 */
import { and, asc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { auditLog, mailOutbox, notifications, stories, tags, users } from "@/db/schema";
import type { Viewer } from "@/lib/auth/load-viewer";
import { siteUrl } from "@/lib/env";
import { getDeskStory, saveStory } from "@/lib/stories/desk";
import { engines, useTestDatabase } from "@/test/db";
import { saveWithIntent, seedNewsroom, storyBody } from "@/test/newsroom";
import { kabulLocal, refusal, refusalText } from "@/test/refusal";
import { listNotifications, markAllNotificationsRead, markNotificationRead, unreadCount } from "./centre";
import { sendDueDigests } from "./digest";
import { getMailPreferences, saveMailPreferences } from "./prefs";
import { announceScheduledPublications } from "./publications";
import { countNeedsReview, getOpenReturnNote, getReviewThread, listNeedsReview } from "./queue";
import { setSectionEditors } from "./section-editors";

const MIN = 60_000;

describe.each(engines())("the review loop on %s", (engine) => {
  const handle = useTestDatabase(engine);
  const v: Record<string, Viewer> = {};
  const db = () => handle().db;

  /** The outbox rows queued to `who`, oldest first. */
  const mailTo = async (who: string, kind?: string) =>
    (await db().select().from(mailOutbox).where(eq(mailOutbox.toUserId, v[who]!.id)).orderBy(asc(mailOutbox.createdAt))).filter((m) => !kind || m.kind === kind);
  const notesOf = async (who: string) => db().select().from(notifications).where(eq(notifications.userId, v[who]!.id)).orderBy(asc(notifications.createdAt));
  /** Saves the story as it stands with `intent` (and extra fields), as `who`, at `now`. */
  const act = (who: string, id: string, intent: string, extra: Record<string, unknown> = {}, now = new Date()) => saveWithIntent(v[who]!, id, intent, extra, now);
  const ids: Record<string, string> = {};
  const t0 = new Date("2030-05-01T00:00:00Z");

  beforeAll(async () => {
    Object.assign(v, await seedNewsroom());
  });

  it("admins assign section editors; nobody else can, and only editors can be assigned", async () => {
    const health = await saveStory(v.sahar!, { title: "Clinic opens in Bamyan", body: storyBody("Sahar’s draft."), tags: ["Health"] }, t0);
    ids.health = health.id;
    const [tag] = await db().select({ id: tags.id }).from(tags).where(eq(tags.name, "Health"));
    ids.healthTag = tag!.id;
    expect(await refusalText(setSectionEditors(v.mina!, tag!.id, { userIds: [v.farid!.id] }))).toBe("forbidden: Only admins assign section editors.");
    expect((await refusal(setSectionEditors(v.laila!, tag!.id, { userIds: [v.sahar!.id] }))).code).toBe("bad_request");
    expect(await setSectionEditors(v.laila!, tag!.id, { userIds: [v.farid!.id] })).toEqual([v.farid!.id]);
    const [entry] = await db().select().from(auditLog).where(eq(auditLog.action, "tag.section_editors"));
    expect(entry!.details).toMatchObject({ changes: { sectionEditors: { from: "", to: "Farid Haidari" } } });
  });

  it("a submission goes to the section's editors alone, with a notification and a mail each", async () => {
    const saved = await act("sahar", ids.health!, "submit", { reviewNote: "Photos are in the library." }, t0);
    expect(saved.status).toBe("in_review");
    const [row] = await db().select().from(stories).where(eq(stories.id, ids.health!));
    expect(row!.submittedAt!.getTime()).toBe(t0.getTime());
    expect(row!.submittedBy).toBe(v.sahar!.id);
    const [n] = await notesOf("farid");
    expect(n).toMatchObject({ kind: "review_submitted", message: "Sahar Ahmadi submitted “Clinic opens in Bamyan” for review", note: "Photos are in the library.", link: `/dashboard/stories/${ids.health}` });
    expect(n!.mailedAt).not.toBeNull();
    const [mail] = await mailTo("farid");
    const link = `${siteUrl()}/dashboard/stories/${ids.health}`;
    expect(mail).toMatchObject({ kind: "review_submitted", toAddress: "farid@example.org", subject: "For review: “Clinic opens in Bamyan”", status: "pending" });
    expect(mail!.textBody).toContain(link);
    expect(mail!.textBody).toContain("> Photos are in the library.");
    expect(mail!.htmlBody).toContain(`href="${link}"`);
    // Not the other editors, the admin, nor the writer.
    for (const who of ["mina", "laila", "sahar"]) expect(await notesOf(who)).toHaveLength(0);
  });

  it("a section without editors: every active editor and admin is notified, not the submitter", async () => {
    const sports = await saveStory(v.jawid!, { title: "Buzkashi final moves to Friday", body: storyBody("Jawid’s draft."), tags: ["Sports"] }, t0);
    ids.sports = sports.id;
    await act("jawid", ids.sports, "submit", {}, new Date(t0.getTime() + MIN));
    for (const who of ["mina", "farid", "laila"]) {
      const mails = await mailTo(who, "review_submitted");
      expect(mails.map((m) => m.subject)).toContain("For review: “Buzkashi final moves to Friday”");
    }
    expect(await notesOf("jawid")).toHaveLength(0);
  });

  it("Needs review lists waiting stories oldest first with who submitted them; writers have no queue", async () => {
    const queue = await listNeedsReview(v.mina!);
    expect(queue.map((q) => [q.title, q.submittedByName, q.submittedAt.getTime()])).toEqual([
      ["Clinic opens in Bamyan", "Sahar Ahmadi", t0.getTime()],
      ["Buzkashi final moves to Friday", "Jawid Sultani", t0.getTime() + MIN],
    ]);
    expect(await countNeedsReview(v.mina!)).toBe(2);
    expect(await countNeedsReview(v.sahar!)).toBe(0);
    expect((await refusal(listNeedsReview(v.sahar!))).code).toBe("forbidden");
  });

  it("refuses a return by a writer, and a return without a note", async () => {
    expect((await refusal(act("jawid", ids.sports!, "return", { reviewNote: "Mine" }))).code).toBe("forbidden");
    const e = await refusal(act("mina", ids.sports!, "return", { reviewNote: "  " }));
    expect(e.code).toBe("bad_request");
    expect(e.fields).toEqual({ reviewNote: "Required" });
    const [row] = await db().select().from(stories).where(eq(stories.id, ids.sports!));
    expect(row!.status).toBe("in_review");
  });

  it("a return puts the story back to draft, notifies the writer with the note quoted, and stays in the thread", async () => {
    const note = "Add the clinic's opening hours.\nAnd a quote from a patient.";
    const saved = await act("farid", ids.health!, "return", { reviewNote: note }, new Date(t0.getTime() + 2 * MIN));
    expect(saved.status).toBe("draft");
    const [row] = await db().select().from(stories).where(eq(stories.id, ids.health!));
    expect([row!.submittedAt, row!.submittedBy]).toEqual([null, null]);
    const [n] = await notesOf("sahar");
    expect(n).toMatchObject({ kind: "review_returned", message: "Farid Haidari returned “Clinic opens in Bamyan” to you", note });
    const [mail] = await mailTo("sahar", "review_returned");
    expect(mail!.subject).toBe("Returned to you: “Clinic opens in Bamyan”");
    expect(mail!.textBody).toContain("> Add the clinic's opening hours.\n> And a quote from a patient.");
    expect(mail!.htmlBody).toContain("<blockquote");
    expect(mail!.htmlBody).toContain(`${siteUrl()}/dashboard/stories/${ids.health}`);
    expect(await getOpenReturnNote(v.sahar!, ids.health!)).toEqual({ note, authorName: "Farid Haidari", createdAt: new Date(t0.getTime() + 2 * MIN) });
    const [audit] = await db().select().from(auditLog).where(and(eq(auditLog.action, "story.return"), eq(auditLog.entityId, ids.health!)));
    expect(audit!.details).toMatchObject({ note });
    // Another writer cannot read the thread.
    expect((await refusal(getReviewThread(v.jawid!, ids.health!))).code).toBe("not_found");
  });

  it("the writer resubmits: the editors hear of it, the return note is no longer open, the thread keeps all three", async () => {
    await act("sahar", ids.health!, "submit", { reviewNote: "Hours and a quote added." }, new Date(t0.getTime() + 3 * MIN));
    expect(await getOpenReturnNote(v.sahar!, ids.health!)).toBeNull();
    const farid = await notesOf("farid");
    expect(farid.at(-1)!.message).toBe("Sahar Ahmadi resubmitted “Clinic opens in Bamyan” for review");
    expect((await mailTo("farid", "review_submitted")).at(-1)!.subject).toBe("Resubmitted: “Clinic opens in Bamyan”");
    const thread = await getReviewThread(v.mina!, ids.health!);
    expect(thread.map((t) => [t.kind, t.resubmission, t.authorName, t.note])).toEqual([
      ["submit", false, "Sahar Ahmadi", "Photos are in the library."],
      ["return", false, "Farid Haidari", "Add the clinic's opening hours.\nAnd a quote from a patient."],
      ["submit", true, "Sahar Ahmadi", "Hours and a quote added."],
    ]);
    // A resubmitted story waits from its resubmission, so it now comes after the other one.
    expect((await listNeedsReview(v.mina!)).map((q) => q.title)).toEqual(["Buzkashi final moves to Friday", "Clinic opens in Bamyan"]);
  });

  it("the first publication notifies the byline owners with logins, never the publisher; a republication nobody", async () => {
    // Mina puts her own byline beside Jawid's, then publishes: Jawid hears of it, Mina does not.
    const s = await getDeskStory(v.mina!, ids.sports!);
    await saveStory(v.mina!, { id: s.id, version: s.version, title: s.title, body: JSON.stringify(s.body), tags: s.tags, bylineIds: [...v.jawid!.bylineIds, ...v.mina!.bylineIds], intent: "publish" });
    const [n] = (await notesOf("jawid")).filter((x) => x.kind === "published");
    expect(n!.message).toBe("Mina Rahimi published “Buzkashi final moves to Friday”");
    const [mail] = await mailTo("jawid", "published");
    expect(mail!.subject).toBe("Published: “Buzkashi final moves to Friday”");
    expect(mail!.textBody).toContain(`${siteUrl()}/dashboard/stories/${ids.sports}`);
    expect(await mailTo("mina", "published")).toHaveLength(0);
    const [row] = await db().select().from(stories).where(eq(stories.id, ids.sports!));
    expect(row!.submittedAt).toBeNull();
    await act("mina", ids.sports!, "unpublish");
    await act("farid", ids.sports!, "publish");
    expect(await mailTo("jawid", "published")).toHaveLength(1);
  });

  it("a correction notifies the byline owners and the editors, not the one who made it; a plain update nobody", async () => {
    const before = await db().select().from(notifications);
    await act("mina", ids.sports!, "update", { noteKind: "update", note: "Added the kick-off time." });
    expect(await db().select().from(notifications)).toHaveLength(before.length);
    await act("mina", ids.sports!, "update", { noteKind: "correction", note: "The final is on Friday, not Thursday." });
    const fresh = (await db().select().from(notifications)).filter((n) => n.kind === "correction");
    const names = (await db().select({ id: users.id, name: users.name }).from(users)).filter((u) => fresh.some((n) => n.userId === u.id)).map((u) => u.name).sort();
    expect(names).toEqual(["Farid Haidari", "Jawid Sultani", "Laila Karimzada"]);
    const [mail] = await mailTo("jawid", "correction");
    expect(mail!.subject).toBe("Correction: “Buzkashi final moves to Friday”");
    expect(mail!.textBody).toContain("> The final is on Friday, not Thursday.");
  });

  it("preferences: off keeps the notification and sends no mail; a bad hour or mode is refused", async () => {
    expect(await getMailPreferences(v.sahar!)).toEqual({ modes: { review_submitted: "immediate", review_returned: "immediate", published: "immediate", correction: "immediate", webhook_failing: "immediate" }, digestHour: 8 });
    await saveMailPreferences(v.sahar!, { review_returned: "off", digestHour: "8" });
    const mailsBefore = (await mailTo("sahar")).length;
    await act("mina", ids.health!, "return", { reviewNote: "One more photo credit." });
    expect((await notesOf("sahar")).filter((n) => n.kind === "review_returned")).toHaveLength(2);
    expect(await mailTo("sahar")).toHaveLength(mailsBefore);
    expect(await refusalText(saveMailPreferences(v.sahar!, { digestHour: "24" }))).toBe("bad_request: Choose the digest hour as a whole hour from 0 to 23.");
    expect((await refusal(saveMailPreferences(v.sahar!, { digestHour: "seven" }))).fields).toEqual({ digestHour: "Choose the digest hour as a whole hour from 0 to 23." });
    expect((await refusal(saveMailPreferences(v.sahar!, { published: "weekly", digestHour: 8 }))).code).toBe("bad_request");
    expect((await getMailPreferences(v.sahar!)).modes.review_returned).toBe("off");
  });

  it("digest: nothing before the hour, then one mail with everything pending, once a day, even called again", async () => {
    // Jawid wants publications in his digest at 08:00 Kabul time (03:30 UTC).
    await saveMailPreferences(v.jawid!, { published: "digest", correction: "digest", digestHour: 8 });
    const at = (iso: string) => new Date(iso);
    const first = await saveStory(v.jawid!, { title: "Wrestling club reopens", body: storyBody("Draft.") }, at("2030-05-01T00:30:00Z"));
    await act("mina", first.id, "publish", {}, at("2030-05-01T01:00:00Z"));
    const second = await saveStory(v.jawid!, { title: "Cricket pitch repaired", body: storyBody("Draft.") }, at("2030-05-01T00:40:00Z"));
    await act("mina", second.id, "publish", {}, at("2030-05-01T01:05:00Z"));
    const digestsBefore = (await mailTo("jawid", "digest")).length;
    expect(await mailTo("jawid", "published")).toHaveLength(1); // only the earlier, immediate one
    expect(await sendDueDigests(at("2030-05-01T03:29:00Z"))).toEqual([]);
    expect(await sendDueDigests(at("2030-05-01T03:31:00Z"))).toEqual([v.jawid!.id]);
    const digests = await mailTo("jawid", "digest");
    expect(digests).toHaveLength(digestsBefore + 1);
    const digest = digests.at(-1)!;
    expect(digest.subject).toBe("Your daily digest: 2 notifications");
    expect(digest.textBody).toContain("Mina Rahimi published “Wrestling club reopens”");
    expect(digest.textBody).toContain("Mina Rahimi published “Cricket pitch repaired”");
    expect(digest.textBody).toContain("May 1, 2030 at 5:30 AM");
    expect(digest.textBody).toContain(`${siteUrl()}/dashboard/stories/${first.id}`);
    expect(digest.htmlBody).toContain(`${siteUrl()}/dashboard/notifications`);
    const pending = (await notesOf("jawid")).filter((n) => n.kind === "published" && n.mailedAt === null);
    expect(pending).toHaveLength(0);
    const [row] = await db().select({ last: users.lastDigestAt }).from(users).where(eq(users.id, v.jawid!.id));
    expect(row!.last).toEqual(at("2030-05-01T03:31:00Z"));
    // A restart, or a second instance, at the same instant or later that day: nothing more.
    expect(await sendDueDigests(at("2030-05-01T03:31:00Z"))).toEqual([]);
    const third = await saveStory(v.jawid!, { title: "Volleyball league starts", body: storyBody("Draft.") }, at("2030-05-01T05:00:00Z"));
    await act("mina", third.id, "publish", {}, at("2030-05-01T05:10:00Z"));
    expect(await sendDueDigests(at("2030-05-01T12:00:00Z"))).toEqual([]);
    expect(await sendDueDigests(at("2030-05-02T03:29:59Z"))).toEqual([]);
    // The next day's hour: one digest with the one that waited.
    const [a, b] = await Promise.all([sendDueDigests(at("2030-05-02T03:30:00Z")), sendDueDigests(at("2030-05-02T03:30:00Z"))]);
    expect([...a, ...b]).toEqual([v.jawid!.id]);
    const last = (await mailTo("jawid", "digest")).at(-1)!;
    expect(last.subject).toBe("Your daily digest: 1 notification");
    expect(last.textBody).toContain("“Volleyball league starts”");
    expect(last.textBody).not.toContain("Wrestling");
  });

  it("a scheduled story announces its first publication once, when its time has come", async () => {
    const now = new Date();
    const draft = await saveStory(v.sahar!, { title: "Bamyan festival programme", body: storyBody("Draft.") });
    await act("mina", draft.id, "schedule", { scheduledAt: kabulLocal(new Date(now.getTime() + 60 * MIN)).slice(0, 16) });
    const due = (await getDeskStory(v.mina!, draft.id)).publishedAt!;
    expect(await announceScheduledPublications(new Date(due.getTime() - 1000))).toEqual([]);
    expect(await announceScheduledPublications(new Date(due.getTime() + 1000))).toEqual([draft.id]);
    expect(await announceScheduledPublications(new Date(due.getTime() + 2000))).toEqual([]);
    const n = (await notesOf("sahar")).filter((x) => x.kind === "published");
    expect(n.map((x) => x.message)).toEqual(["Mina Rahimi published “Bamyan festival programme”"]);
  });

  it("the notification centre: newest first, unread count, mark one read (own only), mark all read", async () => {
    const list = await listNotifications(v.sahar!);
    expect(list.items.length).toBeGreaterThan(2);
    const times = list.items.map((i) => i.createdAt.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    const unread = await unreadCount(v.sahar!);
    expect(unread).toBe(list.items.length);
    expect(await markNotificationRead(v.sahar!, list.items[0]!.id)).toBe(list.items[0]!.link);
    expect(await unreadCount(v.sahar!)).toBe(unread - 1);
    expect((await refusal(markNotificationRead(v.jawid!, list.items[1]!.id))).code).toBe("not_found");
    expect((await refusal(markNotificationRead(v.jawid!, "not-an-id"))).code).toBe("not_found");
    expect(await markAllNotificationsRead(v.sahar!)).toBe(unread - 1);
    expect(await unreadCount(v.sahar!)).toBe(0);
  });
});
