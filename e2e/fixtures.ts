/**
 * The e2e fixtures: the seed article (a news site's page, third-party text used as real test
 * input only; read from the third-party fixtures folder, see test/third-party-fixtures.ts) and
 * a few stories of our own for the visibility checks. Shared by e2e/prepare-data.ts (which
 * writes them) and the specs (which check them).
 *
 * Without the seed article, a stand-in of our own with the same shape takes its place (same
 * site time zone, same dates, one byline, five tags, a breaking story and its "Check Also"),
 * so the data and every other spec stay the same; only the checks against the seed page
 * itself skip, with `SEED_ARTICLE_MISSING` as the reason.
 */
import fs from "node:fs";
import { thirdPartyFixture } from "../test/third-party-fixtures";

export interface SeedFixture {
  site: { name: string; about_heading: string; timezone: string };
  breaking_label: string;
  article: {
    title: string;
    last_updated_on_display: string;
    last_updated_date: string;
    bylines: string[];
    byline_display: string;
    paragraphs: string[];
    suggested_tags: string[];
  };
  check_also: { title: string; last_updated_on_display: string; last_updated_date: string; excerpt_as_shown: string }[];
}

/** Our own text in the seed article's shape, used when the seed article is absent. */
const STAND_IN: SeedFixture = {
  site: { name: "Newsroom Test Desk", about_heading: "About Newsroom Test Desk", timezone: "Asia/Kabul" },
  breaking_label: "Breaking News",
  article: {
    title: "Balkh Farmers Open New Irrigation Channel Before Harvest",
    last_updated_on_display: "March 18, 2017",
    last_updated_date: "2017-03-18",
    bylines: ["Nadia Sharifi"],
    byline_display: "By: Nadia Sharifi",
    paragraphs: [
      "Farmers in three districts of Balkh opened a new irrigation channel on Saturday, a stand-in story written for the end-to-end tests.",
      "\"The water reaches our fields a month earlier now,\" one farmer said in this made-up quote.",
      "This paragraph exists so the story has more than one paragraph of its own text.",
    ],
    suggested_tags: ["Irrigation", "Farming", "Balkh", "Rivers", "Harvest"],
  },
  check_also: [
    {
      title: "Balkh Water Board Plans Second Channel",
      last_updated_on_display: "August 20, 2019",
      last_updated_date: "2019-08-20",
      excerpt_as_shown: "If the United States does not pull out all of …",
    },
  ],
};

const seedFile = thirdPartyFixture("seed/ariana-news-article.json");

/** Why the checks against the seed page skip (the seed article is absent), or null. */
export const SEED_ARTICLE_MISSING: string | null = seedFile.missing;

/** The seed article when present, otherwise the stand-in above. */
export const seedFixture: SeedFixture = seedFile.missing ? STAND_IN : JSON.parse(fs.readFileSync(seedFile.file, "utf8"));

/** Our own About text for the fixture site (the seed page's box had none we may reuse). */
export const FIXTURE_ABOUT_TEXT = "An independent news service covering Afghanistan and the region. (End-to-end test settings.)";

/**
 * The body of the "Check Also" story: our own text, whose first words are the ones the seed
 * page shows in its cut excerpt.
 */
export const CHECK_ALSO_BODY = [
  "If the United States does not pull out all of its forces, the talks cannot move to the next stage, a spokesman said in this test story.",
  "This paragraph is written for the end-to-end test and is not part of the seed page.",
];

export const E2E = {
  sectionSlug: "e2e-checks",
  sectionName: "E2E checks",
  draftSlug: "e2e-draft-story",
  scheduledSlug: "e2e-scheduled-story",
  scheduledTitle: "E2E scheduled story for tomorrow",
  draftTitle: "E2E draft story nobody may read",
  rtlSlug: "e2e-dari-story",
  rtlTitle: "شورای شهر کابل امروز نشست خود را برگزار کرد",
  /** Four published stories in one section of their own: each one's "Check Also" is the other three. */
  cacheSectionSlug: "e2e-cache-desk",
  cacheSectionName: "E2E cache desk",
  cacheSlugs: ["e2e-cache-story-1", "e2e-cache-story-2", "e2e-cache-story-3", "e2e-cache-story-4"],
  /** A disabled webhook endpoint marked failing, with one failed delivery (e2e/webhooks.spec.ts); `.invalid` never resolves. */
  failingWebhookUrl: "https://hooks.invalid/e2e-failing",
  /** A live blog of 60 entries whose coverage ended, weeks ago (e2e/live-blog.spec.ts). */
  longLiveSlug: "e2e-long-live-blog",
  longLiveTitle: "E2E long live blog",
} as const;

/** Desk accounts of the e2e run (the demo users plus one writer to deactivate). */
export const ACCOUNTS = {
  admin: { email: "admin@example.com", name: "Laila Karimzada" },
  editor: { email: "editor@example.com", name: "Farida Noorzai" },
  writer: { email: "writer@example.com", name: "Jawid Sultani" },
  sahar: { email: "sahar@example.com", name: "Sahar Ahmadi" },
} as const;
export type AccountKey = keyof typeof ACCOUNTS;
export const E2E_PASSWORD = process.env.DEMO_PASSWORD || "newsroom-demo";
export const authFile = (who: AccountKey) => `test-results/.auth/${who}.json`;
