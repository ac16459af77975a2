/** The OpenAPI 3.1 description of validation API v1, served at /v1/openapi.json. */
import { REFUSAL_STATUS } from "./errors";

const rateLimitHeaders = {
  "X-RateLimit-Limit": {
    schema: { type: "integer" },
    description: "The binding limit (closest to refusal).",
  },
  "X-RateLimit-Remaining": { schema: { type: "integer" } },
  "X-RateLimit-Reset": { schema: { type: "integer" }, description: "Unix seconds when room frees up." },
  "X-RateLimit-Window": { schema: { type: "string", example: "sliding_60s" } },
  RateLimit: { schema: { type: "string", example: '"key_minute";r=12;t=30' } },
  "RateLimit-Policy": { schema: { type: "string", example: '"tenant";q=100;w=60, "key_minute";q=60;w=60' } },
  Warning: { schema: { type: "string", example: '299 - "Rate Limit" "85% of quota consumed"' } },
};

const corsHeaders = {
  "Access-Control-Allow-Origin": {
    schema: { type: "string", example: "https://app.example.com" },
    description: "Only when the request had an Origin the tenant lists: that exact origin, never `*`.",
  },
  "Access-Control-Allow-Credentials": { schema: { type: "string", enum: ["true"] } },
  "Access-Control-Expose-Headers": {
    schema: { type: "string" },
    description: "The rate-limit headers, Retry-After and Warning, so browsers can read them (429s too).",
  },
  Vary: { schema: { type: "string", example: "Origin" } },
};

const preflightHeaders = {
  "Access-Control-Allow-Origin": corsHeaders["Access-Control-Allow-Origin"],
  "Access-Control-Allow-Methods": { schema: { type: "string" }, description: "The method requested." },
  "Access-Control-Allow-Headers": {
    schema: { type: "string" },
    description: "Access-Control-Request-Headers echoed, else `Authorization, Content-Type`.",
  },
  "Access-Control-Allow-Credentials": corsHeaders["Access-Control-Allow-Credentials"],
  "Access-Control-Max-Age": { schema: { type: "integer", example: 600 } },
  Vary: {
    schema: {
      type: "string",
      example: "Origin, Access-Control-Request-Method, Access-Control-Request-Headers",
    },
  },
};

const errorSchema = {
  type: "object",
  required: ["error"],
  properties: {
    error: {
      type: "object",
      required: ["code", "message"],
      properties: {
        code: {
          type: "string",
          enum: Object.keys(REFUSAL_STATUS),
        },
        message: { type: "string" },
        field: { type: "string", description: "The offending field of a 400." },
        retry_after: { type: "integer" },
        quota_reset_at: { type: "string", format: "date-time" },
        limit: {
          type: "string",
          description: "Which limit refused: tenant, key_minute, key_hour, burst, endpoint, ip, invalid_key.",
        },
      },
    },
  },
};

const decisionSchema = {
  type: "object",
  properties: {
    allowed: { type: "boolean" },
    status: { type: "integer", description: "The status to answer the client with." },
    code: { type: ["string", "null"] },
    tenantId: { type: ["string", "null"] },
    keyId: { type: ["string", "null"] },
    cost: { type: "integer" },
    limit: {
      type: ["object", "null"],
      properties: {
        name: { type: "string" },
        limit: { type: "integer" },
        remaining: { type: "integer" },
        reset: { type: "integer" },
        window: { type: "string" },
      },
    },
    retryAfter: { type: ["integer", "null"] },
    headers: {
      type: "object",
      additionalProperties: { type: "string" },
      description: "Headers to add to the client's response.",
    },
    error: { oneOf: [{ type: "null" }, errorSchema.properties.error] },
  },
};

export const OPENAPI_DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Sluice validation API",
    version: "1.0.0",
    description: "Decides allow or refuse for every request of the platform.",
  },
  components: {
    securitySchemes: {
      serviceToken: { type: "http", scheme: "bearer", description: "A platform service token (st_live_…)." },
      apiKey: { type: "http", scheme: "bearer", description: "A tenant's API key (sk_live_…)." },
    },
    schemas: { Error: errorSchema, Decision: decisionSchema },
  },
  paths: {
    "/v1/check": {
      post: {
        summary: "Decide one request",
        security: [{ serviceToken: [] }],
        requestBody: {
          required: true,
          content: {
            "application/json": {
              schema: {
                type: "object",
                required: ["key", "ip", "method", "path"],
                properties: {
                  key: { type: "string" },
                  ip: { type: "string" },
                  method: { type: "string", example: "GET" },
                  path: { type: "string", example: "/api/v1/items/42" },
                  origin: {
                    type: "string",
                    description:
                      "The browser's Origin header, when it sent one. Checked against the tenant's whitelist before any limit: not listed → status 403 ORIGIN_NOT_ALLOWED, nothing consumed; listed → `headers` carry the CORS headers. Absent: no CORS check.",
                  },
                  challengeToken: { type: "string" },
                },
              },
            },
          },
        },
        responses: {
          "200": {
            description: "The decision (also when it refuses).",
            headers: { ...rateLimitHeaders, ...corsHeaders },
            content: { "application/json": { schema: { $ref: "#/components/schemas/Decision" } } },
          },
          "400": {
            description: "Bad input; `error.field` names the field.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
          "401": { description: "Missing or unknown service token." },
          "413": { description: "Body over 16 KiB." },
        },
      },
    },
    "/v1/forward-auth": {
      get: {
        summary: "Forward-auth decision for gateways",
        description:
          "Reads Authorization (Bearer key) or X-Api-Key, X-Forwarded-For (its last entry, the one the gateway added), X-Forwarded-Method, X-Forwarded-Uri, Origin. With an Origin, the tenant's CORS whitelist is checked before any limit. A CORS preflight (X-Forwarded-Method OPTIONS with Origin and Access-Control-Request-Method) needs no key and consumes nothing: its tenant is `?tenant=`, else every tenant that lists the origin. `?mode=nginx` answers non-401/403 refusals as 403 with X-Sluice-Status.",
        parameters: [
          { name: "mode", in: "query", schema: { type: "string", enum: ["nginx"] } },
          {
            name: "tenant",
            in: "query",
            schema: { type: "string" },
            description: "Tenant id or slug, for preflights on a host that serves one tenant.",
          },
          { name: "Origin", in: "header", schema: { type: "string" } },
          { name: "Access-Control-Request-Method", in: "header", schema: { type: "string" } },
          { name: "Access-Control-Request-Headers", in: "header", schema: { type: "string" } },
        ],
        responses: {
          "200": {
            description: "Allowed; copy the rate-limit headers (and the CORS ones, for a browser).",
            headers: { ...rateLimitHeaders, ...corsHeaders },
          },
          "204": {
            description: "CORS preflight allowed; answer the browser with these.",
            headers: preflightHeaders,
          },
          "400": {
            description: "A preflight with a malformed Access-Control-Request-* header or `tenant`.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
          "401": {
            description: "Key missing, invalid, revoked or expired.",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
          "403": {
            description:
              "Suspended tenant, or ORIGIN_NOT_ALLOWED: the origin is not on the tenant's list (preflights too).",
            content: { "application/json": { schema: { $ref: "#/components/schemas/Error" } } },
          },
          "429": {
            description: "Rate limited; Retry-After tells when to retry.",
            headers: { "Retry-After": { schema: { type: "integer" } }, ...rateLimitHeaders },
          },
          "503": { description: "Limiter unreachable under a fail-closed policy." },
        },
      },
      post: { $ref: "#/paths/~1v1~1forward-auth/get" },
    },
    "/v1/keys/self": {
      get: {
        summary: "Integrators: check your own key",
        security: [{ apiKey: [] }],
        responses: {
          "200": { description: "Key name, tenant, limits and current usage." },
          "401": { description: "Invalid, revoked or expired key." },
          "429": { description: "Too many checks from this IP." },
        },
      },
    },
    "/v1/openapi.json": {
      get: { summary: "This document", responses: { "200": { description: "OpenAPI 3.1" } } },
    },
    "/healthz": { get: { summary: "Liveness", responses: { "200": { description: "The process is up." } } } },
    "/readyz": {
      get: {
        summary: "Readiness",
        responses: {
          "200": { description: "The limiter store answers." },
          "503": { description: "It does not." },
        },
      },
    },
  },
};
