import type { Metadata } from "next";
import Link from "next/link";
import { listBylines } from "@/lib/bylines/admin";
import { can } from "@/lib/permissions/roles";
import { ButtonLink } from "@/components/ui/button";
import { PageFrame } from "@/components/ui/page-header";
import { TranslatedNames } from "@/components/dashboard/translated-names";
import { DataTable, Td, TitleCell } from "@/components/ui/table";
import { requirePagePermission } from "../_lib/page-access";

export const metadata: Metadata = { title: "Bylines" };

/** Bylines: admins manage them; editors see them (to pick on stories). */
export default async function BylinesPage() {
  const viewer = await requirePagePermission("/dashboard/bylines", "story:set-any-byline");
  const rows = await listBylines(viewer);
  const manage = can(viewer.role, "byline:manage");
  return (
    <PageFrame title="Bylines" actions={manage ? <ButtonLink href="/dashboard/bylines/new">New byline</ButtonLink> : null}>
      <DataTable columns={["Byline", "Job title", "Linked user", "Stories", "Page"]}>
        {rows.map((b) => (
          <tr key={b.id} data-testid="byline-row" className={b.retired ? "text-neutral-400" : ""}>
            <TitleCell href={manage ? `/dashboard/bylines/${b.id}` : undefined} after={
                <>
                  <TranslatedNames translations={b.translations} testId="byline-translations" />
                  {b.retired ? <span className="ml-2 text-xs font-normal">(retired)</span> : null}
                </>
              }
            >
              {b.name}
            </TitleCell>
            <Td>{b.jobTitle || "—"}</Td>
            <Td>{b.userEmail ?? "Guest / wire"}</Td>
            <Td>{b.stories}</Td>
            <Td>
              <Link href={`/author/${b.slug}`} className="font-mono text-xs text-neutral-600 hover:underline">
                /author/{b.slug}
              </Link>
            </Td>
          </tr>
        ))}
      </DataTable>
    </PageFrame>
  );
}
