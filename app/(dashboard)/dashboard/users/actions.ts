"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { deskAction, formFlag, formText, type FormState } from "@/lib/actions";
import { setUserActive, setUserRole } from "@/lib/users/admin";
import { oneTimeLinkPath } from "@/lib/users/account-mail";
import { createResetLink, inviteUser, resendInvitation } from "@/lib/users/invites";

/** A one-time link (a path; the page adds the origin). */
export type LinkData = { link: string };

/** Changes a user's role (admins only; checked in lib). */
export const setRoleAction = deskAction(
  z.object({ userId: formText, role: z.unknown() }),
  async ({ userId, role }, viewer): Promise<FormState> => {
    await setUserRole(viewer, userId, role);
    revalidatePath("/dashboard/users");
    return { ok: true, message: "Role saved." };
  },
  { name: "setRoleAction" },
);

/** Deactivates or reactivates a user (admins only; checked in lib). */
export const setActiveAction = deskAction(
  z.object({ userId: formText, active: formFlag("true") }),
  async ({ userId, active }, viewer): Promise<FormState> => {
    await setUserActive(viewer, userId, active);
    revalidatePath("/dashboard/users");
    return { ok: true, message: active ? "Account reactivated." : "Account deactivated." };
  },
  { name: "setActiveAction" },
);

/** Creates an account, mails the invitation, and returns its one-time link to show as well. */
export const inviteAction = deskAction(
  z.looseObject({ withByline: formFlag() }),
  async (input, viewer): Promise<FormState<LinkData>> => {
    const { token, email } = await inviteUser(viewer, input);
    revalidatePath("/dashboard/users");
    return { ok: true, data: { link: oneTimeLinkPath(token) }, message: `An invitation was sent to ${email}. Its link, below too, works once, for 7 days.` };
  },
  { name: "inviteAction", keepValues: true },
);

/** Mails a new invitation to someone who has not joined yet (the older link stops working). */
export const resendInvitationAction = deskAction(
  z.object({ userId: formText }),
  async ({ userId }, viewer): Promise<FormState<LinkData>> => {
    const { token, email } = await resendInvitation(viewer, userId);
    return { ok: true, data: { link: oneTimeLinkPath(token) }, message: `A new invitation was sent to ${email}; the earlier link no longer works.` };
  },
  { name: "resendInvitationAction" },
);

/** A one-time password-reset link for a user. */
export const resetLinkAction = deskAction(
  z.object({ userId: formText }),
  async ({ userId }, viewer): Promise<FormState<LinkData>> => {
    const token = await createResetLink(viewer, userId);
    return { ok: true, data: { link: oneTimeLinkPath(token) }, message: "Reset link ready: it works once, for 24 hours." };
  },
  { name: "resetLinkAction" },
);
