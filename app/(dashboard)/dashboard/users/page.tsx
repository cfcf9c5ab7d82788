import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requireViewerForPage } from "@/lib/auth/viewer";
import { can } from "@/lib/permissions/roles";
import { listUsers } from "@/lib/users/admin";
import { InviteForm } from "./_components/invite-form";
import { UserRow } from "./_components/user-row";

export const metadata: Metadata = { title: "Users" };

/** Admins: users, roles and account status. Others get a 404 (forbidden looks like missing). */
export default async function UsersPage() {
  const viewer = await requireViewerForPage("/dashboard/users");
  if (!can(viewer.role, "user:manage")) notFound();
  const users = await listUsers(viewer);
  return (
    <div className="flex flex-col gap-6">
      <h1 className="font-serif text-3xl font-bold">Users</h1>
      <InviteForm />
      <div className="overflow-x-auto rounded border border-neutral-200 bg-white">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-neutral-200 bg-neutral-50 text-xs uppercase tracking-wide text-neutral-600">
            <tr>
              <th scope="col" className="px-3 py-2">User</th>
              <th scope="col" className="px-3 py-2">Role</th>
              <th scope="col" className="px-3 py-2">Account</th>
              <th scope="col" className="px-3 py-2">Password</th>
              <th scope="col" className="px-3 py-2"><span className="sr-only">Result</span></th>
            </tr>
          </thead>
          <tbody className="divide-y divide-neutral-100">
            {users.map((u) => (
              <UserRow key={u.id} user={u} isSelf={u.id === viewer.id} />
            ))}
          </tbody>
        </table>
      </div>
      <p className="text-sm text-neutral-600">
        Invite people above (or use <code>npm run user:create</code> on the server). Deactivated users are signed out on their
        next request; their stories keep their bylines.
      </p>
    </div>
  );
}
