"use client";

import { useActionState } from "react";
import type { FormState } from "@/lib/actions";
import { setActiveAction, setRoleAction } from "./actions";
import { ResetLinkButton } from "./invite-form";

interface Props {
  user: { id: string; email: string; name: string; role: "writer" | "editor" | "admin"; active: boolean };
  isSelf: boolean;
}

/** One user: role picker and activation switch, each a small form with its own feedback. */
export function UserRow({ user, isSelf }: Props) {
  const [roleState, roleAction, rolePending] = useActionState<FormState, FormData>(setRoleAction, {});
  const [activeState, activeAction, activePending] = useActionState<FormState, FormData>(setActiveAction, {});
  const feedback = roleState.error ?? activeState.error ?? roleState.message ?? activeState.message;
  const isError = Boolean(roleState.error ?? activeState.error);
  return (
    <tr data-testid="user-row" className={user.active ? "" : "bg-neutral-50 text-neutral-500"}>
      <td className="px-3 py-2">
        <span className="font-semibold">{user.name}</span>
        <span className="block text-xs">{user.email}</span>
      </td>
      <td className="px-3 py-2">
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={`role-${user.id}`} className="sr-only">
            Role of {user.name}
          </label>
          <select id={`role-${user.id}`} name="role" defaultValue={user.role} className="rounded border border-neutral-300 px-2 py-1 text-sm">
            <option value="writer">Writer</option>
            <option value="editor">Editor</option>
            <option value="admin">Admin</option>
          </select>
          <button type="submit" disabled={rolePending} className="rounded border border-neutral-400 px-2 py-1 text-xs font-semibold" aria-label={`Save role of ${user.name}`}>
            Save
          </button>
        </form>
      </td>
      <td className="px-3 py-2">
        <form action={activeAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <span className="mr-2 text-sm">{user.active ? "Active" : "Deactivated"}</span>
          {!isSelf ? (
            <button type="submit" disabled={activePending} className="rounded border border-neutral-400 px-2 py-1 text-xs font-semibold" aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.name}`}>
              {user.active ? "Deactivate" : "Reactivate"}
            </button>
          ) : null}
        </form>
      </td>
      <td className="px-3 py-2">
        <ResetLinkButton userId={user.id} name={user.name} />
      </td>
      <td className={`px-3 py-2 text-sm ${isError ? "text-red-700" : "text-green-800"}`} role="status">
        {feedback ?? ""}
      </td>
    </tr>
  );
}
