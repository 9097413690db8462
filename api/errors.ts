/**
 * The one error module: machine codes, their HTTP statuses, the one body shape
 * `{"error":{"code","message","details"?}}`, and the texts that repeat.
 */
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

export const ERROR_STATUS = {
  bad_request: 400,
  /** A unit that names protected housing (skyddat boende), which is never entered. */
  protected_housing: 400,
  /** A password refused by the password rules (too common, the e-mail address); `details.field` names the field. */
  weak_password: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  precondition_failed: 412,
  payload_too_large: 413,
  unsupported_media_type: 415,
  precondition_required: 428,
  too_many_requests: 429,
  internal: 500,
  unavailable: 503,
} as const satisfies Record<string, ContentfulStatusCode>;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ErrorBody {
  error: { code: ErrorCode; message: string; details?: unknown; request_id?: string };
}

/** An error a client caused or must know about; becomes the JSON error body. */
export class ApiError extends HTTPException {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(ERROR_STATUS[code], { message });
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError('bad_request', message, details);
export const notFound = (what: string, id: number | string) => new ApiError('not_found', `No ${what} with id ${id}.`);

export const MESSAGES = {
  internal: 'Something went wrong on the server. The request id identifies the log entry.',
  routeNotFound: (method: string, path: string) => `No such route: ${method} ${path}. See /api/docs for the API.`,
  unauthorized: 'Sign in first (session cookie), or send a personal API token as "Authorization: Bearer <token>".',
  forbidden: (role: string) => `Your role does not allow this; it needs the role ${role}.`,
} as const;

export function errorBody(code: ErrorCode, message: string, details?: unknown, requestId?: string): ErrorBody {
  return { error: { code, message, ...(details === undefined ? {} : { details }), ...(requestId ? { request_id: requestId } : {}) } };
}
