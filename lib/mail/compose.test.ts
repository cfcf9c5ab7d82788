import { describe, expect, it } from "vitest";
import { absoluteUrl, composeMail } from "./compose";

describe("composeMail", () => {
  it("writes the same words in both parts, with an absolute link, and escapes the HTML part", () => {
    const m = composeMail({
      siteName: "The Kabul Lantern",
      origin: "https://news.example.org",
      subject: "Returned: <River rises>",
      greeting: "Hello Sahar,",
      paragraphs: ["Mina returned “River rises” <b>to you</b>."],
      quote: "Check the figures & the quote.",
      action: { label: "Open the story", url: "/dashboard/stories/1" },
    });
    expect(m.subject).toBe("Returned: <River rises>");
    expect(m.text).toContain("Hello Sahar,\n\nMina returned “River rises” <b>to you</b>.\n\n> Check the figures & the quote.\n\nOpen the story: https://news.example.org/dashboard/stories/1\n\n— The Kabul Lantern");
    expect(m.html).toContain("&lt;b&gt;to you&lt;/b&gt;");
    expect(m.html).toContain("Check the figures &amp; the quote.");
    expect(m.html).toContain('href="https://news.example.org/dashboard/stories/1"');
    expect(m.html).not.toContain("<b>to you");
  });

  it("keeps absolute URLs and resolves paths under the origin", () => {
    expect(absoluteUrl("https://a.example/news", "/login")).toBe("https://a.example/login");
    expect(absoluteUrl("https://a.example", "https://b.example/x")).toBe("https://b.example/x");
  });
});
