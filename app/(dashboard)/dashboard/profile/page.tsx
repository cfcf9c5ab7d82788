import type { Metadata } from "next";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { PageTitle } from "@/components/ui/page-header";
import { ProfileForms } from "./_components/profile-forms";

export const metadata: Metadata = { title: "Your profile" };

/** The signed-in user's own profile. */
export default async function ProfilePage() {
  const viewer = await requireViewerForPage("/dashboard/profile");
  return (
    <div className="flex flex-col gap-6">
      <div>
        <PageTitle>Your profile</PageTitle>
        <p className="mt-1 text-sm text-neutral-600">
          {viewer.email} · role: {viewer.role} (only an admin can change roles)
        </p>
      </div>
      <ProfileForms name={viewer.name} />
    </div>
  );
}
