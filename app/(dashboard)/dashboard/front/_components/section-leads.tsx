"use client";

/**
 * The lead of each section's page (`/tag/<slug>`): the story an editor pinned there (until
 * when, by whom) or the section's newest story. Pin one of the section's public stories, with
 * an optional end in the newsroom's zone; unpin. The rest of the page stays newest first.
 */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Select } from "@/components/ui/controls";
import { FormStatus } from "@/components/ui/notice";
import { formatDateAtTime } from "@/lib/dates/format";
import { pinSectionAction, unpinSectionAction } from "../actions";
import { useRun } from "./use-run";

export interface SectionLeadView {
  section: { id: string; slug: string; name: string };
  lead: { id: string; title: string; pinned: boolean; pinnedUntil: string | null; setByName: string | null } | null;
  candidates: { id: string; title: string }[];
}

export function SectionLeads({ sections, timeZone }: { sections: SectionLeadView[]; timeZone: string }) {
  const { pending, state, run } = useRun();
  const [choice, setChoice] = useState<Record<string, string>>({});
  const [until, setUntil] = useState<Record<string, string>>({});
  return (
    <section aria-labelledby="section-leads-heading" className="flex flex-col gap-3" data-testid="section-leads">
      <div>
        <h2 id="section-leads-heading" className="text-sm font-bold uppercase tracking-wide text-neutral-600">
          Section page leads
        </h2>
        <p className="text-sm text-neutral-600">Pin one of a section’s stories to lead its page; the rest of the page stays newest first.</p>
      </div>
      {sections.length === 0 ? <p className="text-sm text-neutral-600">No sections yet: mark tags as sections on the Tags screen.</p> : null}
      <ul className="grid grid-cols-1 gap-3 md:grid-cols-2">
        {sections.map(({ section, lead, candidates }) => {
          const pickId = `section-pick-${section.id}`;
          const untilId = `section-until-${section.id}`;
          return (
            <li key={section.id} className="flex min-w-0 flex-col gap-2 rounded border border-neutral-300 bg-white p-3" data-testid="section-lead-card" data-section={section.slug}>
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h3 className="font-bold">
                  <a href={`/tag/${section.slug}`} className="hover:underline">
                    {section.name}
                  </a>
                </h3>
                <span className={`text-xs ${lead?.pinned ? "font-semibold text-violet-900" : "text-neutral-500"}`}>
                  {lead?.pinned
                    ? `Pinned${lead.pinnedUntil ? ` until ${formatDateAtTime(new Date(lead.pinnedUntil), timeZone)} (${timeZone})` : ""}${lead.setByName ? ` by ${lead.setByName}` : ""}`
                    : "Automatic: the newest story"}
                </span>
              </div>
              <p className="font-serif font-bold" dir="auto" data-testid="section-lead-title">
                {lead?.title ?? "No public story yet"}
              </p>
              {candidates.length > 0 ? (
                <div className="flex flex-col gap-2">
                  <span className="flex flex-col gap-1">
                    <label htmlFor={pickId} className="text-xs font-semibold">
                      Pin a story as the lead of {section.name}
                    </label>
                    <Select id={pickId} size="sm" className="w-full min-w-0" value={choice[section.id] ?? ""} onChange={(e) => setChoice({ ...choice, [section.id]: e.target.value })}>
                      <option value="">Choose one of the section’s stories…</option>
                      {candidates.map((c) => (
                        <option key={c.id} value={c.id}>
                          {c.title}
                        </option>
                      ))}
                    </Select>
                  </span>
                  <span className="flex flex-col gap-1">
                    <label htmlFor={untilId} className="text-xs font-semibold">
                      Until ({timeZone}, optional)
                    </label>
                    <input id={untilId} type="datetime-local" step={1} value={until[section.id] ?? ""} onChange={(e) => setUntil({ ...until, [section.id]: e.target.value })} className="rounded border border-neutral-400 px-2 py-1 text-sm" />
                  </span>
                  <span className="flex flex-wrap gap-2">
                    <Button
                      size="sm"
                      disabled={pending || !choice[section.id]}
                      onClick={() => run(() => pinSectionAction(section.id, choice[section.id]!, until[section.id] ?? ""), `Pinned to lead the ${section.name} page.`)}
                      aria-label={`Pin the lead of ${section.name}`}
                    >
                      Pin
                    </Button>
                    {lead?.pinned ? (
                      <Button size="sm" variant="secondary" disabled={pending} onClick={() => run(() => unpinSectionAction(section.id), `The ${section.name} page is newest first again.`)} aria-label={`Unpin the lead of ${section.name}`}>
                        Unpin
                      </Button>
                    ) : null}
                  </span>
                </div>
              ) : null}
            </li>
          );
        })}
      </ul>
      <FormStatus error={state.error} message={state.message} testId="section-leads-status" />
    </section>
  );
}
