/** Types for shared-cache-handler.mjs (plain JavaScript because Next loads it by path). */
export declare const EXPIRE_AFTER_STALE_SECONDS: number;
export declare function keyPrefixFor(buildId: string | undefined, env: Record<string, string | undefined>): string;
export declare function routeEntryTags(value: { kind?: string; headers?: Record<string, unknown>; [field: string]: unknown } | null | undefined): string[] | undefined;
declare const SharedCacheHandler: unknown;
export default SharedCacheHandler;
