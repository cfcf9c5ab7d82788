import { describe, expect, it } from "vitest";
import { clientAddress, parseTrustedProxies } from "../../scripts/client-address.mjs";

describe("the client address behind trusted proxies", () => {
  it("trusts no header by default: a spoofed X-Forwarded-For changes nothing", () => {
    const trusted = parseTrustedProxies(undefined);
    expect(clientAddress({ socketAddress: "203.0.113.9", forwardedFor: "1.2.3.4", trusted })).toBe("203.0.113.9");
    expect(clientAddress({ socketAddress: "::ffff:203.0.113.9", forwardedFor: undefined, trusted })).toBe("203.0.113.9");
  });

  it("with one trusted hop, takes the address the proxy added, not what the client wrote before it", () => {
    const trusted = parseTrustedProxies("1");
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.7", trusted })).toBe("198.51.100.7");
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: undefined, trusted })).toBe("10.0.0.2");
  });

  it("with a CIDR list, walks back past every trusted proxy to the first address that is not one", () => {
    const trusted = parseTrustedProxies("10.0.0.0/8, 192.168.1.5, ::1");
    expect(clientAddress({ socketAddress: "10.0.0.2", forwardedFor: "1.2.3.4, 198.51.100.7, 192.168.1.5", trusted })).toBe("198.51.100.7");
    // A request straight from the internet: its own header is not believed.
    expect(clientAddress({ socketAddress: "203.0.113.9", forwardedFor: "10.0.0.3", trusted })).toBe("203.0.113.9");
  });

  it("refuses a setting it cannot read", () => {
    expect(() => parseTrustedProxies("proxy.local")).toThrow(/not an address or CIDR range/);
  });
});
