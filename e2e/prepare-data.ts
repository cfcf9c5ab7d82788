/**
 * Writes the e2e data through the data layer, before the server starts (PGlite allows one
 * process per data directory): migrations, the demo newsroom, the seed article as an editor
 * would publish it (or our stand-in when the seed article is absent; see e2e/fixtures.ts), its
 * "Check Also" story, a draft, a scheduled story and a Dari story; one message in the mail outbox;
 * a disabled, failing webhook endpoint with one failed delivery.
 */
import { fromZonedTime } from "date-fns-tz";
import { closeDatabase, getDatabase } from "../db/handle";
import { runMigrations } from "../db/migrate";
import { seedDemo } from "../lib/demo/seed";
import { makeSlug } from "../lib/text/slug";
import { createStory, saveSiteSettings, upsertByline, upsertTag } from "../lib/stories/store";
import { bodyFromParagraphs, renderBody } from "../lib/editor/render";
import { createUser } from "../lib/users/store";
import { composeMail } from "../lib/mail/compose";
import { enqueueMail } from "../lib/mail/outbox";
import { eq } from "drizzle-orm";
import { liveEntries, stories, webhookDeliveries, webhookEndpoints, webhookEvents } from "../db/schema";
import { emitWebhookEvent } from "../lib/webhooks/events";
import { E2E_MAIL } from "./mail-fixture";
import { ACCOUNTS, CHECK_ALSO_BODY, E2E, E2E_PASSWORD, FIXTURE_ABOUT_TEXT, SEED_ARTICLE_MISSING, seedFixture as f } from "./fixtures";

async function main() {
  if (SEED_ARTICLE_MISSING) console.log("e2e data: the seed article is absent; publishing the stand-in story of e2e/fixtures.ts instead");
  await runMigrations(await getDatabase());
  await seedDemo();
  const tz = f.site.timezone;
  await saveSiteSettings({ siteName: f.site.name, tagline: "", aboutText: FIXTURE_ABOUT_TEXT, timeZone: tz, locale: "en-US" });

  const tagSlugs: string[] = [];
  for (const name of f.article.suggested_tags) {
    const slug = makeSlug(name);
    await upsertTag({ slug, name });
    tagSlugs.push(slug);
  }
  const bylineSlugs: string[] = [];
  for (const name of f.article.bylines) {
    const slug = makeSlug(name);
    await upsertByline({ slug, name, jobTitle: "Reporter", bio: `${name} reports on diplomacy and security.` });
    bylineSlugs.push(slug);
  }

  // Midday in the newsroom's zone on the fixture's dates: the date shown must be that day.
  const related = f.check_also[0]!;
  const relatedAt = fromZonedTime(`${related.last_updated_date}T12:00:00`, tz);
  await createStory({
    title: related.title,
    body: bodyFromParagraphs(CHECK_ALSO_BODY),
    status: "published",
    publishedAt: relatedAt,
    lastUpdatedAt: relatedAt,
    tagSlugs: [tagSlugs[0]!],
    bylineSlugs,
  });

  const publishedAt = fromZonedTime(`${f.article.last_updated_date}T09:00:00`, tz);
  await createStory({
    title: f.article.title,
    body: bodyFromParagraphs(f.article.paragraphs),
    status: "published",
    publishedAt,
    lastUpdatedAt: fromZonedTime(`${f.article.last_updated_date}T18:00:00`, tz),
    isBreaking: true,
    // Breaking news ends; this one lasts the whole test run.
    breakingUntil: new Date(Date.now() + 24 * 3_600_000),
    tagSlugs,
    bylineSlugs,
  });

  // The visibility stories live in their own section so they never crowd the seed
  // article's "Check Also".
  await upsertTag({ slug: E2E.sectionSlug, name: E2E.sectionName });
  const hour = 3_600_000;
  await createStory({
    slug: E2E.draftSlug,
    title: E2E.draftTitle,
    body: bodyFromParagraphs(["This draft must never reach readers."]),
    status: "draft",
    tagSlugs: [E2E.sectionSlug],
  });
  await createStory({
    slug: E2E.scheduledSlug,
    title: E2E.scheduledTitle,
    body: bodyFromParagraphs(["This scheduled story must stay hidden until its time."]),
    status: "published",
    publishedAt: new Date(Date.now() + 24 * hour),
    tagSlugs: [E2E.sectionSlug],
  });
  await createStory({
    slug: E2E.rtlSlug,
    title: E2E.rtlTitle,
    language: "fa",
    body: bodyFromParagraphs(["شورای شهر کابل امروز نشست خود را برگزار کرد.", "The meeting ended at 3 pm."]),
    status: "published",
    publishedAt: new Date(Date.now() - hour),
    tagSlugs: [E2E.sectionSlug],
  });
  // Stories whose "Check Also" boxes hold only each other (e2e/cache-scope.spec.ts).
  await upsertTag({ slug: E2E.cacheSectionSlug, name: E2E.cacheSectionName });
  for (const [i, slug] of E2E.cacheSlugs.entries()) {
    await createStory({
      slug,
      title: `E2E cache story ${i + 1}`,
      body: bodyFromParagraphs([`Story ${i + 1} of four that share a section, written for the cache tests.`]),
      status: "published",
      // Old, so they never count among the newest stories other boxes fall back to.
      publishedAt: new Date(Date.now() - (400 * 24 + i) * hour),
      tagSlugs: [E2E.cacheSectionSlug],
    });
  }
  // A second writer, to be deactivated while signed in.
  await upsertByline({ slug: "sahar-ahmadi", name: ACCOUNTS.sahar.name, jobTitle: "Reporter" });
  await createUser({ email: ACCOUNTS.sahar.email, name: ACCOUNTS.sahar.name, role: "writer", password: E2E_PASSWORD, bylineSlug: "sahar-ahmadi" });
  // One queued message for the Outbox (e2e/mail.spec.ts); without SMTP_URL the server holds it.
  const mail = composeMail({
    siteName: f.site.name,
    origin: process.env.SITE_URL ?? "http://localhost:3000",
    subject: E2E_MAIL.subject,
    greeting: E2E_MAIL.greeting,
    paragraphs: [E2E_MAIL.paragraph],
    action: E2E_MAIL.link,
  });
  await enqueueMail((await getDatabase()).db, { kind: "invite", to: E2E_MAIL.to, ...mail });
  // A webhook endpoint that failed two days ago, now disabled (e2e/webhooks.spec.ts).
  const { db } = await getDatabase();
  const [hook] = await db
    .insert(webhookEndpoints)
    .values({ url: E2E.failingWebhookUrl, events: ["story.published"], secret: "whsec_e2e_failing_endpoint_not_a_real_secret" })
    .returning({ id: webhookEndpoints.id });
  const eventId = await db.transaction((tx) => emitWebhookEvent(tx, { event: "story.published", data: { storyId: "e2e", slug: "e2e-webhook" } }));
  const failedAt = new Date(Date.now() - 48 * hour);
  await db
    .update(webhookEvents)
    .set({ occurredAt: new Date(failedAt.getTime() - 24 * hour) })
    .where(eq(webhookEvents.id, eventId!));
  await db
    .update(webhookDeliveries)
    .set({ status: "failed", attempts: 12, lastStatusCode: 500, lastError: "answered 500", lastDurationMs: 87, lastAttemptAt: failedAt })
    .where(eq(webhookDeliveries.endpointId, hook!.id));
  await db.update(webhookEndpoints).set({ active: false, failingSince: failedAt, lastDeliveryAt: failedAt }).where(eq(webhookEndpoints.id, hook!.id));
  // A long live blog, weeks old (off the front page), whose coverage ended: 60 entries a
  // minute apart, for paging through older updates (e2e/live-blog.spec.ts).
  const liveStart = new Date(Date.now() - 40 * 24 * hour);
  const long = await createStory({ title: E2E.longLiveTitle, slug: E2E.longLiveSlug, body: bodyFromParagraphs(["A long day, told entry by entry."]), status: "published", publishedAt: liveStart, lastUpdatedAt: new Date(liveStart.getTime() + 59 * 60_000) });
  await db.update(stories).set({ isLiveBlog: true, coverageStartedAt: liveStart, coverageEndedAt: new Date(liveStart.getTime() + 60 * 60_000) }).where(eq(stories.id, long.id));
  for (let i = 0; i < 60; i++) {
    const rendered = renderBody(bodyFromParagraphs([`Long blog entry number ${i + 1}.`]));
    const at = new Date(liveStart.getTime() + i * 60_000);
    await db.insert(liveEntries).values({ storyId: long.id, status: "published", body: rendered.json, bodyHtml: rendered.html, bodyText: rendered.text, postedAt: at, createdAt: at, updatedAt: at });
  }
  await closeDatabase();
  console.log("e2e data prepared");
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
