"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deskAction, formText, type FormState } from "@/lib/actions";
import { retryMail } from "@/lib/mail/admin";

/** "Retry now" on a failed or held message (admins only; checked in lib). */
export const retryMailAction = deskAction(
  z.object({ id: formText }),
  async ({ id }, viewer): Promise<FormState> => {
    await retryMail(viewer, id);
    revalidatePath("/dashboard/outbox");
    return { ok: true, message: "Queued again: it goes out within seconds." };
  },
  { name: "retryMailAction" },
);
