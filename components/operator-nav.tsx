"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";

const LINKS = [
  {
    href: "/operator",
    label: "Tenants",
    matches: (p: string) => p === "/operator" || p.startsWith("/operator/tenants"),
  },
  {
    href: "/operator/incident",
    label: "Incident mode",
    matches: (p: string) => p.startsWith("/operator/incident"),
  },
];

export function OperatorNav() {
  const pathname = usePathname();
  return (
    <nav aria-label="Operator" className="flex gap-1">
      {LINKS.map((link) => {
        const active = link.matches(pathname);
        return (
          <Link
            key={link.href}
            href={link.href}
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
