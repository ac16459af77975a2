"use client";

import { useRouter } from "next/navigation";

type Option = { slug: string; name: string };

/** Moves between the tenants the user belongs to. */
export function TenantSwitcher({ current, tenants }: { current: string; tenants: Option[] }) {
  const router = useRouter();
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="sr-only">Switch tenant</span>
      <select
        value={current}
        onChange={(event) =>
          router.push(event.target.value === "__new" ? "/tenants/new" : `/t/${event.target.value}`)
        }
        className="rounded-md border border-slate-300 bg-white px-2 py-1.5 text-sm"
      >
        {tenants.map((t) => (
          <option key={t.slug} value={t.slug}>
            {t.name}
          </option>
        ))}
        <option value="__new">+ New tenant…</option>
      </select>
    </label>
  );
}
