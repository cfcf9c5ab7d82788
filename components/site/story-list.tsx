import { StoryListItem } from "./story-bits";
import type { StoryCard } from "@/lib/stories/queries";

/** What a list of story cards is given: the cards, and what each card needs of the page. */
export interface StoryListProps {
  stories: StoryCard[];
  timeZone: string;
  siteLocale: string;
  /** The section whose own heading the list sits under: its label is not repeated on the cards. */
  underSectionId?: string;
  now?: Date;
  /** Per story language, its edition's prefix (section links). */
  prefixOf?: (language: string) => string;
}

/** A vertical list of stories with dividers (under a section's page: no repeated section label). Server Component. */
export function StoryList({ stories, ...card }: StoryListProps) {
  return (
    <ul className="divide-y divide-neutral-200" data-testid="story-list">
      {stories.map((s) => (
        <li key={s.id} className="py-5 first:pt-0">
          <StoryListItem story={s} {...card} photoLayout="side" />
        </li>
      ))}
    </ul>
  );
}
