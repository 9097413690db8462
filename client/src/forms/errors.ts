/**
 * Server errors rendered in the user's language: the API answers codes with
 * parameters (`details.issues[]` of `{ path, code, params }` for validation,
 * `details.params` for business rules), and these functions turn them into the
 * catalogue's sentences. The English `message` of the API is never shown.
 */
import type { Messages } from '../i18n/index.js';
import { ApiError } from '../lib/api.js';

/** One validation issue as the API sends it (`params` since issue 14; older answers carry zod's fields flat). */
export interface ServerIssue {
  path: (string | number)[];
  code: string;
  params?: Record<string, unknown>;
  message?: string;
}

/** True for an `ApiError` with status 412: the `If-Match` version was stale (someone else saved first). */
export const isConflict = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 412;

/** True for an `ApiError` with status 404 (the record is gone). */
export const isNotFound = (e: unknown): e is ApiError => e instanceof ApiError && e.status === 404;

/** The validation issues of an error, or an empty list. */
export function issuesOf(error: unknown): ServerIssue[] {
  if (!(error instanceof ApiError)) return [];
  const details = error.details as { issues?: unknown; field?: unknown; path?: unknown; params?: unknown } | undefined;
  if (details && Array.isArray(details.issues)) {
    return details.issues
      .filter((i): i is Record<string, unknown> => !!i && typeof i === 'object')
      .map((i) => {
        const { path, code, params, message, ...rest } = i;
        return {
          path: Array.isArray(path) ? (path as (string | number)[]) : [],
          code: typeof code === 'string' ? code : 'custom',
          params: params && typeof params === 'object' ? (params as Record<string, unknown>) : rest,
          message: typeof message === 'string' ? message : undefined,
        };
      });
  }
  // A business rule about one field: `details.path` (or the older `details.field`) names it.
  const path = Array.isArray(details?.path) ? (details.path as string[]) : typeof details?.field === 'string' ? [details.field] : undefined;
  if (path) {
    const rule = typeof (details as { rule?: unknown }).rule === 'string' ? ((details as { rule: string }).rule) : error.code;
    return [{ path, code: rule, params: (details?.params as Record<string, unknown> | undefined) ?? {} }];
  }
  return [];
}

/** Every enum label table the client has, used to show an enum's allowed values in words. */
function labelTables(m: Messages): Record<string, string>[] {
  return [
    m.unitKind,
    m.unitStatus,
    m.actorCategory,
    m.childPlaceKind,
    m.ring,
    m.priority,
    m.infoStatus,
    m.stage,
    m.outreach.kind,
    m.outreach.followUpStatus,
    m.outreach.principleStatus,
    m.admin.roles,
    m.forms.values,
  ];
}

/** The labels of enum values: from the one table that holds them all, else value by value; never a raw code. */
export function valueLabels(values: readonly unknown[], m: Messages): string[] {
  const keys = values.map(String);
  const tables = labelTables(m);
  const whole = tables.find((t) => keys.every((k) => Object.prototype.hasOwnProperty.call(t, k)));
  if (whole) return keys.map((k) => whole[k]!);
  return keys.map((k) => {
    for (const t of tables) if (Object.prototype.hasOwnProperty.call(t, k)) return t[k]!;
    return /^[a-z]+(_[a-z0-9]+)+$/.test(k) ? k.replace(/_/g, ' ') : k;
  });
}

/** The localized text of one issue. */
export function issueText(issue: ServerIssue, m: Messages): string {
  const t = m.forms;
  const p = issue.params ?? {};
  const rule = (issue.code === 'custom' && typeof p.code === 'string' ? p.code : issue.code) as string;
  if (Object.prototype.hasOwnProperty.call(t.rule, rule)) return t.rule[rule]!;
  switch (issue.code) {
    case 'invalid_type':
      return p.received === 'undefined' || p.received === 'null' || (issue.message ?? '').includes('received undefined')
        ? t.issue.required
        : t.issue.invalid_type(p);
    case 'too_small':
      return t.issue.too_small(p);
    case 'too_big':
      return t.issue.too_big(p);
    case 'invalid_value':
    case 'invalid_enum_value':
      return t.issue.invalid_value(Array.isArray(p.values) ? valueLabels(p.values, m) : []);
    case 'invalid_format':
    case 'invalid_string':
      return t.issue.invalid_format(p);
    case 'not_multiple_of':
      return t.issue.not_multiple_of(p);
    case 'unrecognized_keys':
      return t.issue.unrecognized_keys(p);
    case 'invalid_union':
      return t.issue.invalid_union;
    case 'invalid_key':
      return t.issue.invalid_key;
    case 'invalid_element':
      return t.issue.invalid_element;
    default:
      return t.issue.custom;
  }
}

/**
 * The localized message per field, keyed by the server's issue path joined by '.'
 * (`properties.name`, `properties.radii.immediate`, `geometry`); the first issue of a
 * field wins. Empty for errors that are not about fields.
 */
export function fieldErrors(error: unknown, m: Messages): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issuesOf(error)) {
    const key = issue.path.map(String).join('.');
    if (!(key in out)) out[key] = issueText(issue, m);
  }
  return out;
}

/**
 * One localized sentence for the whole error: never the English server text, never a
 * raw code. With `labels` (field key → its label) a single field issue is named.
 */
export function errorText(error: unknown, m: Messages, labels?: Record<string, string>): string {
  const t = m.forms;
  if (!(error instanceof ApiError)) return t.unknown;
  if (error.status === 0) return t.network;
  const issues = issuesOf(error);
  if (issues.length && (error.status === 400 || issues.some((i) => Object.prototype.hasOwnProperty.call(t.rule, i.code)))) {
    const keyed = issues.filter((i) => i.path.length > 0);
    if (keyed.length === 0 || (issues.length === 1 && !labels)) return issueText(issues[0]!, m);
    if (issues.length === 1 && labels) {
      const label = labels[issues[0]!.path.map(String).join('.')];
      if (label) return t.fieldIssue(label, issueText(issues[0]!, m));
    }
    return t.fixFields(new Set(issues.map((i) => i.path.join('.'))).size);
  }
  const rule = (error.details as { rule?: unknown } | undefined)?.rule;
  if (typeof rule === 'string' && Object.prototype.hasOwnProperty.call(t.rule, rule)) return t.rule[rule]!;
  if (error.status === 429) return error.retryAfterSeconds ? t.tooManyWait(error.retryAfterSeconds) : t.code.too_many_requests!;
  if (Object.prototype.hasOwnProperty.call(t.rule, error.code)) return t.rule[error.code]!;
  if (Object.prototype.hasOwnProperty.call(t.code, error.code)) return t.code[error.code]!;
  const byStatus: Record<number, string> = {
    400: t.code.bad_request!,
    401: t.code.unauthorized!,
    403: t.code.forbidden!,
    404: t.code.not_found!,
    409: t.code.conflict!,
    412: t.code.precondition_failed!,
    413: t.code.payload_too_large!,
    415: t.code.unsupported_media_type!,
    428: t.code.precondition_required!,
    500: t.code.internal!,
    502: t.code.unavailable!,
    503: t.code.unavailable!,
    504: t.code.unavailable!,
  };
  return byStatus[error.status] ?? (error.status >= 500 ? t.code.internal! : t.serverStatus(error.status));
}
