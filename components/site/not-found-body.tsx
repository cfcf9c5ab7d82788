/** A reader-side message page: the code, a heading, a line of text and the way home. */
function MessagePage({ code, title, text, testId }: { code: number; title: string; text: string; testId: string }) {
  return (
    <section className="mx-auto max-w-xl px-4 py-16 text-center" data-testid={testId}>
      <p className="text-sm font-bold uppercase tracking-wider text-brand">{code}</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{title}</h1>
      <p className="mt-4 text-neutral-600">{text}</p>
      <p className="mt-8">
        <a href="/" className="font-semibold text-brand hover:underline">
          Go to the front page
        </a>
      </p>
    </section>
  );
}

/** The "Page not found" message: the reader site's 404 and the desk's share it. */
export function NotFoundBody() {
  return (
    <MessagePage
      code={404}
      title="Page not found"
      text="The story or page you were looking for is not here. It may have moved, or it has not been published."
      testId="not-found"
    />
  );
}

/** The "Story removed" message of a story taken down on purpose (HTTP 410 Gone). */
export function GoneBody() {
  return <MessagePage code={410} title="This story was removed" text="The newsroom has taken this story down. It is no longer available here." testId="gone" />;
}
