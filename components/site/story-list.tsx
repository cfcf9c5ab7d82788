import { StoryListItem } from "./story-bits";
import type { StoryCard } from "@/lib/stories/queries";

/** A vertical list of stories with dividers (under a section's page: no repeated section label). Server Component. */
export function StoryList({
  stories,
  timeZone,
  siteLocale,
  underSectionId,
  now,
  prefixOf,
}: {
  stories: StoryCard[];
  timeZone: string;
  siteLocale: string;
  underSectionId?: string;
  now?: Date;
  /** Per story language, its edition's prefix (section links). */
  prefixOf?: (language: string) => string;
}) {
  return (
    <ul className="divide-y divide-neutral-200" data-testid="story-list">
      {stories.map((s) => (
        <li key={s.id} className="py-5 first:pt-0">
          <StoryListItem story={s} timeZone={timeZone} siteLocale={siteLocale} underSectionId={underSectionId} now={now} photoLayout="side" prefixOf={prefixOf} />
        </li>
      ))}
    </ul>
  );
}
