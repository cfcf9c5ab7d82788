/**
 * Structured data (JSON-LD) for story pages: a schema.org NewsArticle, as Google's
 * "Article structured data" documentation describes it (headline, datePublished,
 * dateModified, author as Person with a url, publisher, image, inLanguage).
 *
 * dateModified comes from the same field as the page's "Last Updated On", so the page and
 * the machine-readable data never disagree. Dates are ISO 8601 with an offset (UTC "Z").
 */

export interface JsonLdStory {
  slug: string;
  title: string;
  description: string;
  language: string;
  publishedAt: Date;
  lastUpdatedAt: Date;
  section: { name: string } | null;
  tags: { name: string }[];
  bylines: { name: string; slug: string }[];
  imageUrl?: string | null;
}

/** The NewsArticle object for a story page. `origin` is the site's absolute origin. */
export function newsArticleJsonLd(story: JsonLdStory, site: { siteName: string; logoUrl: string | null }, origin: string): Record<string, unknown> {
  const url = `${origin}/news/${story.slug}`;
  const absolute = (u: string) => (u.startsWith("/") ? `${origin}${u}` : u);
  return {
    "@context": "https://schema.org",
    "@type": "NewsArticle",
    mainEntityOfPage: { "@type": "WebPage", "@id": url },
    url,
    headline: story.title.slice(0, 110),
    description: story.description || undefined,
    inLanguage: story.language,
    datePublished: story.publishedAt.toISOString(),
    dateModified: story.lastUpdatedAt.toISOString(),
    articleSection: story.section?.name,
    keywords: story.tags.length ? story.tags.map((t) => t.name).join(", ") : undefined,
    // Google asks for an author; a story without a byline is the publication's own.
    author: story.bylines.length
      ? story.bylines.map((b) => ({ "@type": "Person", name: b.name, url: `${origin}/author/${b.slug}` }))
      : [{ "@type": "NewsMediaOrganization", name: site.siteName, url: origin }],
    publisher: {
      "@type": "NewsMediaOrganization",
      name: site.siteName,
      url: origin,
      ...(site.logoUrl ? { logo: { "@type": "ImageObject", url: absolute(site.logoUrl) } } : {}),
    },
    ...(story.imageUrl ? { image: [absolute(story.imageUrl)] } : {}),
  };
}

/** One live blog entry, as its BlogPosting. */
export interface JsonLdLiveUpdate {
  id: string;
  headline: string;
  text: string;
  postedAt: Date;
  editedAt: Date | null;
  byline: { name: string; slug: string } | null;
}

/** A BlogPosting headline: the entry's own, else the start of its text (schema.org asks for one; Google cuts at 110). */
function updateHeadline(u: JsonLdLiveUpdate): string {
  const text = (u.headline || u.text).replace(/\s+/g, " ").trim();
  return text.length <= 110 ? text : `${text.slice(0, 109)}…`;
}

/**
 * The LiveBlogPosting object for a live blog page (schema.org/LiveBlogPosting, the type
 * Google reads for live coverage): the story's NewsArticle fields, `coverageStartTime`,
 * `coverageEndTime` once it ended, and `liveBlogUpdate`, one BlogPosting per entry on the page
 * (headline, datePublished, dateModified, articleBody, author, url with the entry's anchor).
 * `dateModified` is the newest entry's time when later than the story's own.
 */
export function liveBlogPostingJsonLd(
  story: JsonLdStory,
  live: { startedAt: Date; endedAt: Date | null },
  updates: JsonLdLiveUpdate[],
  site: { siteName: string; logoUrl: string | null },
  origin: string,
): Record<string, unknown> {
  const article = newsArticleJsonLd(story, site, origin);
  const url = article.url as string;
  const newest = updates.reduce((m, u) => Math.max(m, (u.editedAt ?? u.postedAt).getTime()), story.lastUpdatedAt.getTime());
  return {
    ...article,
    "@type": "LiveBlogPosting",
    dateModified: new Date(newest).toISOString(),
    coverageStartTime: live.startedAt.toISOString(),
    ...(live.endedAt ? { coverageEndTime: live.endedAt.toISOString() } : {}),
    liveBlogUpdate: updates.map((u) => ({
      "@type": "BlogPosting",
      headline: updateHeadline(u),
      url: `${url}#entry-${u.id}`,
      datePublished: u.postedAt.toISOString(),
      dateModified: (u.editedAt ?? u.postedAt).toISOString(),
      articleBody: u.text,
      inLanguage: story.language,
      ...(u.byline ? { author: { "@type": "Person", name: u.byline.name, url: `${origin}/author/${u.byline.slug}` } } : {}),
    })),
  };
}

/**
 * The ProfilePage object for a byline page (Google's "Profile page structured data"): the
 * page's main entity is the Person, with job title, bio, photo and the publication they
 * write for.
 */
export function profilePageJsonLd(
  byline: { slug: string; name: string; jobTitle: string; bio: string; photoUrl: string | null },
  site: { siteName: string },
  origin: string,
): Record<string, unknown> {
  const url = `${origin}/author/${byline.slug}`;
  const absolute = (u: string) => (u.startsWith("/") ? `${origin}${u}` : u);
  return {
    "@context": "https://schema.org",
    "@type": "ProfilePage",
    url,
    mainEntity: {
      "@type": "Person",
      "@id": `${url}#person`,
      name: byline.name,
      url,
      ...(byline.jobTitle ? { jobTitle: byline.jobTitle } : {}),
      ...(byline.bio ? { description: byline.bio } : {}),
      ...(byline.photoUrl ? { image: absolute(byline.photoUrl) } : {}),
      worksFor: { "@type": "NewsMediaOrganization", name: site.siteName, url: origin },
    },
  };
}

/**
 * Serialises JSON-LD for a <script type="application/ld+json"> element. "<" is escaped so a
 * headline containing "</script>" cannot end the element early.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data).replace(/</g, "\\u003c").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
