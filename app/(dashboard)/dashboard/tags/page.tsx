import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { can } from "@/lib/permissions/roles";
import { listTags } from "@/lib/tags/admin";
import { TagForm } from "./_components/tag-forms";

export const metadata: Metadata = { title: "Tags and sections" };

/** Editors and admins: tags, and which of them are sections (the site navigation). */
export default async function TagsPage() {
  const viewer = await requireViewerForPage("/dashboard/tags");
  if (!can(viewer.role, "tag:manage")) notFound();
  const rows = await listTags(viewer);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-serif text-3xl font-bold">Tags and sections</h1>
      <div className="grid gap-8 lg:grid-cols-[1fr_22rem]">
        <div className="overflow-x-auto rounded border border-neutral-200 bg-white">
          <table className="w-full text-left text-sm">
            <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-neutral-600">
              <tr>
                <th scope="col" className="px-3 py-2">Tag</th>
                <th scope="col" className="px-3 py-2">Section</th>
                <th scope="col" className="px-3 py-2">Stories</th>
                <th scope="col" className="px-3 py-2">Page</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-neutral-100">
              {rows.map((t) => (
                <tr key={t.id} data-testid="tag-row">
                  <td className="px-3 py-2 font-semibold" dir="auto">
                    <Link href={`/dashboard/tags/${t.id}`} className="hover:underline">
                      {t.name}
                    </Link>
                  </td>
                  <td className="px-3 py-2">{t.isSection ? `Yes (${t.sectionOrder})` : "—"}</td>
                  <td className="px-3 py-2">{t.stories}</td>
                  <td className="px-3 py-2 font-mono text-xs text-neutral-600">/tag/{t.slug}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
        <section aria-labelledby="new-tag" className="rounded border border-neutral-200 bg-white p-4">
          <h2 id="new-tag" className="mb-3 font-semibold">
            New tag
          </h2>
          <TagForm initial={{ name: "", slug: "", description: "", isSection: false, sectionOrder: 0 }} />
        </section>
      </div>
    </div>
  );
}
