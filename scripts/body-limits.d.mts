/** Types of scripts/body-limits.mjs (see there). */
export const MEDIA_MAX_BYTES: number;
export function importMaxBytes(env?: Record<string, string | undefined>): number;
export function bodyLimitFor(pathname: string, importMax: number, signedIn?: boolean): { limit: number; streamed: boolean; rule: string };
export function refuseBody(r: { method?: string; pathname: string; headers: Record<string, string | string[] | undefined>; importMax: number }): null | { status: 411 | 413; message: string };
