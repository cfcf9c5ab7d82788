import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { listLinkableUsers } from "@/lib/bylines/admin";
import { can } from "@/lib/permissions/roles";
import { PageFrame } from "@/components/ui/page-header";
import { BylineForm } from "../_components/byline-forms";

export const metadata: Metadata = { title: "New byline" };

/** Admins: a new byline profile (staff, guest or wire). */
export default async function NewBylinePage() {
  const viewer = await requireViewerForPage("/dashboard/bylines/new");
  if (!can(viewer.role, "byline:manage")) notFound();
  const users = await listLinkableUsers(viewer);
  return (
    <PageFrame title="New byline">
      <BylineForm users={users} initial={{ name: "", slug: "", jobTitle: "", bio: "", photoUrl: "", userId: "" }} />
    </PageFrame>
  );
}
