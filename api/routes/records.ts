import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { requireRole } from '../auth/middleware.js';
import type { AppEnv } from '../env.js';
import { etagOf, requireIfMatch } from '../http/conditional.js';
import { contextOf } from '../http/context.js';
import { errorResponses, IdParam } from '../schemas/common.js';
import { ChildPlaceFeature } from '../schemas/proximity.js';
import {
  ActorCreate, ActorPatch, ActorRecordFeature, ChildPlaceCreate, ChildPlacePatch, ContactPersonInput, ContactPersonPatch, ContactPersonRecord,
} from '../schemas/records.js';
import {
  ACTOR, addContactPerson, CHILD_PLACE, CONTACT_PERSON, createActor, createChildPlace, deleteRecord, getRecord, updateRecord, type RecordKind,
} from '../services/records.js';
import { newRouter } from '../validation.js';

const json = <S extends z.ZodType>(schema: S) => ({ 'application/json': { schema } });

/** GET one, PATCH and DELETE for a versioned record at `/{plural}/{id}`. */
function itemRoutes(plural: string, tag: string, what: string, kind: RecordKind<any, any, any>, schema: z.ZodType, patchSchema: z.ZodType) {
  // The schemas vary per record, so the handlers read validated input untyped.
  type Valid = { valid(target: string): any };
  return newRouter()
    .openapi(
      createRoute({
        method: 'get', path: `/${plural}/{id}`, tags: [tag], summary: `One ${what}`,
        request: { params: IdParam },
        responses: { 200: { description: `The ${what}; \`ETag\` carries its version.`, content: json(schema) }, ...errorResponses(400, 401, 404) },
      }),
      async (c) => {
        const { id } = (c.req as Valid).valid('param');
        const record = await getRecord(contextOf(c), kind, id);
        c.header('ETag', etagOf(versionOf(record)));
        return c.json(record, 200);
      },
    )
    .openapi(
      createRoute({
        method: 'patch', path: `/${plural}/{id}`, tags: [tag], summary: `Change a ${what} (editor, If-Match)`, middleware: [requireRole('editor')] as const,
        request: { params: IdParam, body: { required: true, content: json(patchSchema) } },
        responses: { 200: { description: `The changed ${what}.`, content: json(schema) }, ...errorResponses(400, 401, 403, 404, 409, 412, 415, 428) },
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
      createRoute({
        method: 'delete', path: `/${plural}/{id}`, tags: [tag], summary: `Remove a ${what} (editor, If-Match)`, middleware: [requireRole('editor')] as const,
        request: { params: IdParam },
        responses: { 204: { description: 'Removed.' }, ...errorResponses(400, 401, 403, 404, 409, 412, 428) },
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
    createRoute({
      method: 'post', path: '/actors', tags: ['Actors'], summary: 'Create a neighbourhood actor (editor)', middleware: [requireRole('editor')] as const,
      description: 'A GeoJSON Feature with a Point inside Sweden; `properties.contact_persons` may list its first contact persons (work details only).',
      request: { body: { required: true, content: json(ActorCreate) } },
      responses: { 201: { description: 'Created.', content: json(ActorRecordFeature) }, ...errorResponses(400, 401, 403, 409, 413, 415) },
    }),
    async (c) => {
      const actor = await createActor(contextOf(c), c.req.valid('json'));
      announceCreated(c, 'actors', actor);
      return c.json(actor as never, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/actors/{id}/contact-persons', tags: ['Actors'], summary: "Add a contact person to an actor (editor)", middleware: [requireRole('editor')] as const,
      request: { params: IdParam, body: { required: true, content: json(ContactPersonInput) } },
      responses: { 201: { description: 'Created.', content: json(ContactPersonRecord) }, ...errorResponses(400, 401, 403, 404, 415) },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const person = await addContactPerson(contextOf(c), id, c.req.valid('json'));
      announceCreated(c, 'contact-persons', person as { id: number; version: number });
      return c.json(person as never, 201);
    },
  )
  .openapi(
    createRoute({
      method: 'post', path: '/child-places', tags: ['Child places'], summary: 'Create a school, preschool, leisure-time centre or playground (editor)', middleware: [requireRole('editor')] as const,
      request: { body: { required: true, content: json(ChildPlaceCreate) } },
      responses: { 201: { description: 'Created.', content: json(ChildPlaceFeature) }, ...errorResponses(400, 401, 403, 409, 413, 415) },
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
