import type { Metadata } from "next";
import { instantToZonedLocal } from "@/lib/publishing/zoned-time";
import { getSiteSettings } from "@/lib/site/settings";
import { PageFrame } from "@/components/ui/page-header";
import { SettingsForm } from "./_components/settings-form";
import { requirePagePermission } from "../_lib/page-access";

export const metadata: Metadata = { title: "Site settings" };

/** Admins: the site's name, About text, time zone, language, logo and breaking-news bar. */
export default async function SettingsPage() {
  await requirePagePermission("/dashboard/settings", "settings:manage");
  const s = await getSiteSettings();
  return (
    <PageFrame title="Site settings">
      <SettingsForm
        zones={Intl.supportedValuesOf("timeZone")}
        initial={{
          siteName: s.siteName,
          tagline: s.tagline,
          aboutText: s.aboutText,
          timeZone: s.timeZone,
          defaultLanguage: s.defaultLanguage,
          logoUrl: s.logoUrl ?? "",
          breakingText: s.breakingText,
          breakingUrl: s.breakingUrl ?? "",
          breakingUntil: s.breakingUntil ? instantToZonedLocal(s.breakingUntil, s.timeZone) : "",
        }}
      />
    </PageFrame>
  );
}
