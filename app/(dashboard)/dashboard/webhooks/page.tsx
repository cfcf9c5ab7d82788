import type { Metadata } from "next";
import Link from "next/link";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { PageFrame } from "@/components/ui/page-header";
import { DataTable, Td } from "@/components/ui/table";
import { formatDateTime } from "@/lib/dates/format";
import { getSiteSettings } from "@/lib/site/settings";
import { listWebhookEndpoints } from "@/lib/webhooks/admin";
import { WEBHOOK_EVENTS } from "@/lib/webhooks/events";
import { requirePagePermission } from "../_lib/page-access";
import { deleteWebhookAction, setWebhookActiveAction } from "./actions";
import { ActionButton } from "./_components/action-button";
import { CreateWebhookForm } from "./_components/create-webhook";
import { WEBHOOK_EVENT_DESCRIPTIONS } from "./_components/event-descriptions";

export const metadata: Metadata = { title: "Webhooks" };

/**
 * Admins: outgoing webhooks. Endpoints with their events, state, creator and last delivery,
 * the failing ones called out at the top; add one (its secret shown once), enable or disable,
 * delete, and open each one's delivery log.
 */
export default async function WebhooksPage() {
  const viewer = await requirePagePermission("/dashboard/webhooks", "webhooks:manage");
  const [endpoints, settings] = await Promise.all([listWebhookEndpoints(viewer), getSiteSettings()]);
  const when = (d: Date | null) => (d ? formatDateTime(d, settings.timeZone, settings.locale) : "Never");
  const failing = endpoints.filter((e) => e.failingSince);
  const choices = WEBHOOK_EVENTS.map((name) => ({ name, description: WEBHOOK_EVENT_DESCRIPTIONS[name] }));
  return (
    <PageFrame title="Webhooks">
      {failing.length > 0 ? (
        <div role="alert" data-testid="webhooks-failing" className="space-y-1 rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <p className="font-semibold">{failing.length === 1 ? "An endpoint is failing" : `${failing.length} endpoints are failing`}</p>
          <p>A delivery was given up after 24 hours of retries. Check the receiver, then send the failed deliveries again from the delivery log.</p>
          <ul className="list-disc space-y-1 ps-5">
            {failing.map((e) => (
              <li key={e.id}>
                <Link href={`/dashboard/webhooks/${e.id}`} className="break-all font-medium underline" dir="ltr">
                  {e.url}
                </Link>{" "}
                — failing since {when(e.failingSince)}
                {e.active ? "" : " (disabled)"}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      <p className="text-sm text-neutral-600">
        Partner sites and apps can be told when stories change: the newsroom POSTs each event to their endpoint as JSON, signed with the endpoint&apos;s secret, and
        retries for 24 hours when it fails.
      </p>
      <CreateWebhookForm events={choices} />
      <DataTable columns={["Endpoint", "Events", "Created", "Last delivery", <span key="a" className="sr-only">Actions</span>]}>
        {endpoints.map((e) => (
          <tr key={e.id} data-testid="webhook-row" className="align-top">
            <Td className="max-w-xs">
              <Link href={`/dashboard/webhooks/${e.id}`} className="block break-all font-medium hover:underline" dir="ltr">
                {e.url}
              </Link>
              <span className="mt-1 flex flex-wrap gap-2 text-xs">
                {e.active ? (
                  <span className="rounded bg-green-100 px-1.5 py-0.5 font-semibold text-green-900">Active</span>
                ) : (
                  <span className="rounded bg-neutral-200 px-1.5 py-0.5 font-semibold text-neutral-800">Disabled</span>
                )}
                {e.failingSince ? (
                  <span className="rounded bg-red-100 px-1.5 py-0.5 font-semibold text-red-900" data-testid="webhook-failing">
                    Failing since {when(e.failingSince)}
                  </span>
                ) : null}
              </span>
            </Td>
            <Td className="text-xs">
              <ul className="space-y-0.5 font-mono" dir="ltr">
                {e.events.map((name) => (
                  <li key={name}>{name}</li>
                ))}
              </ul>
            </Td>
            <Td className="text-xs">
              <span className="sm:hidden">Created </span>
              {when(e.createdAt)}
              <span className="block text-neutral-600">{e.createdByName ? `by ${e.createdByName}` : "from the command line"}</span>
            </Td>
            <Td className="text-xs">
              <span className="sm:hidden">Last delivery: </span>
              {when(e.lastDeliveryAt)}
              <Link href={`/dashboard/webhooks/${e.id}`} className="block text-neutral-700 underline">
                Delivery log
              </Link>
            </Td>
            <Td>
              <span className="flex flex-wrap items-center gap-2">
                {e.active ? (
                  <ActionButton label="Disable" ariaLabel={`Disable ${e.url}`} action={setWebhookActiveAction.bind(null, e.id, false)} />
                ) : (
                  <ActionButton label="Enable" ariaLabel={`Enable ${e.url}`} action={setWebhookActiveAction.bind(null, e.id, true)} />
                )}
                <ConfirmActionButton label="Delete" ariaLabel={`Delete ${e.url}`} title="Delete this webhook endpoint?" confirmLabel="Delete" action={deleteWebhookAction.bind(null, e.id)}>
                  <p className="break-all" dir="ltr">
                    {e.url}
                  </p>
                  <p>It will be sent nothing more, and its delivery log goes with it. This cannot be undone: the receiver would need a new endpoint and secret.</p>
                </ConfirmActionButton>
              </span>
            </Td>
          </tr>
        ))}
      </DataTable>
      {endpoints.length === 0 ? <p className="text-sm text-neutral-600">No endpoints yet.</p> : null}
    </PageFrame>
  );
}
