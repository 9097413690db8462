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

/** One validation issue as the API answers it: a stable code and what is valid, besides the English message. */
export interface IssueDetail {
  path: string[];
  /** zod's issue code (`invalid_type`, `too_small`, `too_big`, `invalid_value`, `invalid_format`, `unrecognized_keys`, …) or a rule code (`protected_housing`, `outside_sweden`, … in `RULE_CODES`). */
  code: string;
  /** What is valid: `minimum`/`maximum` (+ `origin`, `inclusive`), `values`, `expected` (+ `received`), `format`, `keys`, `divisor`, or a rule's own values. */
  params: Record<string, unknown>;
  message: string;
}

const jsonSafe = (v: unknown): unknown => (typeof v === 'bigint' ? Number(v) : v instanceof Date ? v.toISOString() : v);

/** The machine-readable form of one zod issue: the client renders it from its catalogue without the message. */
export function issueDetail(i: z.core.$ZodIssue): IssueDetail {
  const path = i.path.map(String);
  const base = { path, message: i.message };
  switch (i.code) {
    case 'invalid_type': {
      const received = /received (\w+)/.exec(i.message)?.[1];
      return { ...base, code: i.code, params: { expected: i.expected, ...(received ? { received } : {}) } };
    }
    case 'too_small':
      return { ...base, code: i.code, params: { origin: i.origin, minimum: jsonSafe(i.minimum), inclusive: i.inclusive ?? true, ...(i.exact ? { exact: true } : {}) } };
    case 'too_big':
      return { ...base, code: i.code, params: { origin: i.origin, maximum: jsonSafe(i.maximum), inclusive: i.inclusive ?? true, ...(i.exact ? { exact: true } : {}) } };
    case 'invalid_value':
      return { ...base, code: i.code, params: { values: i.values.map(jsonSafe) } };
    case 'invalid_format':
      return { ...base, code: i.code, params: { format: i.format, ...('pattern' in i && i.pattern ? { pattern: String(i.pattern) } : {}) } };
    case 'not_multiple_of':
      return { ...base, code: i.code, params: { divisor: jsonSafe(i.divisor) } };
    case 'unrecognized_keys':
      return { ...base, code: i.code, params: { keys: i.keys } };
    case 'invalid_key':
    case 'invalid_element':
      return { ...base, code: i.code, params: { origin: i.origin } };
    case 'invalid_union':
      return { ...base, code: i.code, params: {} };
    case 'custom': {
      const { code, ...params } = (i.params ?? {}) as Record<string, unknown>;
      return { ...base, code: typeof code === 'string' ? code : 'custom', params: Object.fromEntries(Object.entries(params).map(([k, v]) => [k, jsonSafe(v)])) };
    }
    default:
      return { ...base, code: (i as { code: string }).code, params: {} };
  }
}

/**
 * The hook every OpenAPI route uses: a failed validation becomes a 400 in the one
 * error shape, naming the parameter; `details.issues[]` carries `{ path, code, params,
 * message }` per issue so that clients render it in their own language.
 */
export const validationHook: Hook<any, AppEnv, any, any> = (result, c) => {
  if (!result.success) {
    const target = (result as { target?: string }).target ?? 'input';
    const where = target === 'json' ? 'body' : target;
    throw new ApiError(issueCode(result.error.issues), `Invalid ${where}: ${describeIssues(result.error.issues, where)}`, {
      issues: result.error.issues.map(issueDetail),
    });
  }
  void c;
  return undefined;
};

/** A router for one resource, with the shared validation hook. Mount it with `app.route('/api', …)`. */
export const newRouter = () => new OpenAPIHono<AppEnv>({ defaultHook: validationHook });
