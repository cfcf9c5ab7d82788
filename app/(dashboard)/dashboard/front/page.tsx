import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { getFrontDesk } from "@/lib/front/arrangement";
import { can } from "@/lib/permissions/roles";
import { getSiteSettings } from "@/lib/site/settings";
import { FrontDesk } from "./_components/front-desk";

export const metadata: Metadata = { title: "Front page" };

/** The front page's lead and top stories (pin, unpin, reorder), its automatic rule, its section blocks and the section pages' leads, with a preview before saving (editors and admins). */
export default async function FrontPageScreen() {
  const viewer = await requireViewerForPage("/dashboard/front");
  if (!can(viewer.role, "story:publish")) forbidden();
  const [desk, settings] = await Promise.all([getFrontDesk(viewer), getSiteSettings()]);
  return (
    <div className="flex flex-col gap-6">
      <div>
        <h1 className="text-2xl font-bold">Front page</h1>
        <p className="text-sm text-neutral-600">
          The lead and the top stories readers see first. Pin a story to a position, with an end if you like; positions you leave alone follow the automatic rule. Preview a change before saving it. Saved changes are live on the next request.
        </p>
      </div>
      <FrontDesk
        timeZone={settings.timeZone}
        desk={{
          slots: desk.slots.map((s) => ({ position: s.position, id: s.story.id, title: s.story.title, pinned: s.pinned, fill: s.fill, pinnedUntil: s.pinnedUntil?.toISOString() ?? null, setByName: s.setByName })),
          candidates: desk.candidates,
          rule: desk.rule,
          rules: desk.rules,
          blocks: { chosen: desk.blocks.chosen, sections: desk.blocks.sections.map((s) => ({ id: s.id, name: s.name })) },
          sections: desk.sections.map((s) => ({ id: s.id, name: s.name })),
          sectionLeads: desk.sectionLeads.map((l) => ({ section: l.section, candidates: l.candidates, lead: l.lead ? { ...l.lead, pinnedUntil: l.lead.pinnedUntil?.toISOString() ?? null } : null })),
        }}
      />
    </div>
  );
}
