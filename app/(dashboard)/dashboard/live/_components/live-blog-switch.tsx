"use client";

/**
 * The "Live blog" switch in the story editor's side panel (editors): turns the story into a
 * live blog or back, without saving the story, and links to its live desk while it is one.
 * It keeps its own state rather than refreshing the page, so the story being edited beside it
 * is left untouched.
 */
import Link from "next/link";
import { useState, useTransition } from "react";
import { Checkbox } from "@/components/ui/controls";
import { Alert } from "@/components/ui/notice";
import { updateLiveBlogAction } from "../actions";

export function LiveBlogSwitch({ storyId, initial, coverageNote }: { storyId: string; initial: boolean; coverageNote: string | null }) {
  // `on` is what the server confirmed (the link follows it); `checked` answers the click at once.
  const [on, setOn] = useState(initial);
  const [checked, setChecked] = useState(initial);
  const [error, setError] = useState("");
  const [pending, start] = useTransition();
  return (
    <section aria-labelledby="live-blog-heading" className="flex flex-col gap-2 rounded border border-neutral-200 bg-white p-3 text-sm" data-testid="live-blog-switch">
      <h2 id="live-blog-heading" className="font-semibold">
        Live blog
      </h2>
      <Checkbox
        label="This story is a live blog"
        checked={checked}
        disabled={pending}
        onChange={(e) => {
          const next = e.target.checked;
          setError("");
          setChecked(next);
          start(async () => {
            const r = await updateLiveBlogAction(storyId, { isLiveBlog: next });
            if (r.ok) setOn(next);
            else {
              setChecked(!next);
              setError(r.error);
            }
          });
        }}
      />
      <p className="text-xs text-neutral-600">
        {on ? (coverageNote ?? "Entries are posted on the live desk, one by one, without saving the story.") : "Reporters then post short timestamped entries on its live desk; this text becomes the introduction."}
      </p>
      {on && checked ? (
        <Link href={`/dashboard/live/${storyId}`} className="font-semibold text-neutral-900 underline hover:text-neutral-700">
          Open the live desk
        </Link>
      ) : null}
      <Alert>{error}</Alert>
    </section>
  );
}
