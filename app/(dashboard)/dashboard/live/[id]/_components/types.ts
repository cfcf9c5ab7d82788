/**
 * What the live desk's server page hands its client components: plain, serialisable values
 * with the times already written in the newsroom's zone.
 */
import type { JSONContent } from "@tiptap/core";

/** One entry on the live desk. */
export interface EntryView {
  id: string;
  status: "draft" | "published";
  headline: string;
  body: JSONContent;
  bodyHtml: string;
  bylineId: string | null;
  bylineName: string | null;
  isKeyEvent: boolean;
  isPinned: boolean;
  /** The public time (published) or when it was written (draft), ISO and as a time of day. */
  at: string;
  atLabel: string;
  /** The full date and time, for the tooltip. */
  atTitle: string;
  /** The last edit after publication, or null. */
  editedLabel: string | null;
  editedAt: string | null;
  version: number;
  canEdit: boolean;
  canPublish: boolean;
  canDelete: boolean;
}

/** The live blog and who is looking at it. */
export interface LiveDeskView {
  id: string;
  title: string;
  language: string;
  dir: "ltr" | "rtl";
  timeZone: string;
  coverageStartedLabel: string | null;
  coverageEndedLabel: string | null;
  writersMayPublishEntries: boolean;
  viewerMayPublish: boolean;
  viewerIsEditor: boolean;
  /** The bylines the viewer may post under, and the one chosen by default ("" when none). */
  bylines: { id: string; name: string }[];
  defaultBylineId: string;
}
