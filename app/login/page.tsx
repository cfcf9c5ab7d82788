import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { safeReturnPath } from "@/lib/auth/paths";
import { getViewer } from "@/lib/auth/viewer";
import { getSiteSettings } from "@/lib/site/settings";
import { LoginForm } from "./_components/login-form";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

/** Staff sign-in. Already signed in: straight to the desk. */
export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeReturnPath((await searchParams).next);
  if (await getViewer()) redirect(next);
  const settings = await getSiteSettings();
  return (
    <main className="flex min-h-screen items-center justify-center bg-neutral-100 px-4">
      <div className="w-full max-w-sm rounded-lg border border-neutral-200 bg-white p-8 shadow-sm">
        <p className="text-center font-serif text-2xl font-bold">{settings.siteName}</p>
        <h1 className="mt-1 text-center text-sm font-semibold uppercase tracking-wider text-neutral-500">Newsroom sign in</h1>
        <div className="mt-6">
          <LoginForm next={next} />
        </div>
        <p className="mt-6 text-center text-sm">
          <Link href="/" className="text-neutral-600 hover:underline">
            ← Back to the site
          </Link>
        </p>
      </div>
    </main>
  );
}
