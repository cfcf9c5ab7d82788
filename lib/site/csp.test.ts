import { describe, expect, it } from "vitest";
import { deskCsp, newNonce, READER_CSP, READER_SCRIPT_CSP } from "./csp";

const directive = (csp: string, name: string) => csp.split("; ").find((d) => d.startsWith(`${name} `));

describe("Content-Security-Policy", () => {
  it("lets reader pages run no script and load no style from elsewhere", () => {
    expect(directive(READER_CSP, "script-src")).toBe("script-src 'none'");
    expect(directive(READER_CSP, "default-src")).toBe("default-src 'none'");
    expect(directive(READER_CSP, "style-src")).toBe("style-src 'self'");
    expect(READER_CSP).not.toContain("unsafe");
  });

  it("lets the desk run only scripts with this request's nonce (and what they load), and never be framed", () => {
    const nonce = newNonce();
    const csp = deskCsp(nonce);
    expect(directive(csp, "script-src")).toBe(`script-src 'self' 'nonce-${nonce}' 'strict-dynamic'`);
    expect(directive(csp, "frame-ancestors")).toBe("frame-ancestors 'none'");
    expect(directive(csp, "object-src")).toBe("object-src 'none'");
    expect(deskCsp(nonce, true)).toContain("'unsafe-eval'");
  });

  it("makes a fresh 128-bit nonce each time", () => {
    const nonces = new Set(Array.from({ length: 100 }, newNonce));
    expect(nonces.size).toBe(100);
    for (const n of nonces) expect(Buffer.from(n, "base64")).toHaveLength(16);
  });
});

describe("the policy of a reader page with the site's own script (a live blog)", () => {
  it("allows scripts from the site only, nothing inline or elsewhere, and is otherwise the reader policy", () => {
    expect(READER_SCRIPT_CSP).toContain("script-src 'self';");
    expect(READER_SCRIPT_CSP).not.toContain("unsafe");
    expect(READER_SCRIPT_CSP.replace("script-src 'self'", "script-src 'none'")).toBe(READER_CSP);
  });
});
