import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { searchMetadata, SearchView } from "../../../search-view";

/**
 * `/search?q=<words>&page=<n>`, as the proxy rewrites it: `/search/q/<words as base64url of
 * their UTF-8>/<n>`.
 * Cached like every reader page (ISR, expired on every change readers see), so readers
 * searching the same words during a spike are served the stored page.
 */
// Must be a literal (Next reads it at build): READER_PAGE_REVALIDATE_SECONDS in lib/site/http-cache.ts, checked by its test.
export const revalidate = 5;
export const dynamicParams = true;
export function generateStaticParams(): { q: string; page: string }[] {
  return [];
}

type Props = { params: Promise<{ q: string; page: string }> };

/** The words from their base64url segment; 404 for anything that is not one. */
async function words(params: Props["params"]): Promise<string> {
  const segment = (await params).q;
  if (!/^[A-Za-z0-9_-]{1,2000}$/.test(segment)) notFound();
  return Buffer.from(segment, "base64url").toString("utf8");
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  return searchMetadata(await words(params));
}

export default async function SearchResultsPage({ params }: Props) {
  return <SearchView q={await words(params)} rawPage={(await params).page} />;
}
