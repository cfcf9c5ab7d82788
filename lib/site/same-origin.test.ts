import { describe, expect, it } from "vitest";
import { crossSiteRefusal } from "./same-origin";

const SITE = ["https://news.example"];
const h = (init: Record<string, string>) => new Headers(init);

describe("cross-site requests to route handlers", () => {
  it("lets the site's own pages through", () => {
    expect(crossSiteRefusal(h({ "sec-fetch-site": "same-origin", origin: "https://news.example" }), SITE)).toBeNull();
    expect(crossSiteRefusal(h({ origin: "https://news.example" }), SITE)).toBeNull();
  });

  it("refuses another site, a sibling subdomain included", () => {
    expect(crossSiteRefusal(h({ "sec-fetch-site": "cross-site", origin: "https://evil.example" }), SITE)).toBe("Sec-Fetch-Site: cross-site");
    expect(crossSiteRefusal(h({ "sec-fetch-site": "same-site", origin: "https://blog.news.example" }), SITE)).toBe("Sec-Fetch-Site: same-site");
    expect(crossSiteRefusal(h({ origin: "https://blog.news.example" }), SITE)).toBe("Origin: https://blog.news.example");
    expect(crossSiteRefusal(h({ origin: "null" }), SITE)).toBe("Origin: null");
  });

  it("lets a request from no browser page through (no cookies ride along by accident)", () => {
    expect(crossSiteRefusal(h({}), SITE)).toBeNull();
  });
});
