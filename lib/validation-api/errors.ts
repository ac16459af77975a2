/** The public error codes of the validation API and the HTTP status each one answers with. */
export const REFUSAL_STATUS = {
  BAD_REQUEST: 400,
  INVALID_KEY: 401,
  KEY_REVOKED: 401,
  KEY_EXPIRED: 401,
  UNAUTHORIZED: 401,
  ORIGIN_NOT_ALLOWED: 403,
  CHALLENGE_REQUIRED: 403,
  TENANT_SUSPENDED: 403,
  NOT_FOUND: 404,
  METHOD_NOT_ALLOWED: 405,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMIT_EXCEEDED: 429,
  LOGIN_THROTTLED: 429,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type RefusalCode = keyof typeof REFUSAL_STATUS;

export type ErrorBody = {
  code: RefusalCode;
  message: string;
  field?: string;
  retry_after?: number;
  quota_reset_at?: string;
  limit?: string;
};

export const MESSAGES: Record<RefusalCode, string> = {
  BAD_REQUEST: "The request is malformed.",
  INVALID_KEY: "The API key is missing or not valid.",
  KEY_REVOKED: "The API key has been revoked.",
  KEY_EXPIRED: "The API key has expired.",
  UNAUTHORIZED: "A valid service token is required.",
  ORIGIN_NOT_ALLOWED: "This origin is not allowed to call the API.",
  CHALLENGE_REQUIRED: "This action requires a challenge.",
  TENANT_SUSPENDED: "This account is suspended.",
  NOT_FOUND: "No such endpoint.",
  METHOD_NOT_ALLOWED: "This endpoint does not answer that method.",
  PAYLOAD_TOO_LARGE: "The request body is larger than 16 KiB.",
  RATE_LIMIT_EXCEEDED: "Request quota exhausted.",
  LOGIN_THROTTLED: "Too many login attempts.",
  SERVICE_UNAVAILABLE: "The rate limiter is unavailable; try again shortly.",
};

export function errorBody(code: RefusalCode, extra: Partial<ErrorBody> = {}): ErrorBody {
  return { code, message: MESSAGES[code], ...extra };
}
