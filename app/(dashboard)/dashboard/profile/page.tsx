import type { Metadata } from "next";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { PageTitle } from "@/components/ui/page-header";
import { Button } from "@/components/ui/button";
import { ProfileForms } from "./_components/profile-forms";
import { signOutEverywhereAction } from "./actions";
import { MailPreferencesForm } from "./_components/mail-preferences";
import { getMailPreferences } from "@/lib/review/prefs";
import { getSiteSettings } from "@/lib/site/settings";
import { can } from "@/lib/permissions/roles";
import { NOTIFICATION_KINDS } from "@/lib/review/kinds";

export const metadata: Metadata = { title: "Your profile" };

/** The signed-in user's own profile. */
export default async function ProfilePage() {
  const viewer = await requireViewerForPage("/dashboard/profile");
  const [prefs, settings] = await Promise.all([getMailPreferences(viewer), getSiteSettings()]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <PageTitle>Your profile</PageTitle>
        <p className="mt-1 text-sm text-neutral-600">
          {viewer.email} · role: {viewer.role} (only an admin can change roles)
        </p>
      </div>
      <ProfileForms name={viewer.name} />
      <MailPreferencesForm
        kinds={NOTIFICATION_KINDS.filter((k) => k !== "webhook_failing" || can(viewer.role, "webhooks:manage"))}
        modes={prefs.modes}
        digestHour={prefs.digestHour}
        timeZone={settings.timeZone}
      />
      <section aria-labelledby="sessions-heading" className="flex max-w-xl flex-col gap-2 rounded border border-neutral-200 bg-white p-4">
        <h2 id="sessions-heading" className="font-semibold">
          Sessions
        </h2>
        <p className="text-sm text-neutral-600">Lost a phone, or signed in on a shared computer? End every session of your account, this one included.</p>
        <form action={signOutEverywhereAction}>
          <Button type="submit" variant="danger" size="sm">
            Sign out everywhere
          </Button>
        </form>
      </section>
    </div>
  );
}
