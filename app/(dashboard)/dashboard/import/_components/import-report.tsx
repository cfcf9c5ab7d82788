/** The report of a WordPress import, as the desk shows it (the CLI prints the same facts: lib/import/report-text.ts). */
import Link from "next/link";
import type { ImportReport, PhotoReport } from "@/lib/import/importer";
import { countOf } from "@/lib/text/count";

function Row({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="flex gap-3 border-b border-neutral-100 py-1">
      <dt className="w-48 shrink-0 font-semibold">{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Where the photos came from, in the desk's words (the choices of the import form). */
const PHOTO_SOURCE: Record<PhotoReport["source"], string> = {
  none: "left on the old site, as links",
  uploads: "a folder on this server",
  fetch: "fetched from the old site",
  "uploads and fetch": "a folder on this server, then the old site",
};

/** The photo facts of a report; reports written before photos were imported have none, and say so. */
function PhotoRows({ photos }: { photos: PhotoReport | undefined }) {
  if (!photos) return <Row label="Photos">not counted (an import made before photos were imported)</Row>;
  return (
    <>
      <Row label="Photos">
        <span data-testid="import-photos">
          {PHOTO_SOURCE[photos.source] ?? photos.source}
          {photos.source === "none" ? "" : `: ${photos.imported} imported, ${photos.reused} already in the library`}
        </span>
      </Row>
      <Row label="Photos in stories">
        {countOf(photos.featured, "featured photo", "featured photos")}, {photos.inBodies} in story bodies, {countOf(photos.leftAsLinks, "image left as a link", "images left as links")} to the old site
      </Row>
      {photos.source === "none" ? null : (
        <Row label="Photos without alt text">
          {photos.withoutAlt ? (
            <>{countOf(photos.withoutAlt, "new photo", "new photos")}: a story using one cannot be published from the desk until it has alt text (add it in the media library)</>
          ) : (
            "none"
          )}
        </Row>
      )}
    </>
  );
}

/** The photos that could not be had, with why: at most the first 200 (the importer keeps no more), then how many others. */
function MissingPhotos({ photos }: { photos: PhotoReport | undefined }) {
  if (!photos?.missingCount) return null;
  const listed = photos.missing.slice(0, 200);
  const more = photos.missingCount - listed.length;
  return (
    <details data-testid="import-missing-photos">
      <summary className="cursor-pointer font-semibold">Photos not imported ({photos.missingCount})</summary>
      <p className="mt-1 text-neutral-700">Stories show these as links to the old site, or without them when they were featured photos.</p>
      <ul className="list-disc pl-5">
        {listed.map((m, i) => (
          <li key={i} className="break-all">
            <span dir="ltr">{m.url}</span> — <span className="break-normal">{m.reason}</span>
          </li>
        ))}
      </ul>
      {more > 0 ? <p>and {countOf(more, "more", "more")}</p> : null}
    </details>
  );
}

/** A finished (or stopped) import's report. Fields added since older reports were stored are optional here. */
export function ImportReportView({ report }: { report: ImportReport }) {
  return (
    <section aria-label="Import report" data-testid="import-report" className="flex flex-col gap-3 text-sm">
      {report.dryRun ? <p className="font-semibold text-amber-800">Dry run: nothing was written.</p> : null}
      <dl>
        <Row label="Stories">
          {report.created} created, {report.updated} updated, {report.unchanged} unchanged
          {report.keptLocalEdits ? `, ${report.keptLocalEdits} kept as edited here` : ""}
        </Row>
        <Row label="By status">
          {report.statuses.published} published, {report.statuses.scheduled} scheduled, {countOf(report.statuses.draft, "draft", "drafts")}
        </Row>
        <Row label="In the file">
          {Object.entries(report.byType)
            .sort()
            .map(([k, n]) => `${k}: ${n}`)
            .join(", ")}
        </Row>
        <Row label="Skipped">
          {Object.entries(report.skipped)
            .map(([k, n]) => `${n} ${k}`)
            .join(", ") || "nothing"}
          ; {countOf(report.comments, "comment", "comments")} (not imported)
        </Row>
        <Row label="Authors in the file">{report.authors ?? "not counted"}</Row>
        <Row label="New bylines and tags">
          {countOf(report.bylines, "byline", "bylines")}, {countOf(report.tags, "tag", "tags")}
        </Row>
        <PhotoRows photos={report.photos} />
        <Row label="Redirects">
          {countOf(report.redirects.stories, "old story slug", "old story slugs")}, {countOf(report.redirects.tags, "old category or tag slug", "old category and tag slugs")}
        </Row>
        <Row label="Old WordPress addresses">
          {Object.entries(report.redirects.addresses ?? {})
            .map(([k, n]) => `${k} ${n}`)
            .join(", ") || "none"}
        </Row>
        <Row label="Proposed sections">
          {report.proposedSections.length ? (
            <>
              {report.proposedSections.join(", ")}. The site&rsquo;s navigation is unchanged: mark sections on the{" "}
              <Link href="/dashboard/tags" className="text-brand underline">
                Tags
              </Link>{" "}
              screen.
            </>
          ) : (
            "none"
          )}
        </Row>
        <Row label="Unknown authors">{report.unknownAuthors.length ? report.unknownAuthors.map((a) => `“${a}”`).join(", ") : "none"}</Row>
        <Row label="Stories by “Unknown author”">{report.unknownAuthorStories?.length ? report.unknownAuthorStories.map((t) => `“${t}”`).join(", ") : "none"}</Row>
        <Row label="Time">{(report.durationMs / 1000).toFixed(1)} s</Row>
      </dl>
      {report.drafted.length ? (
        <div>
          <h3 className="font-semibold">Imported as drafts</h3>
          <ul className="list-disc pl-5">
            {report.drafted.map((d, i) => (
              <li key={i}>
                “{d.title}” — {d.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <MissingPhotos photos={report.photos} />
      {report.errors.length ? (
        <div role="alert">
          <h3 className="font-semibold text-red-800">Items not imported</h3>
          <ul className="list-disc pl-5 text-red-800">
            {report.errors.map((e, i) => (
              <li key={i}>
                Item {e.item} “{e.title}”: {e.message}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {report.warnings.length ? (
        <details>
          <summary className="cursor-pointer font-semibold">Warnings ({report.warnings.length})</summary>
          <ul className="list-disc pl-5">
            {report.warnings.map((w, i) => (
              <li key={i}>{w}</li>
            ))}
          </ul>
        </details>
      ) : null}
    </section>
  );
}
