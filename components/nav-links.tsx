"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

/** `badge`: a short count shown after the label; `badgeLabel` says what it counts, for screen readers. */
export type NavItem = { href: string; label: string; badge?: string; badgeLabel?: string };

export function NavLinks({ items }: { items: NavItem[] }) {
  const pathname = usePathname();
  return (
    <ul className="flex flex-wrap gap-1">
      {items.map((item) => {
        const active = pathname === item.href || (item.href !== "/" && pathname.startsWith(`${item.href}/`) && !items.some((o) => o.href !== item.href && o.href.startsWith(item.href) && pathname.startsWith(o.href)));
        return (
          <li key={item.href}>
            <Link
              href={item.href}
              aria-current={active ? "page" : undefined}
              className={`block rounded-md px-3 py-1.5 text-sm font-medium ${active ? "bg-brand-50 text-brand-700" : "text-slate-600 hover:bg-slate-100 hover:text-slate-900"}`}
            >
              {item.label}
              {item.badge ? (
                <span data-testid={`nav-badge-${item.href.slice(1)}`} className="ml-1.5 rounded-full bg-brand-100 px-1.5 py-0.5 text-xs font-semibold text-brand-800">
                  <span aria-hidden="true">{item.badge}</span>
                  <span className="sr-only">{item.badgeLabel}</span>
                </span>
              ) : null}
            </Link>
          </li>
        );
      })}
    </ul>
  );
}
