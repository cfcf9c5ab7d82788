import type { Metadata } from "next";
import { listUsers } from "@/lib/users/admin";
import { PageFrame } from "@/components/ui/page-header";
import { DataTable, HiddenHeading } from "@/components/ui/table";
import { InviteForm } from "./_components/invite-form";
import { UserRow } from "./_components/user-row";
import { requirePagePermission } from "../_lib/page-access";

export const metadata: Metadata = { title: "Users" };

/** Admins: users, roles and account status. Others get a 404 (forbidden looks like missing). */
export default async function UsersPage() {
  const viewer = await requirePagePermission("/dashboard/users", "user:manage");
  const users = await listUsers(viewer);
  return (
    <PageFrame title="Users">
      <InviteForm />
      <DataTable columns={["User", "Role", "Account", "Password", <HiddenHeading key="result">Result</HiddenHeading>]}>
        {users.map((u) => (
          <UserRow key={u.id} user={u} isSelf={u.id === viewer.id} />
        ))}
      </DataTable>
      <p className="text-sm text-neutral-600">
        Invite people above (or use <code>npm run user:create</code> on the server). Deactivated users are signed out on their
        next request; their stories keep their bylines.
      </p>
    </PageFrame>
  );
}
