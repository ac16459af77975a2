import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/current-user";
import { listMyTenants } from "@/lib/tenancy/resolve-tenant";

export const dynamic = "force-dynamic";

/** Sends each visitor where they belong: their first tenant, the operator console, or sign-in. */
export default async function Home() {
  const user = await currentUser();
  if (!user) redirect("/login");
  const [first] = await listMyTenants(user.id);
  if (first) redirect(`/t/${first.tenant.slug}`);
  redirect(user.isOperator ? "/operator" : "/tenants/new");
}
