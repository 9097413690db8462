import { z } from '@hono/zod-openapi';
import { ApiError } from '../errors.js';
import { contextOf } from '../http/context.js';
import { etagOf, requireIfMatch } from '../http/conditional.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { IdParam } from '../schemas/common.js';
import { PrincipleEntry, PrincipleList, PrincipleParam, PrinciplePut } from '../schemas/outreach.js';
import { listPrinciples, putPrinciple } from '../services/principles.js';
import { newRouter } from '../validation.js';

export const principlesRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/units/{id}/principles',
      tags: ['Outreach'],
      summary: "A unit's five-principles checklist",
      description: 'Always five entries, principle 1–5, with Swedish and English titles; a principle never saved is `not_started` with version 0.',
      request: { params: IdParam },
      ok: { status: 200, description: 'The five entries.', schema: PrincipleList },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const principles = await listPrinciples(contextOf(c), id);
      return c.json({ unit_id: id, principles }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'put',
      path: '/units/{id}/principles/{principle}',
      tags: ['Outreach'],
      summary: 'Save one principle entry of a unit (editor)',
      description:
        'Replaces status, evidence and last_reviewed. Once the entry exists, `If-Match` with its version is required (428 without, 412 stale); ' +
        'the first save may omit it or send "0".',
      role: 'editor',
      request: {
        params: PrincipleParam,
        headers: z.object({ 'if-match': z.string().optional() }),
      },
      body: PrinciplePut,
      ok: { status: 200, description: 'The saved entry; `ETag` carries its version.', schema: PrincipleEntry },
      ifMatch: true,
    }),
    async (c) => {
      const { id, principle } = c.req.valid('param');
      let version: number | undefined;
      try {
        version = requireIfMatch(c);
      } catch (e) {
        if (!(e instanceof ApiError && e.code === 'precondition_required')) throw e;
      }
      const entry = await putPrinciple(contextOf(c), id, principle, version, c.req.valid('json'));
      c.header('ETag', etagOf(entry.version));
      return c.json(entry, 200);
    },
  );
