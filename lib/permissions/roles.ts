/**
 * Who may do what: one table from role to permissions (the newsroom's roles below). Pure; the
 * row-level rules (a writer's own, unpublished story) are in `canEditStory` and friends.
 *
 * | role   | can                                                                      |
 * | writer | create stories, edit own unpublished stories, submit them for review;    |
 * |        | upload photos and edit or delete their own                              |
 * | editor | edit any story; publish, schedule, update, unpublish; tags; breaking news; |
 * |        | any photo in the media library                                            |
 * | admin  | everything an editor can, plus users and roles, bylines, site settings,  |
 * |        | WordPress imports, content API keys, outgoing webhooks                    |
 */
import type { StoryStatus, UserRole } from "@/db/schema";

export const PERMISSIONS = [
  "story:create",
  "story:edit-own",
  "story:edit-any",
  "story:submit",
  "story:publish",
  "story:unpublish",
  "story:return",
  "story:delete-own",
  "story:delete-any",
  "story:see-all",
  "story:set-any-byline",
  "story:breaking",
  "tag:create",
  "tag:manage",
  "byline:manage",
  "user:manage",
  "settings:manage",
  "media:upload",
  "media:manage",
  "import:run",
  "api:manage",
  "webhooks:manage",
] as const;

export type Permission = (typeof PERMISSIONS)[number];

const WRITER: Permission[] = ["story:create", "story:edit-own", "story:submit", "story:delete-own", "tag:create", "media:upload"];
const EDITOR: Permission[] = [
  ...WRITER,
  "story:edit-any",
  "story:publish",
  "story:unpublish",
  "story:return",
  "story:delete-any",
  "story:see-all",
  "story:set-any-byline",
  "story:breaking",
  "tag:manage",
  "media:manage",
];
const ADMIN: Permission[] = [...EDITOR, "byline:manage", "user:manage", "settings:manage", "import:run", "api:manage", "webhooks:manage"];

export const ROLE_PERMISSIONS: Readonly<Record<UserRole, ReadonlySet<Permission>>> = {
  writer: new Set(WRITER),
  editor: new Set(EDITOR),
  admin: new Set(ADMIN),
};

/** True when `role` has `permission`. */
export function can(role: UserRole, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].has(permission);
}

/** The parts of a story the row-level rules look at. */
export interface StoryAccessFacts {
  createdBy: string | null;
  status: StoryStatus;
}

/** The acting user as the rules see it. */
export interface Actor {
  id: string;
  role: UserRole;
}

/** A writer's "own" story is one they created. */
export function ownsStory(actor: Actor, story: StoryAccessFacts): boolean {
  return story.createdBy !== null && story.createdBy === actor.id;
}

/** May the actor see this story on the desk? Editors and admins see all; writers their own. */
export function canSeeStory(actor: Actor, story: StoryAccessFacts): boolean {
  return can(actor.role, "story:see-all") || ownsStory(actor, story);
}

/**
 * May the actor change this story's content? Editors: any story. Writers: their own, while it
 * is not published (a scheduled story counts as published).
 */
export function canEditStory(actor: Actor, story: StoryAccessFacts): boolean {
  if (can(actor.role, "story:edit-any")) return true;
  return can(actor.role, "story:edit-own") && ownsStory(actor, story) && story.status !== "published";
}

/** May the actor delete this story? Editors: any. Writers: their own drafts. */
export function canDeleteStory(actor: Actor, story: StoryAccessFacts): boolean {
  if (can(actor.role, "story:delete-any")) return true;
  return can(actor.role, "story:delete-own") && ownsStory(actor, story) && story.status === "draft";
}
