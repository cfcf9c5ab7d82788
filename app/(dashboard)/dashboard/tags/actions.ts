"use server";

import { expireReaderCaches } from "@/lib/site/reader-cache";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { toActionFailure } from "@/lib/actions";
import { requireViewer } from "@/lib/auth/viewer";
import { expireReaderPagesNow } from "@/lib/publishing/scheduler";
import { createTag, mergeTags, updateTag } from "@/lib/tags/admin";

export type TagFormState = { error?: string; fields?: Record<string, string>; values?: Record<string, string>; message?: string };

const formValues = (form: FormData) => Object.fromEntries([...form.entries()].filter(([k]) => !k.startsWith("$")).map(([k, v]) => [k, String(v)]));

async function expireReaders() {
  if (!(await expireReaderPagesNow())) expireReaderCaches();
}

/** Creates a tag (editors and admins). */
export async function createTagAction(_: TagFormState, form: FormData): Promise<TagFormState> {
  const values = formValues(form);
  try {
    await createTag(await requireViewer(), { ...values, isSection: form.get("isSection") === "on" });
    await expireReaders();
    revalidatePath("/dashboard/tags");
    return { message: `Tag "${values.name}" created.` };
  } catch (e) {
    const f = toActionFailure(e, "createTagAction");
    return { error: f.error, fields: f.fields, values };
  }
}

/** Saves a tag (a new slug leaves a redirect). */
export async function updateTagAction(_: TagFormState, form: FormData): Promise<TagFormState> {
  const values = formValues(form);
  try {
    await updateTag(await requireViewer(), values.id ?? "", { ...values, isSection: form.get("isSection") === "on" });
    await expireReaders();
    revalidatePath("/dashboard/tags");
    return { message: "Tag saved.", values };
  } catch (e) {
    const f = toActionFailure(e, "updateTagAction");
    return { error: f.error, fields: f.fields, values };
  }
}

/** Merges this tag into another. */
export async function mergeTagAction(_: TagFormState, form: FormData): Promise<TagFormState> {
  try {
    await mergeTags(await requireViewer(), String(form.get("id") ?? ""), String(form.get("intoId") ?? ""));
    await expireReaders();
  } catch (e) {
    return { error: toActionFailure(e, "mergeTagAction").error };
  }
  revalidatePath("/dashboard/tags");
  redirect("/dashboard/tags");
}
