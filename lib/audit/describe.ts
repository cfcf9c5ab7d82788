/**
 * Audit entries in words, for people: who did what to which record ("Mina published
 * “Footbridge reopens”"), a link to that record in the desk, and a readable before → after of
 * the fields that really changed. Pure: the caller supplies the names of the records.
 *
 * Older entries recorded every field of an edit, changed or not, and some put the changes at
 * the top level of `details`; both shapes are read, and unchanged fields are dropped.
 */

/** An audit row as stored, with the current name of its record when it still exists. */
export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  details: unknown;
  actorName: string | null;
  /** The record's name now (story headline, tag or byline name, person, photo file), or null. */
  targetName: string | null;
}

/** One changed field, ready to show. */
export interface ChangeLine {
  label: string;
  from: string;
  to: string;
}

/** An entry in words: `actor`, `verb`, the target (linked when it can be opened), `note`. */
export interface AuditDescription {
  actor: string;
  verb: string;
  target: { label: string; href: string | null } | null;
  /** A short addition after the target ("into “Elections”", a public note). */
  extra: string;
  changes: ChangeLine[];
}

type Kind = "story" | "tag" | "byline" | "user" | "media" | "settings" | "import" | "webhook" | "API key" | "none";

/** Each action: what it says, and what its target is. */
const ACTIONS: Record<string, { verb: string; kind: Kind }> = {
  "story.create": { verb: "started the story", kind: "story" },
  "story.publish": { verb: "published", kind: "story" },
  "story.unpublish": { verb: "unpublished", kind: "story" },
  "story.republish": { verb: "put back on the site", kind: "story" },
  "story.schedule": { verb: "scheduled", kind: "story" },
  "story.unschedule": { verb: "unscheduled", kind: "story" },
  "story.update": { verb: "updated", kind: "story" },
  "story.minor": { verb: "made a minor edit to", kind: "story" },
  "story.submit": { verb: "submitted for review", kind: "story" },
  "story.return": { verb: "returned to its writer", kind: "story" },
  "story.restore": { verb: "restored an earlier version of", kind: "story" },
  "story.trash": { verb: "moved to the trash", kind: "story" },
  "story.restore_from_trash": { verb: "restored from the trash", kind: "story" },
  "story.purge": { verb: "deleted for good", kind: "story" },
  "story.photo_details": { verb: "changed the details of a photo shown in", kind: "story" },
  "story.unpublish_scheduled": { verb: "took off the site, as scheduled,", kind: "story" },
  "story.schedule_unpublish": { verb: "set a time to take off the site", kind: "story" },
  "story.cancel_unpublish": { verb: "cancelled the scheduled unpublish of", kind: "story" },
  "front.pin": { verb: "pinned to the front page", kind: "story" },
  "front.unpin": { verb: "unpinned from the front page", kind: "story" },
  "front.move": { verb: "moved on the front page", kind: "story" },
  "front.section_pin": { verb: "pinned as the lead of a section page", kind: "story" },
  "front.section_unpin": { verb: "unpinned from the lead of a section page", kind: "story" },
  "front.rule": { verb: "changed the front page's automatic rule", kind: "none" },
  "front.sections": { verb: "changed the front page's section blocks", kind: "none" },
  "story.embargo": { verb: "changed the embargo of", kind: "story" },
  "story.pending_save": { verb: "saved pending changes to", kind: "story" },
  "story.pending_discard": { verb: "discarded the pending changes to", kind: "story" },
  "story.pending_schedule": { verb: "scheduled the pending changes to", kind: "story" },
  "story.pending_unschedule": { verb: "unscheduled the pending changes to", kind: "story" },
  "story.pending_failed": { verb: "could not publish the scheduled changes to", kind: "story" },
  "preview_link.create": { verb: "made a preview link for", kind: "story" },
  "preview_link.revoke": { verb: "revoked a preview link for", kind: "story" },
  "tag.create": { verb: "created the tag", kind: "tag" },
  "tag.update": { verb: "changed the tag", kind: "tag" },
  "tag.merge": { verb: "merged a tag into", kind: "tag" },
  "tag.section_editors": { verb: "changed the section editors of", kind: "tag" },
  "byline.create": { verb: "created the byline", kind: "byline" },
  "byline.update": { verb: "changed the byline", kind: "byline" },
  "byline.retire": { verb: "retired the byline", kind: "byline" },
  "byline.restore": { verb: "brought back the byline", kind: "byline" },
  "byline.merge": { verb: "merged a byline into", kind: "byline" },
  "user.invite": { verb: "invited", kind: "user" },
  "user.role": { verb: "changed the role of", kind: "user" },
  "user.deactivate": { verb: "deactivated", kind: "user" },
  "user.reactivate": { verb: "reactivated", kind: "user" },
  "user.reset_link": { verb: "made a password-reset link for", kind: "user" },
  "user.password_set": { verb: "set their password", kind: "none" },
  "user.mail_preferences": { verb: "changed their mail preferences", kind: "none" },
  "user.invite_resent": { verb: "sent the invitation again to", kind: "user" },
  "user.reset_requested": { verb: "asked for a password-reset link by e-mail", kind: "none" },
  "user.password_changed": { verb: "changed their password", kind: "none" },
  "auth.sign_in": { verb: "signed in", kind: "none" },
  "auth.sign_in_failed": { verb: "failed to sign in as", kind: "user" },
  "auth.sign_in_held": { verb: "was held back from signing in (too many attempts) as", kind: "user" },
  "media.upload": { verb: "uploaded the photo", kind: "media" },
  "media.update": { verb: "changed the details of the photo", kind: "media" },
  "media.delete": { verb: "deleted the photo", kind: "media" },
  "settings.update": { verb: "changed the site settings", kind: "none" },
  "webhook.create": { verb: "added the webhook", kind: "webhook" },
  "webhook.enable": { verb: "enabled the webhook", kind: "webhook" },
  "webhook.disable": { verb: "disabled the webhook", kind: "webhook" },
  "webhook.delete": { verb: "deleted the webhook", kind: "webhook" },
  "webhook.resend": { verb: "re-sent a delivery to the webhook", kind: "webhook" },
  "apikey.create": { verb: "created the key", kind: "API key" },
  "apikey.revoke": { verb: "revoked the key", kind: "API key" },
  "import.start": { verb: "started an import of", kind: "import" },
  "redirect.remove": { verb: "removed an old WordPress address", kind: "none" },
};

/** Field names as the desk's forms call them. */
const FIELD_LABELS: Record<string, string> = {
  name: "Name",
  slug: "Slug",
  description: "Description",
  isSection: "In the section menu",
  sectionOrder: "Position in the section menu",
  jobTitle: "Job title",
  bio: "Bio",
  photoUrl: "Portrait address",
  userId: "Desk account",
  altText: "Alt text",
  caption: "Caption",
  creditName: "Credit: photographer",
  creditOrg: "Credit: organisation",
  creditUrl: "Credit link",
  usageNotes: "Usage notes",
  role: "Role",
  siteName: "Site name",
  tagline: "Tagline",
  aboutText: "About text",
  timeZone: "Newsroom time zone",
  locale: "Locale",
  defaultLanguage: "Default language",
  logoUrl: "Logo address",
  embargoUntil: "Embargo",
  rule: "Automatic rule",
  sections: "Section blocks",
  sectionEditors: "Section editors",
  digestHour: "Digest hour",
  "mail:review_submitted": "Mail: submitted for review",
  "mail:review_returned": "Mail: returned to me",
  "mail:published": "Mail: my story published",
  "mail:correction": "Mail: corrections",
};

/** The words for one action code, for the log's filter ("story.publish" → "Published (story)"). */
export function actionLabel(action: string): string {
  const known = ACTIONS[action];
  if (!known) return action;
  const verb = known.verb.replace(/ (the|a|an)( \w+)?$| as$| of$| for$| into$/, "");
  return `${verb.charAt(0).toUpperCase()}${verb.slice(1)}${known.kind === "none" ? "" : ` (${known.kind})`}`;
}

function shown(v: unknown): string {
  if (v === null || v === undefined || v === "") return "(empty)";
  if (typeof v === "boolean") return v ? "yes" : "no";
  if (typeof v === "string") return v.length > 120 ? `${v.slice(0, 117)}…` : v;
  return JSON.stringify(v);
}

function isChange(v: unknown): v is { from: unknown; to: unknown } {
  return typeof v === "object" && v !== null && "from" in v && "to" in v;
}

/** The changed fields of an entry, in either stored shape, dropping those that did not change. */
function changeLines(details: Record<string, unknown>): ChangeLine[] {
  const source = typeof details.changes === "object" && details.changes !== null ? (details.changes as Record<string, unknown>) : details;
  const lines: ChangeLine[] = [];
  for (const [key, value] of Object.entries(source)) {
    if (!isChange(value)) continue;
    const from = shown(value.from);
    const to = shown(value.to);
    if (from !== to) lines.push({ label: FIELD_LABELS[key] ?? key, from, to });
  }
  return lines;
}

function hrefOf(kind: Kind, id: string): string | null {
  switch (kind) {
    case "story":
      return `/dashboard/stories/${id}`;
    case "tag":
      return `/dashboard/tags/${id}`;
    case "byline":
      return `/dashboard/bylines/${id}`;
    case "media":
      return `/dashboard/media/${id}`;
    case "user":
      return /^[0-9a-f-]{36}$/i.test(id) ? "/dashboard/users" : null;
    case "webhook":
      return `/dashboard/webhooks/${id}`;
    default:
      return null;
  }
}

/**
 * One audit entry in words.
 * @param e the stored row and the current name of its record (null when it no longer exists:
 *   the name the entry recorded is used, else the record's id).
 */
export function describeAudit(e: AuditEntry): AuditDescription {
  const details = typeof e.details === "object" && e.details !== null ? (e.details as Record<string, unknown>) : {};
  const known = ACTIONS[e.action] ?? { verb: e.action, kind: "none" as Kind };
  const recorded = [details.title, details.name, details.fileName, details.email, details.url].find((v): v is string => typeof v === "string" && v !== "");
  const exists = e.targetName !== null;
  const name = e.targetName ?? recorded ?? e.entityId;
  const quoted = known.kind === "user" || known.kind === "import" ? name : `“${name}”`;
  const target = known.kind === "none" ? null : { label: quoted, href: exists || known.kind === "import" ? hrefOf(known.kind, e.entityId) : null };
  let extra = "";
  const merged = details.merged as { name?: string } | undefined;
  if (merged?.name) extra = `(“${merged.name}” merged in)`;
  if (typeof details.note === "string" && details.note) extra = `with the note “${details.note}”`;
  if (e.action === "user.invite" && typeof details.role === "string") extra = `as ${details.role}`;
  if (e.action.startsWith("front.section_") && typeof details.section === "string") extra = `(“${details.section}”)`;
  return { actor: e.actorName ?? (e.action.startsWith("auth.") ? "Someone" : "The system"), verb: known.verb, target, extra, changes: changeLines(details) };
}
