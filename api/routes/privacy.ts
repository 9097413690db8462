import { createRoute, z } from '@hono/zod-openapi';
import { requireRole } from '../auth/middleware.js';
import { errorResponses, IdParam } from '../schemas/common.js';
import { ContactPersonStored } from '../schemas/records.js';
import { exportContactPerson, exportToCsv, inactivateContactPerson, purgeContactPersons } from '../services/privacy.js';
import { contextOf } from '../http/context.js';
import { newRouter } from '../validation.js';

const SubjectExport = z
  .object({ contact_person: ContactPersonStored, audit: z.array(z.record(z.string(), z.unknown())) })
  .openapi('ContactPersonExport');

const ExportQuery = z.strictObject({
  format: z.enum(['json', 'csv']).default('json').openapi({ description: 'json (default) or csv.' }),
});

/** Data-subject requests about contact persons (GDPR): export, inactivate, purge. Admins only; all audited. */
export const privacyRoutes = newRouter()
  .openapi(
    createRoute({
      method: 'get', path: '/contact-persons/{id}/export', tags: ['Privacy'], middleware: [requireRole('admin')] as const,
      summary: 'Everything stored about one contact person',
      description: 'The record, its actor\'s name and the audit entries that mention the person, as JSON or CSV. The export is audited.',
      request: { params: IdParam, query: ExportQuery },
      responses: {
        200: {
          description: 'The export.',
          content: { 'application/json': { schema: SubjectExport }, 'text/csv': { schema: z.string().openapi({ description: 'section,field,value rows' }) } },
        },
        ...errorResponses(400, 401, 403, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { format } = c.req.valid('query');
      const data = await exportContactPerson(contextOf(c), id, format);
      c.header('Content-Disposition', `attachment; filename="contact-person-${id}.${format}"`);
      if (format === 'csv') return c.body(exportToCsv(data), 200, { 'Content-Type': 'text/csv; charset=utf-8' });
      return c.json(data, 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/contact-persons/{id}/inactivate', tags: ['Privacy'], middleware: [requireRole('admin')] as const,
      summary: 'Inactivate a contact person (hidden at once)',
      description: 'Inactive contact persons are no longer shown anywhere, and only administrators can read them by id; they are deleted by the purge after the retention period.',
      request: { params: IdParam },
      responses: {
        200: { description: 'The contact person, now inactive.', content: { 'application/json': { schema: ContactPersonStored } } },
        ...errorResponses(400, 401, 403, 404, 415),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await inactivateContactPerson(contextOf(c), id), 200);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/contact-persons/purge', tags: ['Privacy'], middleware: [requireRole('admin')] as const,
      summary: 'Delete contact persons inactive longer than the retention',
      description: 'The retention is the setting `contact_person_retention_days` (default in api/config.ts). Their values in the audit trail are erased too (the entries stay, reading "[raderad]"), as are those of persons deleted otherwise longer than the retention ago. Each erasure is audited without the person\'s data.',
      responses: {
        200: {
          description: 'How many were deleted.',
          content: { 'application/json': { schema: z.object({ purged: z.number().int(), retention_days: z.number().int(), ids: z.array(z.number().int()) }) } },
        },
        ...errorResponses(401, 403, 415),
      },
    }),
    async (c) => c.json(await purgeContactPersons(contextOf(c)), 200),
  );
