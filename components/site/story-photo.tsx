/**
 * Photos on reader pages, as plain <img> with a responsive srcset (AVIF/WebP from Next's
 * optimiser) and width/height, so nothing shifts while they load. Server Components.
 */
import { creditLine, imgAttributes, type PhotoRef } from "@/lib/media/responsive";
import { t } from "@/lib/i18n/messages";

/** The lead photo of a story: above the fold, so loaded first (eager, high priority); its credit's words in `language` (the story's). */
export function FeaturedPhoto({ photo, language }: { photo: PhotoRef; language: string }) {
  const img = imgAttributes(photo, "(min-width: 800px) 768px, 100vw");
  const credit = creditLine(photo, (who) => t(language, "photo.credit", { who }));
  return (
    <figure className="mt-6" data-testid="featured-photo">
      <img {...img} alt={img.alt} loading="eager" fetchPriority="high" decoding="async" className="h-auto w-full rounded-sm bg-neutral-100" />
      {photo.caption || credit ? (
        <figcaption className="mt-2 text-sm text-neutral-600" dir="auto">
          {photo.caption}
          {credit ? <span className="credit ms-1 text-xs uppercase tracking-wide text-neutral-500">{credit}</span> : null}
        </figcaption>
      ) : null}
    </figure>
  );
}

/** A story card's photo: small, lazy. `sizes` is the width the card's layout gives it; `className` its width (e.g. "w-full"). */
export function CardPhoto({ photo, sizes, className = "" }: { photo: PhotoRef; sizes: string; className?: string }) {
  const img = imgAttributes(photo, sizes, true);
  return (
    <img {...img} alt={img.alt} loading="lazy" decoding="async" className={`h-auto rounded-sm bg-neutral-100 object-cover ${className}`} data-testid="card-photo" />
  );
}
