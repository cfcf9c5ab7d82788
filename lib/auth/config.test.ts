import { describe, expect, it } from "vitest";
import { secureCookiesFor } from "./config";

describe("session cookies", () => {
  it("are Secure whenever the site's address is https, whatever the request's headers", () => {
    expect(secureCookiesFor("https://news.example.org")).toBe(true);
    expect(secureCookiesFor(" HTTPS://news.example.org ")).toBe(true);
    expect(secureCookiesFor("http://localhost:3000")).toBeUndefined();
    expect(secureCookiesFor(undefined)).toBeUndefined();
  });
});
