import { notFound, redirect } from "next/navigation";
import { cache } from "react";
import { AppError } from "@/lib/errors";
import { ALL_ROLES, resolveTenant } from "./resolve-tenant";

/** For pages: any member may read; anyone else gets the login page or a 404. Cached per request. */
export const tenantPage = cache(async (slug: string) => {
  try {
    return await resolveTenant(slug, ALL_ROLES);
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "UNAUTHENTICATED") redirect(`/login?callbackUrl=/t/${encodeURIComponent(slug)}`);
    notFound();
  }
});

export const canManage = (role: string) => role === "OWNER" || role === "ADMIN";
