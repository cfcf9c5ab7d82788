"use client";

import { useRouter } from "next/navigation";
import { PhotoUpload } from "@/components/media/photo-upload";

/** The library's upload area: refreshes the grid after each stored photo. */
export function LibraryUpload() {
  const router = useRouter();
  return <PhotoUpload onUploaded={() => router.refresh()} />;
}
