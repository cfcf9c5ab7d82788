"use server";

import { redirect } from "next/navigation";
import { signOutViewer } from "@/lib/auth/session";

/** Signs out and returns to the sign-in page. */
export async function signOutAction(): Promise<void> {
  await signOutViewer();
  redirect("/login");
}
