/** Types of scripts/client-address.mjs (see there). */
import type { BlockList } from "node:net";
export type TrustedProxies = { hops: number } | { list: BlockList } | null;
export function parseTrustedProxies(value: string | undefined): TrustedProxies;
export function clientAddress(r: { socketAddress: string | undefined; forwardedFor: string | string[] | undefined; trusted: TrustedProxies }): string;
export const CLIENT_ADDRESS_HEADER: string;
