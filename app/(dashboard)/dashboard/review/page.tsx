import type { Metadata } from "next";
import { formatDateTime } from "@/lib/dates/format";
import { listNeedsReview } from "@/lib/review/queue";
import { getSiteSettings } from "@/lib/site/settings";
import { countOf } from "@/lib/text/count";
import { PageFrame } from "@/components/ui/page-header";
import { DataTable, Td, TitleCell } from "@/components/ui/table";
import { requirePagePermission } from "../_lib/page-access";

export const metadata: Metadata = { title: "Needs review" };

/** Stories submitted for review and waiting for an editor, the longest-waiting first (editors and admins). */
export default async function NeedsReviewPage() {
  const viewer = await requirePagePermission("/dashboard/review", "story:publish");
  const [items, settings] = await Promise.all([listNeedsReview(viewer), getSiteSettings()]);
  return (
    <PageFrame title="Needs review">
      <p className="text-sm text-neutral-600">
        {items.length === 0
          ? "No story is waiting for review."
          : `${countOf(items.length, "story waits", "stories wait")} for review, the one waiting longest first. Times in ${settings.timeZone}.`}
      </p>
      {items.length > 0 ? (
        <DataTable columns={["Headline", "Section", "Submitted by", "Submitted"]} caption="Stories waiting for review, oldest first">
          {items.map((s) => (
            <tr key={s.id} data-testid="review-row">
              <TitleCell href={`/dashboard/stories/${s.id}`} className="max-w-md">
                {s.title}
              </TitleCell>
              <Td className="text-neutral-600">{s.section ?? "—"}</Td>
              <Td>{s.submittedByName ?? "—"}</Td>
              <Td className="text-neutral-600">
                <time dateTime={s.submittedAt.toISOString()}>{formatDateTime(s.submittedAt, settings.timeZone, settings.locale)}</time>
              </Td>
            </tr>
          ))}
        </DataTable>
      ) : null}
    </PageFrame>
  );
}
