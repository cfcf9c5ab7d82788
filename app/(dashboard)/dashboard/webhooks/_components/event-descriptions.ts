import type { WebhookEventName } from "@/lib/webhooks/events";

/** What each webhook event reports, in plain words, for the form that subscribes to them. */
export const WEBHOOK_EVENT_DESCRIPTIONS: Readonly<Record<WebhookEventName, string>> = {
  "story.published": "a story goes live for readers (published now, or at its scheduled time)",
  "story.updated": "a public story is updated (kind: update, minor, correction, clarification), or an entry of a public live blog is posted, edited or deleted",
  "story.unpublished": "a public story is taken off the site (now, or at its scheduled unpublish)",
  "story.deleted": "a story readers have seen is moved to the trash",
  "tag.changed": "an admin creates, edits or merges a tag",
  "byline.changed": "an admin creates, edits, retires, restores or merges a byline",
};
