import type { Metadata } from "next";
import { NotFoundBody } from "@/components/site/not-found-body";

export const metadata: Metadata = { title: "Page not found", robots: { index: false } };

/**
 * The 404 of the desk's routes (a `notFound()` in a dashboard page). Reader addresses answer
 * their own 404 as plain HTML (app/(site)/[...path]/route.ts); both show the same message.
 */
export default function NotFound() {
  return (
    <main className="py-8">
      <NotFoundBody />
    </main>
  );
}
