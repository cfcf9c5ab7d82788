import { t } from "@/lib/i18n/messages";

/** A reader-side message page: the code, a heading, a line of text and the way home (in `language`). */
function MessagePage({ code, title, text, testId, language }: { code: number; title: string; text: string; testId: string; language: string }) {
  return (
    <section className="mx-auto max-w-xl px-4 py-16 text-center" data-testid={testId}>
      <p className="text-sm font-bold uppercase tracking-wider text-brand">{code}</p>
      <h1 className="mt-2 font-serif text-3xl font-bold">{title}</h1>
      <p className="mt-4 text-neutral-600">{text}</p>
      <p className="mt-8">
        <a href="/" className="font-semibold text-brand hover:underline">
          {t(language, "error.home")}
        </a>
      </p>
    </section>
  );
}

/** The "Page not found" message in `language` (default English): the reader site's 404 and the desk's share it. */
export function NotFoundBody({ language = "en" }: { language?: string }) {
  return <MessagePage code={404} title={t(language, "error.notFoundTitle")} text={t(language, "error.notFoundText")} testId="not-found" language={language} />;
}

/** The "Story removed" message of a story taken down on purpose (HTTP 410 Gone), in `language` (default English). */
export function GoneBody({ language = "en" }: { language?: string }) {
  return <MessagePage code={410} title={t(language, "error.goneTitle")} text={t(language, "error.goneText")} testId="gone" language={language} />;
}
