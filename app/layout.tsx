import type { Metadata, Viewport } from "next";
import "./globals.css";

/**
 * Root layout: the document shell. The site's own language is English; each story's page
 * sets `lang`/`dir` on its <article> for its own language (RTL for Dari and Pashto).
 */
export const metadata: Metadata = {
  title: { default: "Newsroom", template: "%s" },
  // Static files in public/, served as they are: the browser tab icon (SVG, with an ICO for
  // browsers without SVG icons), the home-screen icon for iOS, and the web app manifest.
  icons: {
    icon: [
      { url: "/icon.svg", type: "image/svg+xml" },
      { url: "/favicon.ico", sizes: "32x32" },
    ],
    apple: { url: "/apple-touch-icon.png", sizes: "180x180" },
  },
  manifest: "/manifest.webmanifest",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#9f1d20" };

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" dir="ltr">
      <body className="min-h-screen bg-white font-sans text-neutral-900 antialiased">{children}</body>
    </html>
  );
}
