"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { useEffect, useRef } from "react";

/**
 * The desk's "Admin" menu (import, users, audit, outbox, settings): a disclosure (`<details>`), so it
 * opens with the keyboard and without JavaScript; it closes after a link is followed, on
 * Escape and on a click elsewhere, as menus do.
 */
export function AdminMenu({ links }: { links: { href: string; label: string }[] }) {
  const ref = useRef<HTMLDetailsElement>(null);
  const pathname = usePathname();
  useEffect(() => {
    if (ref.current) ref.current.open = false;
  }, [pathname]);
  useEffect(() => {
    const close = (e: Event) => {
      const menu = ref.current;
      if (!menu?.open) return;
      if (e instanceof KeyboardEvent ? e.key === "Escape" : !menu.contains(e.target as Node)) {
        menu.open = false;
        if (e instanceof KeyboardEvent) menu.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("click", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("click", close);
      document.removeEventListener("keydown", close);
    };
  }, []);
  return (
    <details ref={ref} className="relative">
      <summary className="cursor-pointer list-none text-neutral-700 hover:text-neutral-950 [&::-webkit-details-marker]:hidden">
        Admin <span aria-hidden="true">▾</span>
      </summary>
      <ul className="absolute z-20 mt-2 flex min-w-40 flex-col rounded border border-neutral-200 bg-white py-1 shadow-lg">
        {links.map((l) => (
          <li key={l.href}>
            <Link href={l.href} className="block px-4 py-2 text-neutral-700 hover:bg-neutral-100 hover:text-neutral-950">
              {l.label}
            </Link>
          </li>
        ))}
      </ul>
    </details>
  );
}
