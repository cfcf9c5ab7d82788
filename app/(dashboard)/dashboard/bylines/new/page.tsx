import type { Metadata } from "next";
import { listLinkableUsers } from "@/lib/bylines/admin";
import { PageFrame } from "@/components/ui/page-header";
import { BylineForm } from "../_components/byline-forms";
import { requirePagePermission } from "../../_lib/page-access";

export const metadata: Metadata = { title: "New byline" };

/** Admins: a new byline profile (staff, guest or wire). */
export default async function NewBylinePage() {
  const viewer = await requirePagePermission("/dashboard/bylines/new", "byline:manage");
  const users = await listLinkableUsers(viewer);
  return (
    <PageFrame title="New byline">
      <BylineForm users={users} initial={{ name: "", slug: "", jobTitle: "", bio: "", photoUrl: "", userId: "" }} />
    </PageFrame>
  );
}
