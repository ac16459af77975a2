import type { Role } from "@/generated/prisma/client";
import { AppError } from "@/lib/errors";
import { resolveTenant, type TenantContext } from "@/lib/tenancy/resolve-tenant";

type RouteContext = { params: Promise<{ slug: string }> };

/** The one wrapper for tenant route handlers under `app/api/t/[slug]/…`. */
export function withTenant(
  options: { roles: readonly Role[] },
  handler: (request: Request, ctx: TenantContext) => Promise<Response>,
) {
  return async (request: Request, route: RouteContext): Promise<Response> => {
    const { slug } = await route.params;
    try {
      const ctx = await resolveTenant(slug, options.roles);
      return await handler(request, ctx);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      throw error;
    }
  };
}

export function errorResponse(error: AppError): Response {
  return Response.json(
    { error: { code: error.code, message: error.message, ...(error.field ? { field: error.field } : {}) } },
    { status: error.status },
  );
}
