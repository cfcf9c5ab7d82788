"use client";

/**
 * The automatic rule for the front page's positions no pin holds: newest stories; newest with
 * breaking news first; or newest with a photo for the lead. Choose one, preview it, save it.
 */
import { useState } from "react";
import { Button } from "@/components/ui/button";
import { FormStatus } from "@/components/ui/notice";
import { setFrontRuleAction } from "../actions";
import type { PreviewRequest } from "./front-preview";
import { useRun } from "./use-run";

/** What each rule does, in a line. */
const HINTS: Record<string, string> = {
  newest: "Every position you leave alone takes the newest story.",
  breaking_first: "Stories marked breaking take the positions you leave alone first, while they are breaking; then the newest.",
  photo_lead: "An automatic lead is the newest story with a featured photo; the other positions take the newest.",
};

export function FrontRule({ rule, rules, onPreview }: { rule: string; rules: { value: string; label: string }[]; onPreview: (request: PreviewRequest) => void }) {
  const { pending, state, run } = useRun();
  const [choice, setChoice] = useState(rule);
  const labelOf = (value: string) => rules.find((r) => r.value === value)?.label ?? value;
  const save = () => run(() => setFrontRuleAction(choice), `The automatic rule is now “${labelOf(choice)}”.`);
  return (
    <section aria-labelledby="front-rule-heading" className="flex flex-col gap-3 rounded border border-neutral-300 bg-white p-3" data-testid="front-rule">
      <div>
        <h2 id="front-rule-heading" className="text-sm font-bold uppercase tracking-wide text-neutral-600">
          Automatic rule
        </h2>
        <p className="text-sm text-neutral-600">
          For the positions no pin holds. In force: <strong data-testid="front-rule-current">{labelOf(rule)}</strong>.
        </p>
      </div>
      <fieldset className="flex flex-col gap-2">
        <legend className="sr-only">Automatic rule for unpinned positions</legend>
        {rules.map((r) => (
          <label key={r.value} className="flex items-start gap-2 text-sm">
            <input type="radio" name="front-rule" value={r.value} checked={choice === r.value} onChange={() => setChoice(r.value)} className="mt-1" />
            <span>
              <span className="font-semibold">{r.label}</span>
              <span className="block text-xs text-neutral-600">{HINTS[r.value]}</span>
            </span>
          </label>
        ))}
      </fieldset>
      <div className="flex flex-wrap gap-2">
        <Button size="sm" disabled={pending || choice === rule} onClick={save}>
          Save rule
        </Button>
        <Button size="sm" variant="secondary" disabled={choice === rule} onClick={() => onPreview({ query: `rule=${choice}`, what: `the rule “${labelOf(choice)}”`, save })}>
          Preview rule
        </Button>
      </div>
      <FormStatus error={state.error} message={state.message} testId="front-rule-status" />
    </section>
  );
}
