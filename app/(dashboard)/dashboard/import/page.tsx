import type { Metadata } from "next";
import { importUploadsRoot, listRuns, UPLOADS_ROOT_UNSET } from "@/lib/import/runs";
import { getSiteSettings } from "@/lib/site/settings";
import { PageTitle } from "@/components/ui/page-header";
import { ImportPanel } from "./_components/import-panel";
import { requirePagePermission } from "../_lib/page-access";
import { countOf } from "@/lib/text/count";

export const metadata: Metadata = { title: "Import from WordPress" };

/** Admins import a WordPress export (WXR): upload, progress, report; earlier runs below. */
export default async function ImportPage() {
  const viewer = await requirePagePermission("/dashboard/import", "import:run");
  const [runs, settings] = await Promise.all([listRuns(viewer), getSiteSettings()]);
  return (
    <section className="flex flex-col gap-6">
      <div>
        <PageTitle>Import from WordPress</PageTitle>
        <p className="mt-2 max-w-2xl text-sm text-neutral-700">
          Posts become stories with their dates, categories and tags, and authors become bylines (without logins). Importing the same file again
          changes nothing; a newer export updates what changed, but never a story edited here since. Comments and menus are skipped and
          counted. Photos stay on the old site, as links, unless you fetch them from it or read them from a copy of its
          uploads folder: then they join the media library, with their alt text and captions.
        </p>
      </div>
      <ImportPanel defaultTimeZone={settings.timeZone} initialRun={runs[0] ?? null} uploadsRoot={importUploadsRoot()} uploadsRootHint={UPLOADS_ROOT_UNSET} />
      {runs.length > 1 ? (
        <section aria-labelledby="earlier-heading" className="text-sm">
          <h2 id="earlier-heading" className="font-semibold">
            Earlier imports
          </h2>
          <ul className="list-disc pl-5">
            {runs.slice(1).map((r) => (
              <li key={r.id}>
                {r.fileName}: {r.status}, {r.itemsDone} / {countOf(r.itemsTotal, "item", "items")}
                {r.report ? `; ${r.report.created} created, ${r.report.updated} updated, ${r.report.unchanged} unchanged` : ""}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </section>
  );
}
