import { db } from "@/lib/db";

/** Models that belong to a tenant: every query on them goes through `tenantDb()`. */
export const TENANT_OWNED_MODELS = new Set([
  "Membership",
  "Invitation",
  "AuditEvent",
  "ApiKey",
  "EndpointRule",
  "Adjustment",
  "AllowedOrigin",
]);

const WHERE_OPERATIONS = new Set([
  "findUnique",
  "findUniqueOrThrow",
  "findFirst",
  "findFirstOrThrow",
  "findMany",
  "count",
  "aggregate",
  "groupBy",
  "update",
  "updateMany",
  "updateManyAndReturn",
  "delete",
  "deleteMany",
  "upsert",
]);

type Args = { where?: object; data?: unknown; create?: object };

/**
 * The tenant gate. Returns a client on which every query of a tenant-owned model is confined
 * to `tenantId`: reads and writes get `tenantId` added to their filter, creates get it set.
 * A guessed id from another tenant simply matches nothing.
 */
export function tenantDb(tenantId: string) {
  return db().$extends({
    name: "tenant-gate",
    query: {
      $allModels: {
        async $allOperations({ model, operation, args, query }) {
          if (!TENANT_OWNED_MODELS.has(model)) return query(args);
          const a = (args ?? {}) as Args;
          if (WHERE_OPERATIONS.has(operation)) a.where = { ...a.where, tenantId };
          if (operation === "upsert") a.create = { ...a.create, tenantId };
          if (operation === "create") a.data = { ...(a.data as object), tenantId };
          if (operation === "createMany" || operation === "createManyAndReturn") {
            const rows = Array.isArray(a.data) ? a.data : [a.data];
            a.data = rows.map((row) => ({ ...(row as object), tenantId }));
          }
          return query(a as typeof args);
        },
      },
    },
  });
}

export type TenantDb = ReturnType<typeof tenantDb>;
/** The client inside `tenantDb(...).$transaction(async (tx) => …)`. */
export type TenantTx = Parameters<Parameters<TenantDb["$transaction"]>[0]>[0];
