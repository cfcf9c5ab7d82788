"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { ConfirmDialog } from "@/components/ui/confirm-dialog";
import { purgeStoryAction, restoreFromTrashAction } from "../../stories/actions";

/** Restore (and, for editors, Delete for good) on one trashed story; errors show beside them. */
export function TrashButtons({ id, title, canRestore, canPurge }: { id: string; title: string; canRestore: boolean; canPurge: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  const [asking, setAsking] = useState(false);
  const run = (action: (id: string) => Promise<{ ok: true } | { ok: false; error: string }>) =>
    start(async () => {
      const r = await action(id);
      if (!r.ok) setError(r.error);
      else router.refresh();
    });
  return (
    <span className="flex flex-wrap items-center gap-2">
      {canRestore ? (
        <Button size="xs" variant="secondary" disabled={pending} onClick={() => run(restoreFromTrashAction)} aria-label={`Restore “${title}”`}>
          Restore
        </Button>
      ) : null}
      {canPurge ? (
        <Button size="xs" variant="danger" disabled={pending} onClick={() => setAsking(true)} aria-label={`Delete “${title}” for good`}>
          Delete for good
        </Button>
      ) : null}
      {error ? (
        <span role="alert" className="text-xs text-red-700">
          {error}
        </span>
      ) : null}
      <ConfirmDialog
        open={asking}
        title="Delete this story for good?"
        confirmLabel="Delete for good"
        pending={pending}
        onCancel={() => setAsking(false)}
        onConfirm={() => {
          setAsking(false);
          run(purgeStoryAction);
        }}
      >
        <p>
          <strong dir="auto">{title}</strong>, its revisions and its old addresses are removed now and cannot be brought back.
        </p>
      </ConfirmDialog>
    </span>
  );
}

/** The desk's line after a story went to the trash, with Undo. */
export function TrashedUndo({ id, title, canRestore }: { id: string; title: string; canRestore: boolean }) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [error, setError] = useState("");
  return (
    <div role="status" className="flex flex-wrap items-center gap-3 rounded border border-neutral-300 bg-white px-3 py-2 text-sm" data-testid="trashed-undo">
      <span>
        Moved <strong dir="auto">{title}</strong> to the trash.
      </span>
      {canRestore ? (
        <Button
          size="sm"
          variant="secondary"
          disabled={pending}
          onClick={() =>
            start(async () => {
              const r = await restoreFromTrashAction(id);
              if (!r.ok) setError(r.error);
              else router.push(`/dashboard/stories/${id}`);
            })
          }
        >
          Undo
        </Button>
      ) : null}
      <Link href="/dashboard/trash" className="text-neutral-700 underline">
        Open the trash
      </Link>
      {error ? <span role="alert" className="text-red-700">{error}</span> : null}
    </div>
  );
}
