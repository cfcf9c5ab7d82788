/**
 * The import report as plain text, for the CLI (the desk shows the same facts as HTML).
 */
import type { ImportReport } from "./importer";
import { countOf } from "@/lib/text/count";

/** The photo line: what came into the media library, and what stayed on the old host. */
function photoLine(r: ImportReport): string {
  const p = r.photos;
  if (!p) return "Photos: not counted (an earlier version's report)";
  const counts = `${p.imported} imported into the media library, ${p.reused} already there; ${countOf(p.featured, "featured photo", "featured photos")}, ${p.inBodies} in story bodies, ${countOf(p.leftAsLinks, "image", "images")} left as links to the old site; ${p.missingCount} could not be had${p.withoutAlt ? `; ${countOf(p.withoutAlt, "new photo has", "new photos have")} no alt text` : ""}`;
  return p.source === "none" ? `Photos: none imported (no --uploads-dir or --fetch-media); ${countOf(p.leftAsLinks, "image", "images")} left as links to the old site` : `Photos (from ${p.source}): ${counts}`;
}

/** Lines of text, one fact per line. */
export function reportLines(r: ImportReport): string[] {
  const lines = [
    `${r.dryRun ? "DRY RUN (nothing was written) — " : ""}${r.siteTitle || r.source}: ${countOf(r.items, "item", "items")} read in ${(r.durationMs / 1000).toFixed(1)} s${r.stopped ? " (stopped early; run again to resume)" : ""}`,
    `Stories: ${r.created} created, ${r.updated} updated, ${r.unchanged} unchanged${r.keptLocalEdits ? `, ${r.keptLocalEdits} kept as edited here` : ""}`,
    `By status: ${r.statuses.published} published, ${r.statuses.scheduled} scheduled, ${countOf(r.statuses.draft, "draft", "drafts")}`,
    `In the file: ${Object.entries(r.byType)
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(", ")}`,
    `Skipped: ${Object.entries(r.skipped)
      .map(([k, n]) => `${n} ${k}`)
      .join(", ") || "none"}; ${countOf(r.comments, "comment", "comments")} (not imported)`,
    `New bylines: ${r.bylines}; new tags: ${r.tags}; redirects: ${countOf(r.redirects.stories, "story slug", "story slugs")}, ${countOf(r.redirects.tags, "tag slug", "tag slugs")}`,
    `Authors in the file: ${r.authors ?? 0}`,
    photoLine(r),
    `Old WordPress addresses kept: ${
      Object.entries(r.redirects.addresses ?? {})
        .map(([k, n]) => `${k} ${n}`)
        .join(", ") || "none"
    }`,
  ];
  if (r.proposedSections.length) lines.push(`Proposed sections (top-level categories; the navigation is unchanged: mark sections on the desk's Tags screen): ${r.proposedSections.join(", ")}`);
  if (r.unknownAuthors.length) lines.push(`Unknown authors (no byline given): ${r.unknownAuthors.map((a) => JSON.stringify(a)).join(", ")}`);
  for (const t of r.unknownAuthorStories ?? []) lines.push(`Byline “Unknown author”: “${t}”`);
  for (const d of r.drafted) lines.push(`Drafted: “${d.title}” — ${d.reason}`);
  // Grouped by reason: a host that refuses or a folder that lacks files is one fact, not many.
  const byReason = new Map<string, string[]>();
  for (const m of r.photos?.missing ?? []) byReason.set(m.reason, [...(byReason.get(m.reason) ?? []), m.url]);
  for (const [reason, urls] of byReason) lines.push(`${countOf(urls.length, "photo", "photos")} not imported: ${reason}`, ...urls.map((u) => `  - ${u}`));
  if ((r.photos?.missingCount ?? 0) > (r.photos?.missing.length ?? 0)) lines.push(`… and ${r.photos!.missingCount - r.photos!.missing.length} more photos not imported`);
  for (const e of r.errors) lines.push(`ERROR item ${e.item} “${e.title}”: ${e.message}`);
  if (r.warnings.length) lines.push(`Warnings (${r.warnings.length}):`, ...r.warnings.map((w) => `  - ${w}`));
  return lines;
}
