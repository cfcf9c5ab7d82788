"use client";

/**
 * Choose a photo from the media library (searchable) or upload a new one; used by the story
 * editor for the featured photo and for photos in the body.
 */
import { useCallback, useEffect, useState } from "react";
import type { MediaItem } from "@/lib/media/library";
import { Input } from "@/components/ui/controls";
import { WrapField } from "@/components/ui/field";
import { Alert } from "@/components/ui/notice";
import { PhotoUpload } from "./photo-upload";

const thumb = (url: string) => `/_next/image?url=${encodeURIComponent(url)}&w=240&q=75`;

export function PhotoPicker({ onChoose, onClose, title }: { onChoose: (item: MediaItem) => void; onClose: () => void; title: string }) {
  const [q, setQ] = useState("");
  const [items, setItems] = useState<MediaItem[]>([]);
  const [error, setError] = useState("");

  const load = useCallback(async (query: string) => {
    try {
      const res = await fetch(`/api/media?q=${encodeURIComponent(query)}`);
      const body = (await res.json()) as { items?: MediaItem[]; error?: string };
      if (!res.ok) throw new Error(body.error ?? `HTTP ${res.status}`);
      setItems(body.items ?? []);
      setError("");
    } catch (e) {
      setError(`The media library could not be loaded: ${(e as Error).message}`);
    }
  }, []);

  useEffect(() => {
    const t = setTimeout(() => void load(q), 250);
    return () => clearTimeout(t);
  }, [q, load]);

  return (
    <div role="dialog" aria-label={title} className="flex flex-col gap-3 rounded border border-neutral-300 bg-white p-4 shadow-lg">
      <div className="flex items-center justify-between">
        <h2 className="font-semibold">{title}</h2>
        <button type="button" onClick={onClose} className="text-sm text-neutral-600 underline">
          Close
        </button>
      </div>
      <PhotoUpload multiple={false} compact onUploaded={({ item }) => onChoose(item)} />
      <WrapField label="Search the library" className="text-sm">
        <Input type="search" value={q} onChange={(e) => setQ(e.target.value)} placeholder="Alt text, caption, credit or file name" size="sm" />
      </WrapField>
      <Alert>{error}</Alert>
      <ul className="grid max-h-80 grid-cols-3 gap-2 overflow-y-auto sm:grid-cols-4" aria-label="Library photos">
        {items.map((m) => (
          <li key={m.id}>
            <button type="button" onClick={() => onChoose(m)} className="block w-full rounded border border-neutral-200 p-1 text-left hover:border-brand">
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={thumb(m.url)} alt={m.altText || m.originalName} width={m.width} height={m.height} className="aspect-[4/3] w-full object-cover" loading="lazy" />
              <span className="block truncate text-xs">{m.caption || m.originalName}</span>
            </button>
          </li>
        ))}
      </ul>
    </div>
  );
}
