"use client";

/**
 * The Front page screen's panels, sharing one preview: the positions (lead and top stories),
 * the automatic rule, the section blocks and the section pages' leads. A panel's "Preview"
 * shows its change, not yet saved, above the panels; Save there makes it, Cancel drops it.
 */
import { useState } from "react";
import { FrontBoard, type SlotView } from "./front-board";
import { FrontPreview, type PreviewRequest } from "./front-preview";
import { FrontRule } from "./front-rule";
import { SectionBlocks } from "./section-blocks";
import { SectionLeads, type SectionLeadView } from "./section-leads";

export interface FrontDeskView {
  slots: SlotView[];
  candidates: { id: string; title: string }[];
  rule: string;
  rules: { value: string; label: string }[];
  blocks: { chosen: boolean; sections: { id: string; name: string }[] };
  sections: { id: string; name: string }[];
  sectionLeads: SectionLeadView[];
}

export function FrontDesk({ desk, timeZone }: { desk: FrontDeskView; timeZone: string }) {
  const [preview, setPreview] = useState<PreviewRequest | null>(null);
  const ruleLabel = desk.rules.find((r) => r.value === desk.rule)?.label ?? desk.rule;
  return (
    <div className="flex flex-col gap-6">
      {preview ? (
        <FrontPreview
          request={{
            ...preview,
            save: () => {
              preview.save();
              setPreview(null);
            },
          }}
          onClose={() => setPreview(null)}
        />
      ) : null}
      <FrontBoard slots={desk.slots} candidates={desk.candidates} timeZone={timeZone} rule={{ value: desk.rule, label: ruleLabel }} onPreview={setPreview} />
      <FrontRule rule={desk.rule} rules={desk.rules} onPreview={setPreview} />
      <SectionBlocks chosen={desk.blocks.chosen} blocks={desk.blocks.sections} sections={desk.sections} onPreview={setPreview} />
      <SectionLeads sections={desk.sectionLeads} timeZone={timeZone} />
    </div>
  );
}
