import type { Metadata, Viewport } from "next";
import "./globals.css";

/**
 * Root layout: the document shell. The site's own language is English; each story's page
 * sets `lang`/`dir` on its <article> for its own language (RTL for Dari and Pashto).
 */
export const metadata: Metadata = {
  title: { default: "Newsroom", template: "%s" },
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#9f1d20" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" dir="ltr">
      <body className="min-h-screen bg-white font-sans text-neutral-900 antialiased">{children}</body>
    </html>
  );
}
