import Link from "next/link";

/**
 * A desk screen the viewer's role may not open (a writer on Users, Tags or Settings): 403,
 * inside the desk, saying so plainly, with the way back. Next renders it for `forbidden()`
 * (app/(dashboard)/dashboard/_lib/page-access.ts).
 */
export default function NoAccess() {
  return (
    <div className="mx-auto max-w-lg py-16 text-center" data-testid="no-access">
      <h1 className="font-serif text-2xl font-bold">You don&rsquo;t have access to this screen</h1>
      <p className="mt-3 text-neutral-600">
        Your role does not include it. If you need it for your work, ask an administrator to change your role.
      </p>
      <p className="mt-6">
        <Link href="/dashboard" className="rounded bg-neutral-900 px-4 py-2 text-sm font-semibold text-white">
          Back to stories
        </Link>
      </p>
    </div>
  );
}
