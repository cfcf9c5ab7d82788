"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/controls";
import { FieldError } from "@/components/ui/field-error";
import { FormStatus } from "@/components/ui/notice";
import { createWebhookAction } from "../actions";

/**
 * Add an endpoint: its URL and the events it gets. The signing secret is shown here once,
 * after it is created; errors show beside their field and what was typed stays.
 * @param events every event an endpoint can get, in order, each with a short description.
 */
export function CreateWebhookForm({ events: choices }: { events: readonly { name: string; description: string }[] }) {
  const router = useRouter();
  const [url, setUrl] = useState("");
  const [events, setEvents] = useState<string[]>([]);
  const [error, setError] = useState("");
  const [fields, setFields] = useState<Record<string, string>>({});
  const [created, setCreated] = useState<{ url: string; secret: string } | null>(null);
  const [pending, start] = useTransition();
  const toggle = (e: string, on: boolean) => setEvents((list) => (on ? [...list, e] : list.filter((x) => x !== e)));
  return (
    <section aria-labelledby="add-webhook-heading" className="space-y-3 rounded border border-neutral-200 bg-white p-4">
      <h2 id="add-webhook-heading" className="font-semibold">
        Add an endpoint
      </h2>
      <form
        className="space-y-4"
        noValidate
        onSubmit={(ev) => {
          ev.preventDefault();
          setError("");
          setFields({});
          start(async () => {
            const r = await createWebhookAction(url, events);
            if (!r.ok) {
              setError(r.error);
              setFields(r.fields ?? {});
              return;
            }
            setCreated({ url: r.url, secret: r.secret });
            setUrl("");
            setEvents([]);
            router.refresh();
          });
        }}
      >
        <div className="flex flex-col gap-1">
          <label htmlFor="webhook-url" className="text-sm font-semibold">
            URL
          </label>
          <Input
            id="webhook-url"
            type="url"
            dir="ltr"
            value={url}
            onChange={(e) => setUrl(e.target.value)}
            placeholder="https://partner.example.org/newsroom-hook"
            maxLength={2000}
            className="sm:max-w-xl"
            aria-invalid={fields.url ? true : undefined}
            aria-describedby="webhook-url-help"
          />
          <p id="webhook-url-help" className="text-xs text-neutral-500">
            The receiver&apos;s address: each event is POSTed there as JSON, signed with the endpoint&apos;s secret.
          </p>
          {fields.url ? <FieldError controlId="webhook-url" message={fields.url} /> : null}
        </div>
        <fieldset className="space-y-2" aria-describedby={fields.events ? "webhook-events-error" : undefined}>
          <legend className="text-sm font-semibold">Events</legend>
          <ul className="space-y-2">
            {choices.map(({ name: e, description }) => (
              <li key={e}>
                <label className="flex items-start gap-2 text-sm">
                  <input type="checkbox" className="mt-1" name="events" value={e} checked={events.includes(e)} onChange={(ev) => toggle(e, ev.target.checked)} />
                  <span>
                    <code className="font-mono text-xs font-semibold" dir="ltr">
                      {e}
                    </code>
                    <span className="block text-neutral-600 sm:inline">
                      <span className="max-sm:hidden"> — </span>
                      {description}
                    </span>
                  </span>
                </label>
              </li>
            ))}
          </ul>
          {fields.events ? (
            <p id="webhook-events-error" role="alert" className="text-sm text-red-700">
              {fields.events}
            </p>
          ) : null}
        </fieldset>
        <Button type="submit" disabled={pending}>
          Add endpoint
        </Button>
      </form>
      <FormStatus error={error && Object.keys(fields).length === 0 ? error : undefined} />
      {created ? (
        <div role="status" data-testid="new-webhook-secret" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">
            Endpoint <span dir="ltr">{created.url}</span> added. Copy its signing secret now: it will not be shown again.
          </p>
          <code className="block break-all rounded bg-white p-2 font-mono text-xs select-all" dir="ltr">
            {created.secret}
          </code>
          <p className="text-xs">
            Select it and copy it into the receiver&apos;s settings. The receiver checks each request&apos;s <code>X-Newsroom-Signature</code> header with it.
          </p>
        </div>
      ) : null}
    </section>
  );
}
