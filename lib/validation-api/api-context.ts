import type { LimiterStore } from "@/lib/limiter/types";
import type { PolicySource } from "@/lib/policy/policy-source";
import type { DecideDeps } from "./decide";
import type { PreflightTenants } from "./preflight-tenants";
import type { RepeatedRefusals } from "./repeated-refusals";
import type { ServiceAuth } from "./service-auth";

/** Everything a route needs, built once by the server's entry point. */
export type ApiContext = {
  deps: DecideDeps;
  source: PolicySource;
  /** Finds the tenant of a browser preflight, which carries no API key. */
  preflightTenants: PreflightTenants;
  serviceAuth: ServiceAuth;
  /** Answers to /v1/check bodies refused moments ago (see repeated-refusals.ts). */
  repeatedRefusals: RepeatedRefusals;
  /** For /v1/keys/self's own per-IP throttle. */
  store: LimiterStore;
  /** Resolves when the limiter store answers (readiness). */
  ping: () => Promise<void>;
};
