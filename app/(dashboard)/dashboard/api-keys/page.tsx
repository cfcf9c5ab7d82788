import type { Metadata } from "next";
import { listApiKeys } from "@/lib/api/keys";
import { ConfirmActionButton } from "@/components/ui/confirm-action-button";
import { PageFrame } from "@/components/ui/page-header";
import { DataTable, Td } from "@/components/ui/table";
import { formatDateTime } from "@/lib/dates/format";
import { getSiteSettings } from "@/lib/site/settings";
import { requirePagePermission } from "../_lib/page-access";
import { revokeApiKeyAction } from "./actions";
import { CreateKeyForm } from "./_components/create-key";

export const metadata: Metadata = { title: "API keys" };

/** Admins: keys of the read-only content API (/api/v1): create (shown once), see when each was last used, revoke. */
export default async function ApiKeysPage() {
  const viewer = await requirePagePermission("/dashboard/api-keys", "api:manage");
  const [keys, settings] = await Promise.all([listApiKeys(viewer), getSiteSettings()]);
  const when = (d: Date | null) => (d ? formatDateTime(d, settings.timeZone, settings.locale) : "Never");
  return (
    <PageFrame title="API keys">
      <p className="text-sm text-neutral-600">
        Apps and partner sites read public stories, tags and bylines through the content API at <code>/api/v1</code> (its description:{" "}
        <a className="underline" href="/api/v1/openapi.json">
          openapi.json
        </a>
        ). Each needs a key.
      </p>
      <CreateKeyForm />
      <DataTable columns={["Name", "Key", "Created", "Last used", ""]}>
        {keys.map((k) => (
          <tr key={k.id} data-testid="api-key-row">
            <Td>{k.name}</Td>
            <Td className="font-mono text-xs" dir="ltr">
              {k.prefix}…
            </Td>
            <Td className="text-xs">
              {when(k.createdAt)}
              {k.createdByName ? ` by ${k.createdByName}` : " (command line)"}
            </Td>
            <Td className="text-xs">{when(k.lastUsedAt)}</Td>
            <Td>
              {k.revokedAt ? (
                <span className="text-xs text-neutral-600">Revoked {when(k.revokedAt)}</span>
              ) : (
                <ConfirmActionButton label="Revoke" ariaLabel={`Revoke ${k.name}`} title={`Revoke “${k.name}”?`} confirmLabel="Revoke" action={revokeApiKeyAction.bind(null, k.id)}>
                  <p>Requests with this key will be refused from now on. This cannot be undone: a new key would have to be made and given to whoever uses it.</p>
                </ConfirmActionButton>
              )}
            </Td>
          </tr>
        ))}
      </DataTable>
      {keys.length === 0 ? <p className="text-sm text-neutral-600">No keys yet.</p> : null}
    </PageFrame>
  );
}
