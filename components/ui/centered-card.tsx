/**
 * A page of one small card in the middle of the screen, the site's name on top: sign-in and
 * password pages. Server Component; the card's content follows the name.
 */
export function CenteredCard({ siteName, children }: { siteName: string; children: React.ReactNode }) {
  return (
    <main className="flex min-h-screen items-center justify-center bg-neutral-100 px-4">
      <div className="w-full max-w-sm rounded-lg border border-neutral-200 bg-white p-8 shadow-sm">
        <p className="text-center font-serif text-2xl font-bold">{siteName}</p>
        {children}
      </div>
    </main>
  );
}
