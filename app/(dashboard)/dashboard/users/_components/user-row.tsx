"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Options, Select } from "@/components/ui/controls";
import { Td } from "@/components/ui/table";
import type { FormState } from "@/lib/actions";
import { ROLE_OPTIONS } from "../../_components/role-labels";
import { setActiveAction, setRoleAction } from "../actions";
import { ResendInvitationButton, ResetLinkButton } from "./invite-form";

interface Props {
  /** `joinedAt` null: invited, not joined yet. */
  user: { id: string; email: string; name: string; role: "writer" | "editor" | "admin"; active: boolean; joinedAt: Date | null };
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
      <Td>
        <span className="font-semibold">{user.name}</span>
        <span className="block text-xs">{user.email}</span>
      </Td>
      <Td>
        <form action={roleAction} className="flex items-center gap-2">
          <input type="hidden" name="userId" value={user.id} />
          <label htmlFor={`role-${user.id}`} className="sr-only">
            Role of {user.name}
          </label>
          <Select id={`role-${user.id}`} name="role" defaultValue={user.role} size="xs">
            <Options items={ROLE_OPTIONS} />
          </Select>
          <Button type="submit" disabled={rolePending} variant="secondary" size="xs" aria-label={`Save role of ${user.name}`}>
            Save
          </Button>
        </form>
      </Td>
      <Td>
        <form action={activeAction}>
          <input type="hidden" name="userId" value={user.id} />
          <input type="hidden" name="active" value={user.active ? "false" : "true"} />
          <span className="mr-2 text-sm" data-testid="user-state">
            {!user.active ? "Deactivated" : user.joinedAt ? "Active" : "Invited, not joined yet"}
          </span>
          {!isSelf ? (
            <Button type="submit" disabled={activePending} variant="secondary" size="xs" aria-label={`${user.active ? "Deactivate" : "Reactivate"} ${user.name}`}>
              {user.active ? "Deactivate" : "Reactivate"}
            </Button>
          ) : null}
        </form>
      </Td>
      <Td>
        <div className="flex flex-col gap-2">
          {user.active && !user.joinedAt ? <ResendInvitationButton userId={user.id} name={user.name} /> : null}
          <ResetLinkButton userId={user.id} name={user.name} />
        </div>
      </Td>
      <Td className={`text-sm ${isError ? "text-red-700" : "text-green-800"}`} role="status">
        {feedback ?? ""}
      </Td>
    </tr>
  );
}
