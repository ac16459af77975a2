import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";
import { safeCallbackPath } from "@/lib/safe-redirect";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string }>;
}) {
  const { callbackUrl } = await searchParams;
  return (
    <AuthShell
      title="Sign in to Sluice"
      footer={
        <>
          New here?{" "}
          <Link href="/signup" className="font-medium text-brand underline">
            Create an account
          </Link>
        </>
      }
    >
      <LoginForm callbackUrl={safeCallbackPath(callbackUrl)} />
    </AuthShell>
  );
}
