/**
 * Share links under a story: plain links to each service's own share address, with the
 * story's canonical URL and headline. No third-party script, no tracking, no counters: nothing
 * is loaded from those services until a reader follows a link.
 */
import { t } from "@/lib/i18n/messages";

/** The services' documented share addresses, for a story's URL and headline. */
export function shareTargets(url: string, title: string, emailLabel = "E-mail"): { name: string; href: string }[] {
  const u = encodeURIComponent(url);
  const t = encodeURIComponent(title);
  return [
    { name: emailLabel, href: `mailto:?subject=${t}&body=${u}` },
    { name: "WhatsApp", href: `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}` },
    { name: "Facebook", href: `https://www.facebook.com/sharer/sharer.php?u=${u}` },
    { name: "X", href: `https://x.com/intent/post?text=${t}&url=${u}` },
    { name: "Telegram", href: `https://t.me/share/url?url=${u}&text=${t}` },
  ];
}

/** The share links of a story, labelled in `language` (the story's). */
export function ShareLinks({ url, title, language }: { url: string; title: string; language: string }) {
  const share = t(language, "story.share");
  return (
    <nav aria-label={share} className="print:hidden" data-testid="share-links">
      <p className="mb-2 text-sm font-semibold">{share}</p>
      <ul className="flex flex-wrap gap-2">
        {shareTargets(url, title, t(language, "story.email")).map((s) => (
          <li key={s.name}>
            <a href={s.href} rel="noopener noreferrer" target="_blank" className="inline-block rounded border border-neutral-300 px-3 py-1 text-sm text-neutral-800 hover:border-brand hover:text-brand">
              {s.name}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
