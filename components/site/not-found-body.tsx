/** The "Page not found" message: the reader site's 404 and the desk's share it. */
export function NotFoundBody() {
  return (
    <section className="mx-auto max-w-xl px-4 py-16 text-center" data-testid="not-found">
      <p className="text-sm font-bold uppercase tracking-wider text-brand">404</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-neutral-600">
        The story or page you were looking for is not here. It may have moved, or it has not been published.
      </p>
      <p className="mt-8">
        <a href="/" className="font-semibold text-brand hover:underline">
          Go to the front page
        </a>
      </p>
    </section>
  );
}

/** The "Story removed" message of a story taken down on purpose (HTTP 410 Gone). */
export function GoneBody() {
  return (
    <section className="mx-auto max-w-xl px-4 py-16 text-center" data-testid="gone">
      <p className="text-sm font-bold uppercase tracking-wider text-brand">410</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">This story was removed</h1>
      <p className="mt-4 text-neutral-600">The newsroom has taken this story down. It is no longer available here.</p>
      <p className="mt-8">
        <a href="/" className="font-semibold text-brand hover:underline">
          Go to the front page
        </a>
      </p>
    </section>
  );
}
