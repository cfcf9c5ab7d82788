"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/controls";
import { FormStatus } from "@/components/ui/notice";
import { createApiKeyAction } from "../actions";

/** Name a new key and create it; the key is shown here once, with how to use it. */
export function CreateKeyForm() {
  const router = useRouter();
  const [name, setName] = useState("");
  const [error, setError] = useState("");
  const [created, setCreated] = useState<{ key: string; name: string } | null>(null);
  const [pending, start] = useTransition();
  return (
    <div className="space-y-3">
      <form
        className="flex flex-wrap items-end gap-2"
        onSubmit={(e) => {
          e.preventDefault();
          setError("");
          start(async () => {
            const r = await createApiKeyAction(name);
            if (!r.ok) {
              setError(r.error);
              return;
            }
            setCreated({ key: r.key, name: r.name });
            setName("");
            router.refresh();
          });
        }}
      >
        <label className="flex min-w-0 flex-1 flex-col gap-1 text-sm font-medium sm:max-w-sm">
          Name
          <Input value={name} onChange={(e) => setName(e.target.value)} placeholder="Mobile app" maxLength={100} aria-describedby="key-name-help" />
        </label>
        <Button type="submit" disabled={pending}>
          Create key
        </Button>
      </form>
      <p id="key-name-help" className="text-xs text-neutral-600">
        Who or what will use it: the name is how you will tell keys apart.
      </p>
      <FormStatus error={error} />
      {created ? (
        <div role="status" data-testid="new-api-key" className="space-y-2 rounded border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium">Key “{created.name}” created. Copy it now: it is shown only this once.</p>
          <code className="block break-all rounded bg-white p-2 font-mono text-xs" dir="ltr">
            {created.key}
          </code>
          <p className="text-xs">
            Send it with every request in the header <code>Authorization: Bearer &lt;key&gt;</code>
          </p>
        </div>
      ) : null}
    </div>
  );
}
