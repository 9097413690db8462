import type { Hook } from '@hono/zod-openapi';
import { OpenAPIHono } from '@hono/zod-openapi';
import type { z } from '@hono/zod-openapi';
import type { AppEnv } from "./env.js";
import { ApiError, ERROR_STATUS, type ErrorCode } from "./errors.js";

/** Turns zod issues into one sentence that names each bad field and what is valid. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], where: string): string {
  return issues
    .slice(0, 5)
    .map((i) => {
      const field = i.path.length ? i.path.join('.') : where;
      if (i.code === 'unrecognized_keys') return `${field === where ? where : field}: unknown ${i.keys.length > 1 ? 'keys' : 'key'} ${i.keys.map((k) => `"${k}"`).join(', ')}`;
      if (i.code === 'invalid_value') return `${field}: must be one of ${i.values.map((v) => String(v)).join(', ')}`;
      return `${field}: ${i.message}`;
    })
    .join('; ');
}

/** The error code of a failed validation: one a custom issue names in `params.code` (such as `protected_housing`), else `bad_request`. */
function issueCode(issues: readonly z.core.$ZodIssue[]): ErrorCode {
  for (const i of issues) {
    const code = i.code === 'custom' ? (i.params as { code?: unknown } | undefined)?.code : undefined;
    if (typeof code === 'string' && code in ERROR_STATUS && ERROR_STATUS[code as ErrorCode] === 400) return code as ErrorCode;
  }
  return 'bad_request';
}

/**
 * The hook every OpenAPI route uses: a failed validation becomes a 400 in the one
 * error shape, naming the parameter.
 */
export const validationHook: Hook<any, AppEnv, any, any> = (result, c) => {
  if (!result.success) {
    const target = (result as { target?: string }).target ?? 'input';
    const where = target === 'json' ? 'body' : target;
    throw new ApiError(issueCode(result.error.issues), `Invalid ${where}: ${describeIssues(result.error.issues, where)}`, {
      issues: result.error.issues.map((i) => ({ path: i.path.map(String), message: i.message, code: i.code })),
    });
  }
  void c;
  return undefined;
};

/** A router for one resource, with the shared validation hook. Mount it with `app.route('/api', …)`. */
export const newRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
