import type { Metadata } from "next";
import { listLegacyRedirects } from "@/lib/redirects/admin";
import { Button } from "@/components/ui/button";
import { FilterForm, FilterInput } from "@/components/ui/filter-form";
import { PageFrame } from "@/components/ui/page-header";
import { PageNav } from "@/components/ui/page-nav";
import { DataTable, Td } from "@/components/ui/table";
import { countOf } from "@/lib/text/count";
import { requirePagePermission } from "../_lib/page-access";
import { RemoveRedirectButton } from "./_components/remove-button";

export const metadata: Metadata = { title: "Redirects" };

type Search = { q?: string; page?: string };

/** Admins: old WordPress addresses kept by imports (308 to their new ones), searchable, removable. */
export default async function RedirectsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const viewer = await requirePagePermission("/dashboard/redirects", "import:run");
  const sp = await searchParams;
  const page = /^[1-9][0-9]{0,5}$/.test(sp.page ?? "") ? Number(sp.page) : 1;
  const list = await listLegacyRedirects(viewer, { q: sp.q, page });
  const hrefFor = (p: number) => {
    const q = new URLSearchParams(Object.entries({ q: sp.q ?? "", page: p > 1 ? String(p) : "" }).filter(([, v]) => v) as [string, string][]);
    return `/dashboard/redirects${q.size ? `?${q}` : ""}`;
  };
  return (
    <PageFrame title="Redirects">
      <p className="text-sm text-neutral-600">Old WordPress addresses kept by imports. Each answers 308 to its new address; query addresses show as p:123 (for /?p=123) and page_id:45.</p>
      <FilterForm label="Search old addresses">
        <FilterInput id="q" label="Old or new path" value={sp.q} />
        <Button type="submit" variant="secondary" size="sm">
          Search
        </Button>
      </FilterForm>
      <DataTable columns={["Old address", "New address", "Kind", ""]}>
        {list.items.map((r) => (
          <tr key={r.path} data-testid="redirect-row">
            <Td className="break-all font-mono text-xs">{r.path}</Td>
            <Td className="break-all font-mono text-xs">
              <a href={r.target} className="underline">
                {r.target}
              </a>
            </Td>
            <Td className="text-xs">{r.kind}</Td>
            <Td>
              <RemoveRedirectButton path={r.path} />
            </Td>
          </tr>
        ))}
      </DataTable>
      <PageNav label="Pagination" page={list.page} pages={list.pages} hrefFor={hrefFor} prev="← Newer" next="Older →">
        Page {list.page} of {list.pages} · {countOf(list.total, "old address", "old addresses")}
      </PageNav>
    </PageFrame>
  );
}
