import { describe, expect, it } from "vitest";
import { newsArticleJsonLd, profilePageJsonLd, serializeJsonLd } from "./json-ld";

const story = {
  slug: "kabul-council-approves-new-bus-routes",
  title: "Kabul council approves new bus routes",
  description: "Four routes start in spring.",
  language: "en",
  publishedAt: new Date("2025-03-30T04:30:00Z"),
  lastUpdatedAt: new Date("2025-03-30T09:15:00Z"),
  section: { name: "Politics" },
  tags: [{ name: "Politics" }, { name: "Transport" }],
  bylines: [
    { name: "Mina Rahimi", slug: "mina-rahimi" },
    { name: "Wire Service", slug: "wire-service" },
  ],
};

describe("NewsArticle JSON-LD", () => {
  it("carries the page's dates, bylines as people with their pages, and the publisher", () => {
    const ld = newsArticleJsonLd(story, { siteName: "The Kabul Lantern", logoUrl: "/logo.png" }, "https://news.example.org");
    expect(ld).toMatchObject({
      "@type": "NewsArticle",
      url: "https://news.example.org/news/kabul-council-approves-new-bus-routes",
      headline: "Kabul council approves new bus routes",
      inLanguage: "en",
      datePublished: "2025-03-30T04:30:00.000Z",
      dateModified: "2025-03-30T09:15:00.000Z",
      articleSection: "Politics",
      author: [
        { "@type": "Person", name: "Mina Rahimi", url: "https://news.example.org/author/mina-rahimi" },
        { "@type": "Person", name: "Wire Service", url: "https://news.example.org/author/wire-service" },
      ],
      publisher: { name: "The Kabul Lantern", logo: { url: "https://news.example.org/logo.png" } },
    });
  });

  it("cannot be broken out of its script element", () => {
    const text = serializeJsonLd({ headline: "</script><script>alert(1)</script>" });
    expect(text).not.toContain("</script>");
    expect(JSON.parse(text)).toEqual({ headline: "</script><script>alert(1)</script>" });
  });
});

describe("ProfilePage JSON-LD", () => {
  it("makes the byline a Person with its page, title, bio and publication", () => {
    const ld = profilePageJsonLd(
      { slug: "mina-rahimi", name: "Mina Rahimi", jobTitle: "City editor", bio: "Covers the city.", photoUrl: "/media/mina.jpg" },
      { siteName: "The Kabul Lantern" },
      "https://news.example.org",
    );
    expect(ld).toEqual({
      "@context": "https://schema.org",
      "@type": "ProfilePage",
      url: "https://news.example.org/author/mina-rahimi",
      mainEntity: {
        "@type": "Person",
        "@id": "https://news.example.org/author/mina-rahimi#person",
        name: "Mina Rahimi",
        url: "https://news.example.org/author/mina-rahimi",
        jobTitle: "City editor",
        description: "Covers the city.",
        image: "https://news.example.org/media/mina.jpg",
        worksFor: { "@type": "NewsMediaOrganization", name: "The Kabul Lantern", url: "https://news.example.org" },
      },
    });
  });

  it("leaves out what the byline lacks", () => {
    const ld = profilePageJsonLd({ slug: "wire", name: "Wire", jobTitle: "", bio: "", photoUrl: null }, { siteName: "S" }, "https://x.test");
    expect(Object.keys(ld.mainEntity as object)).toEqual(["@type", "@id", "name", "url", "worksFor"]);
  });
});
