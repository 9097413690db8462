import type { z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { etagOf, requireIfMatch } from '../http/conditional.js';
import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { IdParam } from '../schemas/common.js';
import { ChildPlaceFeature } from '../schemas/proximity.js';
import {
  ActorCreate, ActorPatch, ActorRecordFeature, ChildPlaceCreate, ChildPlacePatch, ContactPersonInput, ContactPersonPatch, ContactPersonRecord,
} from '../schemas/records.js';
import {
  ACTOR, addContactPerson, CHILD_PLACE, CONTACT_PERSON, createActor, createChildPlace, deleteRecord, getRecord, updateRecord, type RecordKind,
} from '../services/records.js';
import { newRouter } from '../validation.js';

/** GET one, PATCH and DELETE for a versioned record at `/{plural}/{id}`. */
function itemRoutes(plural: string, tag: string, what: string, kind: RecordKind<any, any, any>, schema: z.ZodType, patchSchema: z.ZodType) {
  // The schemas vary per record, so the handlers read validated input untyped.
  type Valid = { valid(target: string): any };
  return newRouter()
    .openapi(
      jsonRoute({
        method: 'get', path: `/${plural}/{id}`, tags: [tag], summary: `One ${what}`,
        request: { params: IdParam },
        ok: { status: 200, description: `The ${what}; \`ETag\` carries its version.`, schema },
      }),
      async (c) => {
        const { id } = (c.req as Valid).valid('param');
        const record = await getRecord(contextOf(c), kind, id);
        c.header('ETag', etagOf(versionOf(record)));
        return c.json(record, 200);
      },
    )
    .openapi(
      jsonRoute({
        method: 'patch', path: `/${plural}/{id}`, tags: [tag], summary: `Change a ${what} (editor, If-Match)`, role: 'editor',
        request: { params: IdParam },
        body: patchSchema,
        ok: { status: 200, description: `The changed ${what}.`, schema },
        ifMatch: true,
        errors: [409],
      }),
      async (c) => {
        const { id } = (c.req as Valid).valid('param');
        const version = requireIfMatch(c);
        const record = await updateRecord(contextOf(c), kind, id, version, (c.req as Valid).valid('json'));
        c.header('ETag', etagOf(versionOf(record)));
        return c.json(record, 200);
      },
    )
    .openapi(
      jsonRoute({
        method: 'delete', path: `/${plural}/{id}`, tags: [tag], summary: `Remove a ${what} (editor, If-Match)`, role: 'editor',
        request: { params: IdParam },
        ok: { status: 204, description: 'Removed.' },
        ifMatch: true,
        errors: [409],
      }),
      async (c) => {
        const { id } = (c.req as Valid).valid('param');
        await deleteRecord(contextOf(c), kind, id, requireIfMatch(c));
        return c.body(null, 204);
      },
    );
}

const versionOf = (record: { version?: unknown; properties?: { version?: unknown } }): number =>
  Number(record.properties?.version ?? record.version);

/** Sets the headers of a 201: the new record's ETag and Location. */
const announceCreated = (c: Context<AppEnv>, path: string, record: { id: number; version?: unknown; properties?: { version?: unknown } }) => {
  c.header('ETag', etagOf(versionOf(record)));
  c.header('Location', `/api/${path}/${record.id}`);
};

/** Writes of actors (with contact persons) and child places; their lists live in layers.ts. */
export const recordRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'post', path: '/actors', tags: ['Actors'], summary: 'Create a neighbourhood actor (editor)', role: 'editor',
      description: 'A GeoJSON Feature with a Point inside Sweden; `properties.contact_persons` may list its first contact persons (work details only).',
      body: ActorCreate,
      ok: { status: 201, description: 'Created.', schema: ActorRecordFeature },
      errors: [409, 413],
    }),
    async (c) => {
      const actor = await createActor(contextOf(c), c.req.valid('json'));
      announceCreated(c, 'actors', actor);
      return c.json(actor as never, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: 'post', path: '/actors/{id}/contact-persons', tags: ['Actors'], summary: "Add a contact person to an actor (editor)", role: 'editor',
      request: { params: IdParam },
      body: ContactPersonInput,
      ok: { status: 201, description: 'Created.', schema: ContactPersonRecord },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const person = await addContactPerson(contextOf(c), id, c.req.valid('json'));
      announceCreated(c, 'contact-persons', person as { id: number; version: number });
      return c.json(person as never, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: 'post', path: '/child-places', tags: ['Child places'], summary: 'Create a school, preschool, leisure-time centre or playground (editor)', role: 'editor',
      body: ChildPlaceCreate,
      ok: { status: 201, description: 'Created.', schema: ChildPlaceFeature },
      errors: [409, 413],
    }),
    async (c) => {
      const place = await createChildPlace(contextOf(c), c.req.valid('json'));
      announceCreated(c, 'child-places', place);
      return c.json(place as never, 201);
    },
  )
  .route('/', itemRoutes('actors', 'Actors', 'actor', ACTOR, ActorRecordFeature, ActorPatch))
  .route('/', itemRoutes('child-places', 'Child places', 'child place', CHILD_PLACE, ChildPlaceFeature, ChildPlacePatch))
  .route('/', itemRoutes('contact-persons', 'Actors', 'contact person', CONTACT_PERSON, ContactPersonRecord, ContactPersonPatch));
