import { describe, expect, it } from "vitest";
import { checkAddress } from "./urls";

describe("checkAddress: the one rule for addresses staff type", () => {
  it("accepts absolute web addresses, mailto:, tel: and site paths as typed", () => {
    for (const href of ["https://example.com", "http://example.org/a?b=c#d", "mailto:desk@example.com", "tel:+93701234567", "/news/mazar-silo", "/"]) {
      expect(checkAddress(` ${href} `)).toEqual({ ok: true, href });
    }
  });

  it("turns www.… into https://www.…", () => {
    expect(checkAddress("www.example.com/page")).toEqual({ ok: true, href: "https://www.example.com/page" });
    expect(checkAddress("WWW.example.com", "web")).toEqual({ ok: true, href: "https://WWW.example.com" });
  });

  it("refuses what a browser would read as a relative link, with a message saying what to write", () => {
    expect(checkAddress("example.com")).toEqual({ ok: false, message: "Write the full address: https://example.com" });
    // A file name is not a site: no "https://portrait.jpg" suggestion.
    expect(checkAddress("portrait.jpg", "web")).toEqual({ ok: false, message: "Use a full web address (https://…) or a path on this site starting with /." });
    for (const typed of ["plain words", "readmore", "news/story", "//evil.example", "/\\evil.example", "#top", "https://", "https://nohost", "ftp://example.com"]) {
      const checked = checkAddress(typed);
      expect(checked.ok, typed).toBe(false);
      if (!checked.ok) expect(checked.message.length).toBeGreaterThan(10);
    }
  });

  it("refuses script schemes however they are disguised", () => {
    for (const typed of ["javascript:alert(1)", " JaVaScRiPt:alert(1)", "java&#x09;script:alert(1)", "data:text/html,x"]) {
      expect(checkAddress(typed).ok, typed).toBe(false);
    }
  });

  it("takes mailto: and tel: in body links only, and checks what follows them", () => {
    expect(checkAddress("mailto:desk@example.com", "web").ok).toBe(false);
    expect(checkAddress("tel:+93701234567", "web").ok).toBe(false);
    expect(checkAddress("mailto:desk")).toEqual({ ok: false, message: "That e-mail address is not complete (mailto:name@example.com)." });
    expect(checkAddress("tel:call-us").ok).toBe(false);
  });

  it("returns an empty address for an empty field (optional fields decide)", () => {
    expect(checkAddress("   ")).toEqual({ ok: true, href: "" });
  });
});
