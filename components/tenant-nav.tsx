"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  { href: "", label: "Overview" },
  { href: "/keys", label: "API keys" },
  { href: "/limits", label: "Limits" },
  { href: "/counters", label: "Counters" },
  { href: "/cors", label: "CORS" },
  { href: "/members", label: "Members" },
  { href: "/audit", label: "Audit log" },
];

export function TenantNav({ slug }: { slug: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Tenant" className="flex gap-1">
      {LINKS.map((link) => {
        const href = `/t/${slug}${link.href}`;
        const active = link.href ? pathname.startsWith(href) : pathname === href;
        return (
          <Link
            key={href}
            href={href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-3 py-2 text-sm font-medium ${active ? "bg-brand text-white" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {link.label}
          </Link>
        );
      })}
    </nav>
  );
}
