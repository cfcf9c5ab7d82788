import type { Metadata } from "next";
import Link from "next/link";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/** The 404 page. Static: it reads nothing, so it is safe to prerender at build. */
export default function NotFound() {
  return (
    <main className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-bold uppercase tracking-wider text-brand">404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-neutral-600">
        The story or page you were looking for is not here. It may have moved, or it has not been published.
      </p>
      <p className="mt-8">
        <Link href="/" className="font-semibold text-brand hover:underline">
          Go to the front page
        </Link>
      </p>
    </main>
  );
}
