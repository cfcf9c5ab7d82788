import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { getDeskStory } from "@/lib/stories/desk";
import { diffRevisions, listRevisions, type DiffPart } from "@/lib/stories/revisions";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/dates/format";
import { isAppError } from "@/lib/errors";
import { getSiteSettings } from "@/lib/site/settings";
import { Button, ButtonLink } from "@/components/ui/button";
import { SubpageHeader } from "@/components/ui/page-header";
import { DataTable, HiddenHeading, Td } from "@/components/ui/table";
import { RestoreButton } from "./_components/restore-button";
import { countOf } from "@/lib/text/count";
import { getReviewThread, type ReviewNoteView } from "@/lib/review/queue";

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
  pending: "Pending changes (not public)",
};

/** The review thread's entries, in words. */
const REVIEW_LABEL: Record<string, string> = {
  submit: "Submitted for review",
  resubmit: "Resubmitted for review",
  return: "Returned to the writer",
  approve: "Approved",
  comment: "Comment",
};

/** Inserted text, marked green. */
function Added({ children }: { children: React.ReactNode }) {
  return <ins className="bg-green-100 text-green-900 no-underline">{children}</ins>;
}

/** Removed text, marked red and struck through. */
function Removed({ children }: { children: React.ReactNode }) {
  return <del className="bg-red-100 text-red-900">{children}</del>;
}

/** One compared part: its name, then the change. */
function DiffRow({ label, className, dir, children }: { label: string; className?: string; dir?: "auto"; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs font-semibold uppercase tracking-wide text-neutral-500">{label}</dt>
      <dd className={className} dir={dir}>
        {children}
      </dd>
    </div>
  );
}

/** A word diff: added parts green, removed parts struck through red. */
function Diff({ parts, dir }: { parts: DiffPart[]; dir?: "auto" }) {
  if (parts.length === 0) return <span className="text-neutral-400">(empty)</span>;
  return (
    <span dir={dir} className="whitespace-pre-wrap">
      {parts.map((p, i) =>
        p.added ? (
          <Added key={i}>{p.value}</Added>
        ) : p.removed ? (
          <Removed key={i}>{p.value}</Removed>
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
  let thread: ReviewNoteView[];
  try {
    story = await getDeskStory(viewer, id);
    revisions = await listRevisions(viewer, id);
    thread = await getReviewThread(viewer, id);
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
      <SubpageHeader back={{ href: `/dashboard/stories/${id}`, label: "← Back to the story" }} title={`History: ${story.title}`}>
        Times in {settings.timeZone}. Nothing is ever deleted from the history.{" "}
        {story.status === "published"
          ? "This story is live: Restore… opens the old text in the editor, where you save it as an update or a minor edit."
          : "Restore saves the old text as a new version."}
      </SubpageHeader>

      {/* The compare form holds no rows: the restore buttons are forms of their own, and forms cannot nest. */}
      <form id="compare-form" method="get" />
      <DataTable
        columns={["From", "To", "Version", "What", "Who and when", "Headline", <HiddenHeading key="restore">Restore</HiddenHeading>]}
        footer={
          <div className="border-t border-neutral-200 p-3">
            <Button type="submit" form="compare-form" variant="secondary" size="sm">
              Compare
            </Button>
          </div>
        }
      >
        {revisions.map((r) => (
          <tr key={r.id} data-testid="revision-row">
            <Td>
              <input type="radio" form="compare-form" name="from" value={r.id} defaultChecked={r.id === from} aria-label={`Compare from version ${r.version}`} />
            </Td>
            <Td>
              <input type="radio" form="compare-form" name="to" value={r.id} defaultChecked={r.id === to} aria-label={`Compare to version ${r.version}`} />
            </Td>
            <Td>{r.version}</Td>
            <Td>
              {KIND_LABEL[r.kind] ?? r.kind}
              {r.note ? <span className="block text-xs text-neutral-600">“{r.note}”</span> : null}
            </Td>
            <Td className="text-neutral-600">
              {r.authorName ?? "System"}
              <span className="block text-xs">{when(r.createdAt)}</span>
            </Td>
            <Td className="max-w-xs" dir="auto">
              {r.title}
            </Td>
            <Td>
              {story.canEdit && r.version !== story.version ? (
                story.status === "published" ? (
                  <ButtonLink href={`/dashboard/stories/${id}?restore=${r.id}`} variant="secondary" size="xs" aria-label={`Restore version ${r.version}`}>
                    Restore…
                  </ButtonLink>
                ) : (
                  <RestoreButton storyId={id} revisionId={r.id} version={story.version} label={`Restore version ${r.version}`} />
                )
              ) : null}
            </Td>
          </tr>
        ))}
      </DataTable>

      {thread.length > 0 ? (
        <section aria-labelledby="review-heading" className="rounded border border-neutral-200 bg-white p-4" data-testid="review-thread">
          <h2 id="review-heading" className="font-semibold">
            Review notes
          </h2>
          <ol className="mt-3 flex flex-col gap-3 text-sm">
            {thread.map((t) => (
              <li key={t.id} data-testid="review-note">
                <p>
                  <span className="font-semibold">{REVIEW_LABEL[t.kind === "submit" && t.resubmission ? "resubmit" : t.kind]}</span> by {t.authorName ?? "someone no longer on the desk"},{" "}
                  <time dateTime={t.createdAt.toISOString()} className="text-neutral-600">
                    {when(t.createdAt)}
                  </time>
                </p>
                {t.note ? (
                  <blockquote className="mt-1 whitespace-pre-wrap border-l-4 border-neutral-300 pl-3 text-neutral-800" dir="auto">
                    {t.note}
                  </blockquote>
                ) : (
                  <p className="text-xs text-neutral-500">No note.</p>
                )}
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      {diff ? (
        <section aria-labelledby="diff-heading" className="rounded border border-neutral-200 bg-white p-4" data-testid="diff">
          <h2 id="diff-heading" className="font-semibold">
            Version {diff.from.version} → version {diff.to.version}: {countOf(diff.wordsAdded, "word", "words")} added, {diff.wordsRemoved.toLocaleString("en")} removed
          </h2>
          <dl className="mt-3 flex flex-col gap-3 text-sm">
            <DiffRow label="Headline" className="font-serif text-lg">
              <Diff parts={diff.title} dir="auto" />
            </DiffRow>
            <DiffRow label="Dek">
              <Diff parts={diff.dek} dir="auto" />
            </DiffRow>
            {diff.fields.map((f) => (
              <DiffRow key={f.label} label={f.label} dir="auto">
                <Removed>{f.from}</Removed> → <Added>{f.to}</Added>
              </DiffRow>
            ))}
            <DiffRow label="Body" className="leading-relaxed">
              <Diff parts={diff.body} dir="auto" />
            </DiffRow>
          </dl>
        </section>
      ) : null}
    </div>
  );
}
