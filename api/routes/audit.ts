import { z } from '@hono/zod-openapi';
import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { page, pageOf, pagingQuery } from '../schemas/common.js';
import { searchAudit } from '../services/audit.js';
import { newRouter } from '../validation.js';

/** The actions an audit entry can record (the CHECK in sql/migrations/0002_audit.sql). */
export const AUDIT_ACTIONS = ['create', 'update', 'delete', 'read_exact', 'export', 'import', 'login', 'logout', 'purge'] as const;

const Timestamp = z.string().datetime({ offset: true, error: 'must be an ISO 8601 date-time, e.g. 2026-01-31T00:00:00Z' });

const AuditQuery = z
  .strictObject({
    entity: z.string().min(1).max(50).optional().openapi({ example: 'unit' }),
    entity_id: z.string().min(1).max(50).optional(),
    user_id: z.coerce.number({ error: 'user_id must be a positive integer' }).int().positive().max(2147483647).optional(),
    action: z.enum(AUDIT_ACTIONS).optional(),
    from: Timestamp.optional().openapi({ description: 'Entries at or after this time.' }),
    to: Timestamp.optional().openapi({ description: 'Entries before this time.' }),
    ...pagingQuery,
  })
  .superRefine((q, ctx) => {
    if (q.from && q.to && Date.parse(q.to) <= Date.parse(q.from)) {
      ctx.addIssue({ code: 'custom', path: ['to'], params: { code: 'range_reversed', from: q.from }, message: 'to must be later than from (the range is from ≤ time < to)' });
    }
  })
  .openapi('AuditQuery');

export const AuditEntry = z
  .object({
    id: z.number().int(),
    at: z.string().openapi({ description: 'When it happened (the newest of a folded run), ISO 8601 in UTC.' }),
    first_at: z.string().openapi({ description: 'When a folded run of exact reads began; equal to `at` for a single entry.' }),
    count: z.number().int().min(1).openapi({ description: 'How many entries this row stands for: repeated exact reads of the same units by one user, each within the session idle time of the one before, are one row.' }),
    user_id: z.number().int().nullable(), user_email: z.string().nullable(),
    action: z.enum(AUDIT_ACTIONS), entity: z.string(), entity_id: z.string().nullable(),
    before: z.unknown().nullable(), after: z.unknown().nullable(), details: z.unknown().nullable(),
  })
  .openapi('AuditEntry');

/**
 * The audit log, read-only (admins). No route changes it, and the database refuses UPDATE and DELETE on it.
 * Contact persons' personal values are shown while held; after a purge their fields read '[raderad]'.
 */
export const auditRoutes = newRouter().openapi(
  jsonRoute({
    method: 'get', path: '/audit', tags: ['Audit'], summary: 'Search the audit log', role: 'admin',
    description: 'Newest first. Filters combine with AND. Repeated exact reads of the same units by one user are folded into one row with `count`; `number_matched` counts rows in all, `number_returned` this page. A `to` not later than `from` is refused (400, rule `range_reversed`).',
    request: { query: AuditQuery },
    ok: { status: 200, description: 'A page of entries.', schema: page('entries', AuditEntry).openapi('AuditPage') },
  }),
  async (c) => {
    const q = c.req.valid('query');
    const { entries, total } = await searchAudit(contextOf(c), {
      entity: q.entity ?? null, entityId: q.entity_id ?? null, userId: q.user_id ?? null, action: q.action ?? null,
      from: q.from ?? null, to: q.to ?? null, limit: q.limit, offset: q.offset,
    });
    return c.json(pageOf('entries', entries, total), 200);
  },
);
