import { createRoute, type RouteConfig, type z } from '@hono/zod-openapi';
import { requireRole } from '../auth/middleware.js';
import { errorResponses } from '../schemas/common.js';

/** A JSON body or answer as a route's OpenAPI description states it. */
const jsonContent = <S extends z.ZodType>(schema: S) => ({ content: { 'application/json': { schema } } });

type JsonContent<S extends z.ZodType> = ReturnType<typeof jsonContent<S>>;

/** The methods of JSON routes. */
type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

/** Parameters (and a body other than JSON), as `createRoute` takes them. */
type Parameters = NonNullable<RouteConfig['request']>;

/** The success answer of a route: its status, what it means, and its JSON schema unless it has no body. */
interface Answer<S extends number, A extends z.ZodType | undefined> {
  status: S;
  description: string;
  schema?: A;
}

/** What a JSON route states of its own; the JSON content, the error answers and the role check are built from it. */
export interface JsonRouteSpec<
  M extends string, P extends string, Q extends Parameters, B extends z.ZodType | undefined, S extends number, E extends number, A extends z.ZodType | undefined,
> {
  method: M;
  path: P;
  tags: string[];
  summary: string;
  description?: string;
  /** The lowest role allowed, checked by `requireRole` before the handler; left out for viewer, whom the app requires of every route past the public ones. */
  role?: 'editor' | 'admin';
  request?: Q;
  /** The schema of a required JSON body. */
  body?: B;
  /** The handler checks `If-Match` with `requireIfMatch`: documents its 428 (missing) and 412 (stale). */
  ifMatch?: boolean;
  ok: Answer<S, A>;
  /**
   * The error statuses the route can answer beyond those its shape implies (see
   * {@link impliedErrors}), such as 409 and 413.
   */
  errors?: E[];
}

/** What decides the error statuses a route answers whatever it does. */
interface Shape {
  path: string;
  hasRequest: boolean;
  role: boolean;
  jsonBody: boolean;
  ifMatch: boolean;
}

/**
 * The error statuses every route of a shape answers: 401 (each route here wants a
 * signed-in caller), 400 for a request that can fail validation, 403 below its role,
 * 404 for an unknown path parameter, 415 for a body that is not JSON, 412 and 428 for
 * a write that takes If-Match.
 */
function impliedErrors(s: Shape): number[] {
  return [
    ...(s.hasRequest ? [400] : []), 401, ...(s.role ? [403] : []), ...(s.path.includes('{') ? [404] : []),
    ...(s.ifMatch ? [412] : []), ...(s.jsonBody ? [415] : []), ...(s.ifMatch ? [428] : []),
  ];
}

/** The answers by status; the success and the error statuses are disjoint, so no status has two schemas. */
type Responses<S extends number, E extends number, A extends z.ZodType | undefined> = {
  [K in S]: [A] extends [z.ZodType] ? { description: string } & JsonContent<A> : { description: string };
} & { [K in Exclude<E, S>]: ReturnType<typeof errorResponses>[string] };

type Request<Q extends Parameters, B extends z.ZodType | undefined> = Q & ([B] extends [z.ZodType] ? { body: { required: true } & JsonContent<B> } : {});

/** The route configuration `jsonRoute` hands to `createRoute`, typed as if written out. */
type JsonRouteConfig<M extends Method, P extends string, Q extends Parameters, B extends z.ZodType | undefined, S extends number, E extends number, A extends z.ZodType | undefined> = {
  method: M;
  path: P;
  tags: string[];
  summary: string;
  description?: string;
  request: Request<Q, B>;
  responses: Responses<S, E, A>;
};

/**
 * What `createRoute` makes of that configuration. The caller's literals (path, statuses)
 * alone decide the type: `NoInfer` keeps the route table it is passed to from widening them.
 */
type JsonRoute<M extends Method, P extends string, Q extends Parameters, B extends z.ZodType | undefined, S extends number, E extends number, A extends z.ZodType | undefined> = ReturnType<
  typeof createRoute<P, JsonRouteConfig<M, P, Q, B, S, E, A>>
>;

/**
 * `createRoute` for a route that takes and answers JSON: the route names its parameters,
 * body schema, success answer and error statuses, and the OpenAPI scaffolding around them
 * (content types, the error body, `requireRole`) is the same for every route.
 */
export function jsonRoute<
  M extends Method,
  P extends string,
  S extends number,
  E extends number = never,
  Q extends Parameters = {},
  B extends z.ZodType | undefined = undefined,
  A extends z.ZodType | undefined = undefined,
>(spec: JsonRouteSpec<M, P, Q, B, S, E, A>): NoInfer<JsonRoute<M, P, Q, B, S, E, A>> {
  const { role, request, body, ifMatch = false, ok, errors = [], ...described } = spec;
  const parts = { ...request, ...(body ? { body: { required: true, ...jsonContent(body) } } : {}) };
  const hasRequest = Object.keys(parts).length > 0;
  const answer = { description: ok.description, ...(ok.schema ? jsonContent(ok.schema) : {}) };
  const implied = impliedErrors({ path: spec.path, hasRequest, role: role !== undefined, jsonBody: body !== undefined, ifMatch });
  const statuses = [...new Set([...implied, ...errors])];
  const config = {
    ...described,
    ...(role ? { middleware: [requireRole(role)] } : {}),
    ...(hasRequest ? { request: parts } : {}),
    responses: { [ok.status]: answer, ...errorResponses(...statuses) },
  };
  return createRoute(config as JsonRouteConfig<M, P, Q, B, S, E, A>);
}
