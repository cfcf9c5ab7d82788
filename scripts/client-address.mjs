/**
 * The client's address for rate limits and the audit log, from the socket and the proxies the
 * operator trusts (TRUSTED_PROXIES). `X-Forwarded-For` is written by whoever sends the
 * request, so an entry is believed only when the hop that added it is a trusted proxy
 * (the rule of RFC 7239 §7.4 and of Express's `trust proxy`):
 * - unset or empty (the default): no proxy is trusted; the socket's address is the client;
 * - a number N: the last N hops are our proxies; the client is the address just before them;
 * - a comma-separated list of addresses or CIDR ranges: walking back from the socket, every
 *   address in the list is a proxy; the first one that is not is the client.
 */
import net from "node:net";

/**
 * Parses TRUSTED_PROXIES.
 * @param {string | undefined} value the setting.
 * @returns {{ hops: number } | { list: net.BlockList } | null} null when nothing is trusted.
 * @throws {Error} for a setting that is neither a count nor a list of addresses/CIDR ranges.
 */
export function parseTrustedProxies(value) {
  const text = (value ?? "").trim();
  if (!text) return null;
  if (/^\d+$/.test(text)) return Number(text) === 0 ? null : { hops: Number(text) };
  const list = new net.BlockList();
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const [address, bits] = part.split("/");
    const family = net.isIPv6(address) ? "ipv6" : net.isIPv4(address) ? "ipv4" : null;
    if (!family) throw new Error(`TRUSTED_PROXIES: "${part}" is not an address or CIDR range (e.g. 10.0.0.0/8, ::1, or a hop count such as 1).`);
    if (bits === undefined) list.addAddress(address, family);
    else list.addSubnet(address, Number(bits), family);
  }
  return { list };
}

/** "::ffff:10.0.0.1" (an IPv4 client on an IPv6 socket) as "10.0.0.1". */
function plain(address) {
  return address.startsWith("::ffff:") && net.isIPv4(address.slice(7)) ? address.slice(7) : address;
}

/**
 * @param {{ socketAddress: string | undefined, forwardedFor: string | string[] | undefined, trusted: ReturnType<typeof parseTrustedProxies> }} r
 * @returns {string} the client's address ("unknown" without a socket address).
 */
export function clientAddress({ socketAddress, forwardedFor, trusted }) {
  const socket = socketAddress ? plain(socketAddress) : "unknown";
  if (!trusted) return socket;
  const header = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [...header.split(",").map((h) => plain(h.trim())).filter(Boolean), socket];
  if ("hops" in trusted) return chain[Math.max(0, chain.length - 1 - trusted.hops)];
  for (let i = chain.length - 1; i > 0; i--) {
    const address = chain[i];
    const family = net.isIPv6(address) ? "ipv6" : "ipv4";
    if (!net.isIP(address) || !trusted.list.check(address, family)) return address;
  }
  return chain[0];
}

/** The request header that carries the address from the server to the app (never from outside). */
export const CLIENT_ADDRESS_HEADER = "x-newsroom-client-address";
