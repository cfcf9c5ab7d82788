import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SubpageHeader } from "@/components/ui/page-header";
import { DataTable, Td } from "@/components/ui/table";
import { formatDateTime } from "@/lib/dates/format";
import { getSiteSettings } from "@/lib/site/settings";
import { DELIVERY_LOG_LIMIT, listWebhookDeliveries, listWebhookEndpoints, type WebhookDeliveryLogRow } from "@/lib/webhooks/admin";
import { orNotFound, requirePagePermission } from "../../_lib/page-access";
import { resendWebhookAction } from "../actions";
import { ActionButton } from "../_components/action-button";

export const metadata: Metadata = { title: "Webhook delivery log" };

const STATUS: Record<WebhookDeliveryLogRow["status"], { label: string; className: string }> = {
  pending: { label: "Pending", className: "bg-amber-100 text-amber-900" },
  delivered: { label: "Delivered", className: "bg-green-100 text-green-900" },
  failed: { label: "Failed", className: "bg-red-100 text-red-900" },
};

/**
 * Admins: one endpoint's latest deliveries (event, when it occurred, status, answer, duration,
 * attempts, last error, next attempt), each delivered or failed one with "Send again".
 */
export default async function WebhookDeliveriesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requirePagePermission(`/dashboard/webhooks/${id}`, "webhooks:manage");
  const [deliveries, endpoints, settings] = await Promise.all([orNotFound(listWebhookDeliveries(viewer, id)), listWebhookEndpoints(viewer), getSiteSettings()]);
  const endpoint = endpoints.find((e) => e.id === id);
  if (!endpoint) notFound();
  const when = (d: Date | null) => (d ? formatDateTime(d, settings.timeZone, settings.locale) : "—");
  return (
    <div className="flex flex-col gap-6">
      <SubpageHeader back={{ href: "/dashboard/webhooks", label: "← Webhooks" }} title="Delivery log">
        <span className="break-all" dir="ltr">
          {endpoint.url}
        </span>{" "}
        · {endpoint.active ? "active" : "disabled"} · the latest {DELIVERY_LOG_LIMIT} deliveries, newest event first
      </SubpageHeader>
      {endpoint.failingSince ? (
        <p role="alert" data-testid="webhooks-failing" className="rounded border border-red-300 bg-red-50 p-3 text-sm text-red-900">
          <span className="font-semibold">Failing since {when(endpoint.failingSince)}.</span> A delivery was given up after 24 hours of retries. Once the receiver works
          again, send the failed deliveries again below{endpoint.active ? "" : " and enable the endpoint on the Webhooks screen"}.
        </p>
      ) : null}
      <DataTable columns={["Event", "Status", "Answer", "Attempts", "Next attempt", <span key="a" className="sr-only">Actions</span>]}>
        {deliveries.map((d) => (
          <tr key={d.id} data-testid="webhook-delivery" className="align-top">
            <Td>
              <code className="font-mono text-xs font-semibold" dir="ltr">
                {d.event}
              </code>
              <span className="block text-xs text-neutral-600">occurred {when(d.occurredAt)}</span>
            </Td>
            <Td className="text-xs">
              <span className={`rounded px-1.5 py-0.5 font-semibold ${STATUS[d.status].className}`} data-testid="webhook-delivery-status">
                {STATUS[d.status].label}
              </span>
              {d.deliveredAt ? <span className="mt-1 block text-neutral-600">{when(d.deliveredAt)}</span> : null}
            </Td>
            <Td className="text-xs">
              {d.lastStatusCode !== null ? <span className="font-mono">HTTP {d.lastStatusCode}</span> : d.attempts > 0 ? "No answer" : "Not sent yet"}
              {d.lastDurationMs !== null ? <span className="block text-neutral-600">{d.lastDurationMs} ms</span> : null}
              {d.lastError ? (
                <span className="mt-1 block break-words text-red-800" data-testid="webhook-delivery-error">
                  {d.lastError}
                </span>
              ) : null}
            </Td>
            <Td className="text-xs">
              {d.attempts === 1 ? "1 attempt" : `${d.attempts} attempts`}
              {d.lastAttemptAt ? <span className="block text-neutral-600">last {when(d.lastAttemptAt)}</span> : null}
            </Td>
            <Td className={`text-xs${d.status === "pending" ? "" : " max-sm:hidden"}`}>
              {d.status === "pending" ? (
                <>
                  <span className="sm:hidden">Next attempt </span>
                  {endpoint.active ? when(d.nextAttemptAt) : "when the endpoint is enabled"}
                </>
              ) : (
                "—"
              )}
            </Td>
            <Td>{d.status === "pending" ? null : <ActionButton label="Send again" ariaLabel={`Send ${d.event} of ${when(d.occurredAt)} again`} action={resendWebhookAction.bind(null, d.id)} />}</Td>
          </tr>
        ))}
      </DataTable>
      {deliveries.length === 0 ? <p className="text-sm text-neutral-600">Nothing has been sent to this endpoint yet.</p> : null}
    </div>
  );
}
