import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/auth/paths";
import { getViewer } from "@/lib/auth/viewer";
import { getSiteSettings } from "@/lib/site/settings";
import { CenteredCard } from "@/components/ui/centered-card";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

/** Staff sign-in. Already signed in: straight to the desk. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeReturnPath((await searchParams).next);
  if (await getViewer()) redirect(next);
  const settings = await getSiteSettings();
  return (
    <CenteredCard siteName={settings.siteName}>
      <h1 className="mt-1 text-center text-sm font-semibold uppercase tracking-wider text-neutral-500">Newsroom sign in</h1>
      <div className="mt-6">
        <LoginForm next={next} />
      </div>
      <p className="mt-4 text-center text-sm">
        <Link href="/login/forgot" className="underline">
          Forgot password?
        </Link>
      </p>
      <p className="mt-6 text-center text-sm">
        <Link href="/" className="text-neutral-600 hover:underline">
          ← Back to the site
        </Link>
      </p>
    </CenteredCard>
  );
}
