import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { currentUser } from "@/lib/auth/current-user";
import { NewTenantForm } from "./new-tenant-form";

export const metadata: Metadata = { title: "New tenant" };

export default async function NewTenantPage() {
  if (!(await currentUser())) redirect("/login?callbackUrl=/tenants/new");
  return (
    <AuthShell
      title="Create a tenant"
      footer={
        <Link href="/" className="underline">
          Back
        </Link>
      }
    >
      <NewTenantForm />
    </AuthShell>
  );
}
