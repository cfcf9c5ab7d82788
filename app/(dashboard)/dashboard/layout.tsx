import type { Metadata } from "next";
import Link from "next/link";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { can } from "@/lib/permissions/roles";
import { getSiteSettings } from "@/lib/site/settings";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: { default: "Desk", template: "%s · Desk" }, robots: { index: false } };

const ROLE_LABEL = { writer: "Writer", editor: "Editor", admin: "Admin" } as const;

/** The desk's frame: who is signed in, navigation, sign out. Every request re-checks the user. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewerForPage();
  const settings = await getSiteSettings();
  return (
    <div className="min-h-screen bg-neutral-50">
      <header className="border-b border-neutral-200 bg-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
          <nav aria-label="Desk" className="flex flex-wrap items-center gap-5 text-sm font-semibold">
            <Link href="/dashboard" className="font-serif text-lg font-bold">
              {settings.siteName} <span className="font-sans text-xs font-semibold uppercase tracking-wider text-neutral-500">Desk</span>
            </Link>
            <Link href="/dashboard" className="text-neutral-700 hover:text-neutral-950">
              Stories
            </Link>
            <Link href="/dashboard?status=scheduled" className="text-neutral-700 hover:text-neutral-950">
              Scheduled
            </Link>
            <Link href="/dashboard/stories/new" className="text-neutral-700 hover:text-neutral-950">
              New story
            </Link>
            <Link href="/dashboard/media" className="text-neutral-700 hover:text-neutral-950">
              Media
            </Link>
            {can(viewer.role, "tag:manage") ? (
              <Link href="/dashboard/tags" className="text-neutral-700 hover:text-neutral-950">
                Tags
              </Link>
            ) : null}
            {can(viewer.role, "story:set-any-byline") ? (
              <Link href="/dashboard/bylines" className="text-neutral-700 hover:text-neutral-950">
                Bylines
              </Link>
            ) : null}
            {can(viewer.role, "import:run") ? (
              <Link href="/dashboard/import" className="text-neutral-700 hover:text-neutral-950">
                Import
              </Link>
            ) : null}
            {can(viewer.role, "user:manage") ? (
              <Link href="/dashboard/users" className="text-neutral-700 hover:text-neutral-950">
                Users
              </Link>
            ) : null}
            {can(viewer.role, "user:manage") ? (
              <Link href="/dashboard/audit" className="text-neutral-700 hover:text-neutral-950">
                Audit
              </Link>
            ) : null}
            {can(viewer.role, "settings:manage") ? (
              <Link href="/dashboard/settings" className="text-neutral-700 hover:text-neutral-950">
                Settings
              </Link>
            ) : null}
            <Link href="/" className="text-neutral-700 hover:text-neutral-950">
              View site
            </Link>
          </nav>
          <div className="flex items-center gap-3 text-sm">
            <Link href="/dashboard/profile" className="text-neutral-700 hover:underline" data-testid="viewer">
              {viewer.name} · {ROLE_LABEL[viewer.role]}
            </Link>
            <form action={signOutAction}>
              <button type="submit" className="rounded border border-neutral-300 px-3 py-1 hover:bg-neutral-100">
                Sign out
              </button>
            </form>
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
