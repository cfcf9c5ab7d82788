import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { listBylines } from "@/lib/bylines/admin";
import { can } from "@/lib/permissions/roles";

export const metadata: Metadata = { title: "Bylines" };

/** Bylines: admins manage them; editors see them (to pick on stories). */
export default async function BylinesPage() {
  const viewer = await requireViewerForPage("/dashboard/bylines");
  if (!can(viewer.role, "story:set-any-byline")) notFound();
  const rows = await listBylines(viewer);
  const manage = can(viewer.role, "byline:manage");
  return (
    <div className="flex flex-col gap-6">
      <div className="flex flex-wrap items-center justify-between gap-3">
        <h1 className="font-serif text-3xl font-bold">Bylines</h1>
        {manage ? (
          <Link href="/dashboard/bylines/new" className="rounded bg-neutral-900 px-4 py-2 font-semibold text-white">
            New byline
          </Link>
        ) : null}
      </div>
      <div className="overflow-x-auto rounded border border-neutral-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-neutral-600">
            <tr>
              <th scope="col" className="px-3 py-2">Byline</th>
              <th scope="col" className="px-3 py-2">Job title</th>
              <th scope="col" className="px-3 py-2">Linked user</th>
              <th scope="col" className="px-3 py-2">Stories</th>
              <th scope="col" className="px-3 py-2">Page</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {rows.map((b) => (
              <tr key={b.id} data-testid="byline-row" className={b.retired ? "text-neutral-400" : ""}>
                <td className="px-3 py-2 font-semibold" dir="auto">
                  {manage ? <Link href={`/dashboard/bylines/${b.id}`} className="hover:underline">{b.name}</Link> : b.name}
                  {b.retired ? <span className="ml-2 text-xs font-normal">(retired)</span> : null}
                </td>
                <td className="px-3 py-2">{b.jobTitle || "—"}</td>
                <td className="px-3 py-2">{b.userEmail ?? "Guest / wire"}</td>
                <td className="px-3 py-2">{b.stories}</td>
                <td className="px-3 py-2">
                  <Link href={`/author/${b.slug}`} className="font-mono text-xs text-neutral-600 hover:underline">
                    /author/{b.slug}
                  </Link>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
