import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getDeskStory } from "@/lib/articles/desk";
import { diffRevisions, listRevisions, type DiffPart } from "@/lib/articles/revisions";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/dates/format";
import { isAppError } from "@/lib/errors";
import { getSiteSettings } from "@/lib/site/settings";
import { RestoreButton } from "./_components/restore-button";

export const metadata: Metadata = { title: "History" };

const KIND_LABEL: Record<string, string> = {
  autosave: "Autosave",
  draft: "Draft save",
  submit: "Submitted for review",
  publish: "Published",
  update: "Update",
  minor_edit: "Minor edit",
  correction: "Correction",
  clarification: "Clarification",
  unpublish: "Unpublished",
  schedule: "Scheduled",
  restore: "Restored",
};

function Diff({ parts, dir }: { parts: DiffPart[]; dir?: "auto" }) {
  if (parts.length === 0) return <span className="text-neutral-400">(empty)</span>;
  return (
    <span dir={dir} className="whitespace-pre-wrap">
      {parts.map((p, i) =>
        p.added ? (
          <ins key={i} className="bg-green-100 text-green-900 no-underline">
            {p.value}
          </ins>
        ) : p.removed ? (
          <del key={i} className="bg-red-100 text-red-900">
            {p.value}
          </del>
        ) : (
          <span key={i}>{p.value}</span>
        ),
      )}
    </span>
  );
}

/** A story's revisions; compare any two; restore one. */
export default async function HistoryPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<{ from?: string; to?: string }> }) {
  const { id } = await params;
  const sp = await searchParams;
  const viewer = await requireViewerForPage(`/dashboard/stories/${id}/history`);
  let story;
  let revisions;
  try {
    story = await getDeskStory(viewer, id);
    revisions = await listRevisions(viewer, id);
  } catch (e) {
    if (isAppError(e) && e.code === "not_found") notFound();
    throw e;
  }
  const settings = await getSiteSettings();
  const from = sp.from ?? revisions[1]?.id;
  const to = sp.to ?? revisions[0]?.id;
  let diff = null;
  if (from && to && from !== to) {
    try {
      diff = await diffRevisions(viewer, id, from, to);
    } catch (e) {
      if (!(isAppError(e) && e.code === "not_found")) throw e;
    }
  }
  const when = (d: Date) => formatDateTime(d, settings.timeZone, settings.locale);

  return (
    <div className="flex flex-col gap-6">
      <div>
        <Link href={`/dashboard/stories/${id}`} className="text-sm text-neutral-600 hover:underline">
          ← Back to the story
        </Link>
        <h1 className="mt-2 font-serif text-3xl font-bold" dir="auto">
          History: {story.title}
        </h1>
        <p className="text-sm text-neutral-600">Times in {settings.timeZone}. Restoring saves the old text as a new version; nothing is deleted.</p>
      </div>

      {/* The compare form holds no rows: the restore buttons are forms of their own, and forms cannot nest. */}
      <form id="compare-form" method="get" />
      <div className="overflow-x-auto rounded border border-neutral-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-neutral-600">
            <tr>
              <th scope="col" className="px-3 py-2">From</th>
              <th scope="col" className="px-3 py-2">To</th>
              <th scope="col" className="px-3 py-2">Version</th>
              <th scope="col" className="px-3 py-2">What</th>
              <th scope="col" className="px-3 py-2">Who and when</th>
              <th scope="col" className="px-3 py-2">Headline</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Restore</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {revisions.map((r) => (
              <tr key={r.id} data-testid="revision-row">
                <td className="px-3 py-2">
                  <input type="radio" form="compare-form" name="from" value={r.id} defaultChecked={r.id === from} aria-label={`Compare from version ${r.version}`} />
                </td>
                <td className="px-3 py-2">
                  <input type="radio" form="compare-form" name="to" value={r.id} defaultChecked={r.id === to} aria-label={`Compare to version ${r.version}`} />
                </td>
                <td className="px-3 py-2">{r.version}</td>
                <td className="px-3 py-2">
                  {KIND_LABEL[r.kind] ?? r.kind}
                  {r.note ? <span className="block text-xs text-neutral-600">“{r.note}”</span> : null}
                </td>
                <td className="px-3 py-2 text-neutral-600">
                  {r.authorName ?? "System"}
                  <span className="block text-xs">{when(r.createdAt)}</span>
                </td>
                <td className="max-w-xs px-3 py-2" dir="auto">
                  {r.title}
                </td>
                <td className="px-3 py-2">
                  {story.canEdit && r.version !== story.version ? (
                    <RestoreButton articleId={id} revisionId={r.id} version={story.version} label={`Restore version ${r.version}`} />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="border-t border-neutral-200 p-3">
          <button type="submit" form="compare-form" className="rounded border border-neutral-400 px-3 py-1.5 text-sm font-semibold hover:bg-neutral-100">
            Compare
          </button>
        </div>
      </div>

      {diff ? (
        <section aria-labelledby="diff-heading" className="rounded border border-neutral-200 bg-white p-4" data-testid="diff">
          <h2 id="diff-heading" className="font-semibold">
            Version {diff.from.version} → version {diff.to.version}: {diff.wordsAdded} words added, {diff.wordsRemoved} removed
          </h2>
          <dl className="mt-3 flex flex-col gap-3 text-sm">
            <div>
              <dt className="text-xs font-semibold uppercase tracking-wide text-neutral-500">Headline</dt>
              <dd className="font-serif text-lg">
                <Diff parts={diff.title} dir="auto" />
              </dd>
            </div>
            <div>
              <dt className="text-xs font-semibold uppercase tracking-wide text-neutral-500">Dek</dt>
              <dd>
                <Diff parts={diff.dek} dir="auto" />
              </dd>
            </div>
            {diff.fields.map((f) => (
              <div key={f.label}>
                <dt className="text-xs font-semibold uppercase tracking-wide text-neutral-500">{f.label}</dt>
                <dd dir="auto">
                  <del className="bg-red-100 text-red-900">{f.from}</del> → <ins className="bg-green-100 text-green-900 no-underline">{f.to}</ins>
                </dd>
              </div>
            ))}
            <div>
              <dt className="text-xs font-semibold uppercase tracking-wide text-neutral-500">Body</dt>
              <dd className="leading-relaxed">
                <Diff parts={diff.body} dir="auto" />
              </dd>
            </div>
          </dl>
        </section>
      ) : null}
    </div>
  );
}
