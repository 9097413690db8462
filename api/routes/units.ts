import { etagOf, requireIfMatch } from '../http/conditional.js';
import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { IdParam } from '../schemas/common.js';
import { UnitCollection, UnitCreate, UnitDependents, UnitFeature, UnitPatch } from '../schemas/units.js';
import { createUnit, deleteUnit, getUnit, listUnits, unitDependents, updateUnit } from '../services/units.js';
import { newRouter } from '../validation.js';

export const unitsRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/units',
      tags: ['Units'],
      summary: 'All social housing units',
      description: 'Restricted units are shown to viewers with a location snapped to a 250 m grid and no address; editors and admins see them exactly, and that read is audited (`read_exact`).',
      ok: { status: 200, description: 'The units as a GeoJSON FeatureCollection.', schema: UnitCollection },
    }),
    async (c) => {
      const features = await listUnits(contextOf(c), 'GET /api/units');
      return c.json({ type: 'FeatureCollection' as const, features }, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/units/{id}',
      tags: ['Units'],
      summary: 'One unit',
      request: { params: IdParam },
      ok: { status: 200, description: 'The unit as a GeoJSON Feature; `ETag` carries its version.', schema: UnitFeature },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const unit = await getUnit(contextOf(c), id, 'GET /api/units/{id}');
      c.header('ETag', etagOf(unit.properties.version));
      return c.json(unit, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'post',
      path: '/units',
      tags: ['Units'],
      summary: 'Create a unit (editor)',
      description: 'Takes a GeoJSON Feature with a Point inside Sweden. Protected housing (skyddat boende) can never be entered.',
      role: 'editor',
      body: UnitCreate,
      ok: { status: 201, description: 'Created; `Location` and `ETag` are set.', schema: UnitFeature },
      errors: [409, 413],
    }),
    async (c) => {
      const input = c.req.valid('json');
      const unit = await createUnit(contextOf(c), input);
      c.header('ETag', etagOf(unit.properties.version));
      c.header('Location', `/api/units/${unit.id}`);
      return c.json(unit, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: 'patch',
      path: '/units/{id}',
      tags: ['Units'],
      summary: 'Change a unit (editor, If-Match)',
      description: 'A partial Feature: `geometry` and/or some `properties`. `If-Match` must carry the ETag of your read (428 without, 412 when someone changed it since).',
      role: 'editor',
      request: { params: IdParam },
      body: UnitPatch,
      ok: { status: 200, description: 'The changed unit, with its new `ETag`.', schema: UnitFeature },
      ifMatch: true,
      errors: [409, 413],
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const patch = c.req.valid('json');
      const version = requireIfMatch(c);
      const unit = await updateUnit(contextOf(c), id, version, patch);
      c.header('ETag', etagOf(unit.properties.version));
      return c.json(unit, 200);
    },
  )
  .openapi(
    jsonRoute({
      method: 'delete',
      path: '/units/{id}',
      tags: ['Units'],
      summary: 'Remove a unit (editor, If-Match)',
      role: 'editor',
      request: { params: IdParam },
      ok: { status: 204, description: 'Removed.' },
      ifMatch: true,
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const version = requireIfMatch(c);
      await deleteUnit(contextOf(c), id, version);
      return c.body(null, 204);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get',
      path: '/units/{id}/dependents',
      tags: ['Units'],
      summary: 'What removing a unit takes with it (editor)',
      description: 'Counts of the records a DELETE of the unit removes with it (activities, of them information records and open follow-ups, principle entries), for the confirmation; actors and child places stay.',
      role: 'editor',
      request: { params: IdParam },
      ok: { status: 200, description: 'The counts, and the version for If-Match.', schema: UnitDependents },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      return c.json(await unitDependents(contextOf(c), id), 200);
    },
  );
