import type { Metadata } from "next";
import Link from "next/link";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { formatDateTime } from "@/lib/dates/format";
import { listNotifications } from "@/lib/review/centre";
import { getSiteSettings } from "@/lib/site/settings";
import { PageFrame } from "@/components/ui/page-header";
import { PageNav } from "@/components/ui/page-nav";
import { MarkAllReadButton, MarkReadButton } from "./_components/mark-buttons";

export const metadata: Metadata = { title: "Notifications" };

/** The viewer's notifications, newest first: open one (marks it read), mark one or all read. */
export default async function NotificationsPage({ searchParams }: { searchParams: Promise<{ page?: string }> }) {
  const viewer = await requireViewerForPage("/dashboard/notifications");
  const { page } = await searchParams;
  const [list, settings] = await Promise.all([listNotifications(viewer, Number(page) || 1), getSiteSettings()]);
  const unread = list.items.some((n) => !n.readAt);
  return (
    <PageFrame title="Notifications" actions={unread ? <MarkAllReadButton /> : undefined}>
      <p className="text-sm text-neutral-600">
        Newest first; times in {settings.timeZone}. What also comes by mail is set on <Link href="/dashboard/profile" className="underline">your profile</Link>.
      </p>
      {list.items.length === 0 ? (
        <p className="rounded border border-dashed border-neutral-300 bg-white p-8 text-center text-neutral-600">No notifications yet.</p>
      ) : (
        <ul className="flex flex-col divide-y divide-neutral-100 rounded border border-neutral-200 bg-white" aria-label="Notifications">
          {list.items.map((n) => (
            <li key={n.id} data-testid="notification" data-unread={n.readAt ? undefined : "true"} className={`flex flex-wrap items-start justify-between gap-3 p-3 ${n.readAt ? "" : "bg-amber-50"}`}>
              <div className="flex min-w-0 flex-col gap-1">
                <p className="text-sm">
                  {n.readAt ? null : <span className="mr-2 rounded bg-amber-200 px-1.5 py-0.5 text-xs font-semibold text-amber-900">Unread</span>}
                  {/* A plain link: opening marks it read, so it must never be prefetched. */}
                  <a href={`/dashboard/notifications/${n.id}/open`} className="font-semibold hover:underline" dir="auto">
                    {n.message}
                  </a>
                </p>
                {n.note ? (
                  <blockquote className="whitespace-pre-wrap border-l-4 border-neutral-300 pl-3 text-sm text-neutral-700" dir="auto">
                    {n.note}
                  </blockquote>
                ) : null}
                <time dateTime={n.createdAt.toISOString()} className="text-xs text-neutral-500">
                  {formatDateTime(n.createdAt, settings.timeZone, settings.locale)}
                </time>
              </div>
              {n.readAt ? null : <MarkReadButton id={n.id} message={n.message} />}
            </li>
          ))}
        </ul>
      )}
      {list.pages > 1 ? (
        <PageNav label="Notification pages" page={list.page} pages={list.pages} hrefFor={(p) => `/dashboard/notifications?page=${p}`} prev="← Newer" next="Older →">
          Page {list.page} of {list.pages}
        </PageNav>
      ) : null}
    </PageFrame>
  );
}
