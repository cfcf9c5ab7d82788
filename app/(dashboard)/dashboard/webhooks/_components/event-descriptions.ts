import type { WebhookEventName } from "@/lib/webhooks/events";

/** What each webhook event reports, in plain words, for the form that subscribes to them. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Readonly<Record<WebhookEventName, string>> = {
  "story.published": "a story goes live for readers (published now, or at its scheduled time)",
  "story.updated": "a public story is updated (kind: update, minor, correction, clarification)",
  "story.unpublished": "a public story is taken down (back to draft)",
  "story.deleted": "a story is deleted for good",
  "tag.changed": "a tag is created, renamed or removed",
  "byline.changed": "a byline is created, edited or removed",
};
