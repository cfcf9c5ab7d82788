import type { Metadata } from "next";
import Link from "next/link";
import { getSiteSettings } from "@/lib/site/settings";
import { CenteredCard } from "@/components/ui/centered-card";
import { ForgotForm } from "./_components/forgot-form";

export const metadata: Metadata = { title: "Forgot password", robots: { index: false } };
export const dynamic = "force-dynamic";

/** "Forgot password?": asks for the account's e-mail address and mails a one-time reset link. */
export default async function ForgotPasswordPage() {
  const settings = await getSiteSettings();
  return (
    <CenteredCard siteName={settings.siteName}>
      <h1 className="mt-1 text-center text-sm font-semibold uppercase tracking-wider text-neutral-500">Reset your password</h1>
      <p className="mt-4 text-sm text-neutral-700">Enter the address you sign in with. We will e-mail you a link to choose a new password.</p>
      <div className="mt-4">
        <ForgotForm />
      </div>
      <p className="mt-6 text-center text-sm">
        <Link href="/login" className="text-neutral-600 underline">
          Back to sign in
        </Link>
      </p>
    </CenteredCard>
  );
}
