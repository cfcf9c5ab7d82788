import type { Metadata } from "next";
import Link from "next/link";
import { getSiteSettings } from "@/lib/site/settings";
import { checkToken } from "@/lib/users/invites";
import { CenteredCard } from "@/components/ui/centered-card";
import { SignupForm } from "./_components/signup-form";

export const metadata: Metadata = { title: "Set your password", robots: { index: false } };
export const dynamic = "force-dynamic";

/**
 * The page behind an invitation or reset link: "New password" (twice), or, for a link that
 * no longer works, a page saying so with "Forgot password?".
 */
export default async function SignupPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [link, settings] = await Promise.all([checkToken(token), getSiteSettings()]);
  return (
    <CenteredCard siteName={settings.siteName}>
      {link ? (
        <>
          <h1 className="mt-1 text-center text-sm font-semibold uppercase tracking-wider text-neutral-500">
            {link.purpose === "invite" ? "Welcome to the newsroom" : "Choose a new password"}
          </h1>
          <p className="mt-4 text-sm text-neutral-700">
            {link.name} · {link.email}
          </p>
          <div className="mt-4">
            <SignupForm token={token} email={link.email} />
          </div>
        </>
      ) : (
        <>
          <h1 className="mt-4 text-center text-lg font-semibold">This link does not work</h1>
          <p className="mt-2 text-center text-sm text-neutral-600">
            It has expired or was already used: each link works once, for a limited time. Ask for a new one, or ask an admin.
          </p>
          <p className="mt-6 flex justify-center gap-6 text-sm">
            <Link href="/login/forgot" className="underline">
              Forgot password?
            </Link>
            <Link href="/login" className="underline">
              Sign in
            </Link>
          </p>
        </>
      )}
    </CenteredCard>
  );
}
