import { describe, expect, it } from "vitest";
import { normalizeLegacyPath } from "@/lib/redirects/legacy";
import { authorNicename, expandPermalink, parsePermalinkStructure, PermalinkError } from "./permalink";

const item = {
  postDate: "2017-03-18 23:30:05",
  postDateGmt: "2017-03-18 19:00:05",
  postId: "123",
  postName: "%e6%97%a5-news",
  terms: [{ taxonomy: "category", slug: "asia", name: "Asia" }],
  creator: "Jane.Doe",
};
const ctx = { siteTimeZone: "Asia/Kabul", categoryParents: new Map([["asia", "world"]]) };

describe("WordPress permalinks", () => {
  it("expands every structure tag, dates on the site's clock", () => {
    const s = parsePermalinkStructure("/%year%/%monthnum%/%day%/%hour%%minute%%second%/%post_id%/%category%/%author%/%postname%/");
    expect(expandPermalink(s, item, ctx)).toBe("/2017/03/18/233005/123/world/asia/jane-doe/%e6%97%a5-news/");
  });

  it("reads post_date_gmt in the site zone when post_date is the zero date", () => {
    const s = parsePermalinkStructure("/%year%/%monthnum%/%day%/%postname%/");
    expect(expandPermalink(s, { ...item, postDate: "0000-00-00 00:00:00" }, ctx)).toBe("/2017/03/18/%e6%97%a5-news/");
    expect(expandPermalink(s, { ...item, postDate: "", postDateGmt: "2017-03-18 20:00:00" }, ctx)).toBe("/2017/03/19/%e6%97%a5-news/");
    expect(expandPermalink(s, { ...item, postName: "" }, ctx)).toBeNull();
  });

  it("refuses bad structures with a message that names the problem", () => {
    expect(() => parsePermalinkStructure("/%year%/%slug%/")).toThrow(/Unknown permalink tag “%slug%”/);
    expect(() => parsePermalinkStructure("/%year%/%postname%/%")).toThrow(PermalinkError);
    expect(() => parsePermalinkStructure("%postname%")).toThrow(/must start with/);
    expect(() => parsePermalinkStructure("/%year%/%monthnum%/")).toThrow(/%postname% or %post_id%/);
  });

  it("normalises paths into one key", () => {
    expect(normalizeLegacyPath("/2017/03/18/%E6%97%A5-News/")).toBe("/2017/03/18/%e6%97%a5-news");
    expect(normalizeLegacyPath("/2017//03/18/日-news?x=1")).toBe("/2017/03/18/%e6%97%a5-news");
    expect(normalizeLegacyPath("/bad/%E0%A4%A")).toBeNull();
    expect(normalizeLegacyPath("/")).toBe("/");
    expect(authorNicename(" Jane.Doe@Example ")).toBe("jane-doe-example");
  });
});
