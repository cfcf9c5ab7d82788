import Link from "next/link";
import { PhotoDetails } from "@/components/media/photo-details";
import { updateMediaAction } from "../actions";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { getMediaItem, listMediaUses } from "@/lib/media/library";
import { countOf } from "@/lib/text/count";
import { optimisedUrl } from "@/lib/media/responsive";
import { orNotFound } from "../../_lib/page-access";
import { DeletePhotoButton } from "./_components/delete-button";

/** One library photo: its details (alt text, caption, credit, usage notes, staff-only description), where it is used, delete when unused. */
export const dynamic = "force-dynamic";

export default async function MediaItemPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const viewer = await requireViewerForPage(`/dashboard/media/${id}`);
  const item = await orNotFound(getMediaItem(viewer, id));
  const { uses, others } = await listMediaUses(viewer, id);
  return (
    <section className="flex flex-col gap-6">
      <p className="text-sm">
        <Link href="/dashboard/media" className="underline">
          ← Media library
        </Link>
      </p>
      <h1 className="font-serif text-2xl font-bold">{item.caption || item.originalName || "Photo"}</h1>
      <div className="grid gap-6 md:grid-cols-2">
        <div className="flex flex-col gap-2">
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={optimisedUrl(item.url, 828)} alt={item.altText} width={item.width} height={item.height} className="h-auto w-full rounded" />
          <p className="text-xs text-neutral-600">
            {item.originalName} · {item.mimeType} · {item.width} × {item.height} · {(item.bytes / 1024).toFixed(0)} KB · uploaded by {item.uploadedBy?.name ?? "—"}
          </p>
        </div>
        <PhotoDetails id={item.id} initial={item} action={updateMediaAction} />
      </div>
      <section aria-labelledby="uses-heading" className="flex flex-col gap-2">
        <h2 id="uses-heading" className="font-semibold">
          Used in
        </h2>
        {uses.length === 0 && others === 0 ? (
          <p className="text-sm text-neutral-600">No story uses this photo.</p>
        ) : uses.length === 0 ? (
          <p className="text-sm text-neutral-600" data-testid="media-uses-others">
            Used in {countOf(others, "story", "stories")} you cannot open.
          </p>
        ) : (
          <ul className="list-disc pl-5 text-sm" data-testid="media-uses">
            {uses.map((u) => (
              <li key={`${u.storyId}-${u.role}`}>
                <Link href={`/dashboard/stories/${u.storyId}`} className="underline">
                  {u.title}
                </Link>{" "}
                ({u.role === "featured" ? "featured photo" : u.role === "entry" ? "in a live blog entry" : "in the body"}, {u.status.replace("_", " ")})
              </li>
            ))}
          </ul>
        )}
        {uses.length > 0 && others > 0 ? (
          <p className="text-sm text-neutral-600" data-testid="media-uses-others">
            And {countOf(others, "other story", "other stories")} you cannot open.
          </p>
        ) : null}
        <DeletePhotoButton id={item.id} disabledReason={uses.length + others > 0 ? "A photo used by a story cannot be deleted." : null} />
      </section>
    </section>
  );
}
