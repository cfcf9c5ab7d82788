"use client";

/**
 * Unexpected errors on the desk: a calm message and a way back, never a stack trace. The
 * editor keeps unsaved text in this tab (it is handed to the next editor instance), so
 * "Try again" loses nothing that was typed.
 */
export default function DeskError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="mx-auto max-w-lg py-16 text-center">
      <h1 className="font-serif text-2xl font-bold">Something went wrong on the desk</h1>
      <p className="mt-3 text-neutral-600">The page could not be shown. Try again; if it keeps happening, tell your administrator.</p>
      {error.digest ? <p className="mt-2 text-xs text-neutral-400">Reference: {error.digest}</p> : null}
      <button type="button" onClick={reset} className="mt-6 rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white">
        Try again
      </button>
    </div>
  );
}
