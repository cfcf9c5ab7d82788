import type { Metadata } from "next";
import Link from "next/link";
import { formatDateAtTime } from "@/lib/dates/format";
import { getSiteSettings } from "@/lib/site/settings";
import { listBreakingStories } from "@/lib/stories/queries";
import { PageFrame } from "@/components/ui/page-header";
import { translationValues } from "@/components/dashboard/translation-inputs";
import { SettingsForm } from "./_components/settings-form";
import { requirePagePermission } from "../_lib/page-access";

export const metadata: Metadata = { title: "Site settings" };

/** Admins: the site's name, About text, time zone, languages and editions, and logo; what the breaking-news bar shows now. */
export default async function SettingsPage() {
  await requirePagePermission("/dashboard/settings", "settings:manage");
  const now = new Date();
  const [s, breaking] = await Promise.all([getSiteSettings(), listBreakingStories(now)]);
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
          editionLanguages: s.editionLanguages.join(" "),
          ...translationValues(s.translations),
        }}
      />
      <section aria-labelledby="breaking-heading" className="flex max-w-2xl flex-col gap-2 rounded border border-neutral-300 bg-white p-4 text-sm" data-testid="settings-breaking">
        <h2 id="breaking-heading" className="font-semibold">
          Breaking-news bar: what readers see now
        </h2>
        {breaking.length === 0 ? (
          <p>No bar: no story is marked as breaking news. Editors mark a story as breaking in the story editor, with the time it ends.</p>
        ) : (
          <>
            <p>Every reader page shows a “Breaking News” bar linking to:</p>
            <ul className="list-disc ps-5">
              {breaking.map((b) => (
                <li key={b.id}>
                  <Link href={`/dashboard/stories/${b.id}`} className="font-semibold underline" dir="auto">
                    {b.title}
                  </Link>{" "}
                  until {b.breakingUntil ? formatDateAtTime(b.breakingUntil, s.timeZone) : "—"} ({s.timeZone})
                </li>
              ))}
            </ul>
            <p className="text-neutral-600">It ends by itself at that time; to end it sooner, untick “Breaking news” in the story.</p>
          </>
        )}
      </section>
    </PageFrame>
  );
}
