import type { Metadata } from "next";
import { searchMetadata, SearchView } from "./search-view";

/**
 * `/search`: the search form. A request with words (`?q=…`) never reaches this page: the
 * proxy sends it to the cached results route (app/(site)/search/q/[q]/[page]); this page
 * still answers one correctly if it comes.
 */
export const dynamic = "force-dynamic";

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  return searchMetadata((await searchParams).q);
}

export default async function SearchPage({ searchParams }: Props) {
  const params = await searchParams;
  return <SearchView q={params.q} rawPage={first(params.page)} />;
}
