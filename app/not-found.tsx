import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";

export default function NotFound() {
  return (
    <AuthShell title="Page not found">
      <p className="text-sm text-slate-700">There is nothing here, or you do not have access to it.</p>
      <p className="mt-4 text-sm">
        <Link href="/" className="font-medium text-brand underline">
          Back to your tenants
        </Link>
      </p>
    </AuthShell>
  );
}
