"use server";

import { expireReaderCaches } from "@/lib/site/reader-cache";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toActionFailure } from "@/lib/actions";
import { requireViewer } from "@/lib/auth/viewer";
import { createByline, mergeBylines, setBylineRetired, updateByline } from "@/lib/bylines/admin";
import { expireReaderPagesNow } from "@/lib/publishing/scheduler";

export type BylineFormState = { error?: string; fields?: Record<string, string>; values?: Record<string, string>; message?: string };

const formValues = (form: FormData) => Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith("$")).map(([k, v]) => [k, String(v)]));

async function expireReaders() {
  if (!(await expireReaderPagesNow())) expireReaderCaches();
}

/** Creates a byline, then lists bylines. */
export async function createBylineAction(_: BylineFormState, form: FormData): Promise<BylineFormState> {
  const values = formValues(form);
  try {
    await createByline(await requireViewer(), values);
  } catch (e) {
    const f = toActionFailure(e, "createBylineAction");
    return { error: f.error, fields: f.fields, values };
  }
  revalidatePath("/dashboard/bylines");
  redirect("/dashboard/bylines");
}

/** Saves a byline's profile (and its slug, leaving a redirect). */
export async function updateBylineAction(_: BylineFormState, form: FormData): Promise<BylineFormState> {
  const values = formValues(form);
  try {
    await updateByline(await requireViewer(), values.id ?? "", values);
    await expireReaders();
    revalidatePath("/dashboard/bylines");
    return { message: "Byline saved.", values };
  } catch (e) {
    const f = toActionFailure(e, "updateBylineAction");
    return { error: f.error, fields: f.fields, values };
  }
}

/** Retires or restores a byline. */
export async function retireBylineAction(_: BylineFormState, form: FormData): Promise<BylineFormState> {
  try {
    await setBylineRetired(await requireViewer(), String(form.get("id") ?? ""), form.get("retired") === "true");
    revalidatePath("/dashboard/bylines");
    return { message: form.get("retired") === "true" ? "Byline retired." : "Byline restored." };
  } catch (e) {
    return { error: toActionFailure(e, "retireBylineAction").error };
  }
}

/** Merges this byline into another, then lists bylines. */
export async function mergeBylineAction(_: BylineFormState, form: FormData): Promise<BylineFormState> {
  try {
    await mergeBylines(await requireViewer(), String(form.get("id") ?? ""), String(form.get("intoId") ?? ""));
    await expireReaders();
  } catch (e) {
    const f = toActionFailure(e, "mergeBylineAction");
    return { error: f.error, fields: f.fields };
  }
  revalidatePath("/dashboard/bylines");
  redirect("/dashboard/bylines");
}
