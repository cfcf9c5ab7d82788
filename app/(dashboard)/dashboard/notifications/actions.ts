"use server";

import { revalidatePath } from "next/cache";
import { deskCall, type ActionFailure } from "@/lib/actions";
import { markAllNotificationsRead, markNotificationRead } from "@/lib/review/centre";

export type MarkResult = { ok: true } | ActionFailure;

/** Marks one of the viewer's notifications read; the header's count follows. */
export const markReadAction: (id: unknown) => Promise<MarkResult> = deskCall("markReadAction", async (viewer, id: unknown) => {
  await markNotificationRead(viewer, String(id));
  revalidatePath("/dashboard", "layout");
  return { ok: true as const };
});

/** Marks every unread notification of the viewer read. */
export const markAllReadAction: () => Promise<MarkResult> = deskCall("markAllReadAction", async (viewer) => {
  await markAllNotificationsRead(viewer);
  revalidatePath("/dashboard", "layout");
  return { ok: true as const };
});
