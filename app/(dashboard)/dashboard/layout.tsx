import type { Metadata } from "next";
import Link from "next/link";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { can, type Permission } from "@/lib/permissions/roles";
import { getSiteSettings } from "@/lib/site/settings";
import { unreadCount } from "@/lib/review/centre";
import { countNeedsReview } from "@/lib/review/queue";
import { Button } from "@/components/ui/button";
import { AdminMenu } from "./_components/admin-menu";
import { ROLE_LABEL } from "./_components/role-labels";
import { signOutAction } from "./actions";

export const metadata: Metadata = { title: { default: "Desk", template: "%s · Desk" }, robots: { index: false } };

type DeskLink = { href: string; label: string; permission?: Permission };

/** The desk's navigation, in order; a link with a permission shows only to roles that have it. */
const DESK_LINKS: DeskLink[] = [
  { href: "/dashboard", label: "Stories" },
  { href: "/dashboard?status=scheduled", label: "Scheduled" },
  { href: "/dashboard/live", label: "Live", permission: "story:create" },
  { href: "/dashboard/front", label: "Front page", permission: "story:publish" },
  { href: "/dashboard/stories/new", label: "New story" },
  { href: "/dashboard/media", label: "Media" },
  { href: "/dashboard/trash", label: "Trash" },
  { href: "/dashboard/tags", label: "Tags", permission: "tag:manage" },
  { href: "/dashboard/bylines", label: "Bylines", permission: "story:set-any-byline" },
];

/** The site's administration, grouped in the Admin menu so the desk's links stay one line at 1280 px. */
const ADMIN_LINKS: DeskLink[] = [
  { href: "/dashboard/import", label: "Import", permission: "import:run" },
  { href: "/dashboard/redirects", label: "Redirects", permission: "import:run" },
  { href: "/dashboard/api-keys", label: "API keys", permission: "api:manage" },
  { href: "/dashboard/webhooks", label: "Webhooks", permission: "webhooks:manage" },
  { href: "/dashboard/users", label: "Users", permission: "user:manage" },
  { href: "/dashboard/audit", label: "Audit", permission: "user:manage" },
  { href: "/dashboard/outbox", label: "Outbox", permission: "user:manage" },
  { href: "/dashboard/settings", label: "Settings", permission: "settings:manage" },
];

/** The desk's frame: who is signed in, navigation, sign out. Every request re-checks the user. */
export default async function DashboardLayout({ children }: { children: React.ReactNode }) {
  const viewer = await requireViewerForPage();
  const [settings, unread, waiting] = await Promise.all([getSiteSettings(), unreadCount(viewer), countNeedsReview(viewer)]);
  const allowed = (l: DeskLink) => !l.permission || can(viewer.role, l.permission);
  const admin = ADMIN_LINKS.filter(allowed).map(({ href, label }) => ({ href, label }));
  return (
    <div className="min-h-screen bg-neutral-50">
      <header className="border-b border-neutral-200 bg-white">
        {/* Two rows: the site and who is signed in, then the desk's links (one line at 1280 px). */}
        <div className="mx-auto flex max-w-6xl flex-col gap-2 px-4 py-3">
          <div className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2">
            <Link href="/dashboard" className="font-serif text-lg font-bold">
              {settings.siteName} <span className="font-sans text-xs font-semibold uppercase tracking-wider text-neutral-500">Desk</span>
            </Link>
            <div className="flex items-center gap-3 text-sm">
              <Link
                href="/dashboard/notifications"
                className={unread > 0 ? "rounded bg-amber-100 px-2 py-1 font-semibold text-amber-900 hover:underline" : "px-2 py-1 text-neutral-700 hover:underline"}
                data-testid="notifications-link"
              >
                Notifications ({unread})
              </Link>
              <Link href="/dashboard/profile" className="flex flex-col text-neutral-700 leading-tight hover:underline" data-testid="viewer">
                <span>{viewer.name}</span>
                <span className="sr-only"> · </span>
                <span className="text-xs text-neutral-500">{ROLE_LABEL[viewer.role]}</span>
              </Link>
              <form action={signOutAction}>
                <Button type="submit" variant="secondary" size="sm">
                  Sign out
                </Button>
              </form>
            </div>
          </div>
          <nav aria-label="Desk" className="flex flex-wrap items-center gap-x-4 gap-y-2 text-sm font-semibold">
            {DESK_LINKS.filter(allowed).map((l) => (
              <Link key={l.label} href={l.href} className="text-neutral-700 hover:text-neutral-950">
                {l.label}
              </Link>
            ))}
            {can(viewer.role, "story:publish") ? (
              <Link href="/dashboard/review" className={waiting > 0 ? "text-amber-800 hover:text-amber-950" : "text-neutral-700 hover:text-neutral-950"}>
                Needs review ({waiting})
              </Link>
            ) : null}
            {admin.length > 0 ? <AdminMenu links={admin} /> : null}
            <Link href="/" className="text-neutral-700 hover:text-neutral-950">
              View site
            </Link>
          </nav>
        </div>
      </header>
      <main className="mx-auto max-w-6xl px-4 py-8">{children}</main>
    </div>
  );
}
