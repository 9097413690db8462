/**
 * What a filter may ask about each collection (OGC API – Features Part 3 queryables):
 * the properties the answers carry, with their JSON types and code lists, and the
 * geometry. A parsed CQL2 expression is checked against them here, so the evaluator
 * in the database only ever meets known properties and literals of the right type.
 */
import { ACTOR_CATEGORIES, AREA_LEVELS, CHILD_PLACE_KINDS, SENSITIVITIES, UNIT_KINDS, UNIT_STATUSES } from '../schemas/common.js';
import { CqlError, type CqlExpr, type CqlScalar } from './cql2.js';
import { COLLECTIONS, type CollectionId } from './features.js';

export type QueryableType = 'string' | 'integer' | 'date-time';
export interface Queryable {
  type: QueryableType;
  title: string;
  enum?: readonly string[];
}

const text = (title: string): Queryable => ({ type: 'string', title });
const codes = (title: string, values: readonly string[]): Queryable => ({ type: 'string', title, enum: values });
const updated: Queryable = { type: 'date-time', title: 'Last changed' };

/** Each collection's queryable properties; `geometry` is queryable everywhere (S_INTERSECTS). */
export const QUERYABLES: Record<CollectionId, Record<string, Queryable>> = {
  units: {
    name: text('Name'), kind: codes('Kind of unit', UNIT_KINDS), status: codes('Status', UNIT_STATUSES),
    address: text('Address (absent where the location is shown coarsely)'), places: { type: 'integer', title: 'Places' },
    operator: text('Operator'), contact_name: text('Contact name'), contact_phone: text('Contact phone'),
    contact_email: text('Contact e-mail'), contact_hours: text('Contact hours'), sensitivity: codes('Sensitivity', SENSITIVITIES),
    location_precision: codes('Location precision', ['exact', 'coarse']), external_id: text('External id'), updated_at: updated,
  },
  actors: {
    name: text('Name'), category: codes('Category', ACTOR_CATEGORIES), organisation: text('Organisation'),
    contact_about: text('What to contact them about'), address: text('Address'), phone: text('Phone'), email: text('E-mail'),
    website: text('Website'), external_id: text('External id'), updated_at: updated,
  },
  'child-places': {
    name: text('Name'), kind: codes('Kind', CHILD_PLACE_KINDS), stages: text('School stages, comma-separated'),
    operator: text('Operator'), address: text('Address'), contact_name: text('Contact name'), contact_role: text('Contact role'),
    contact_phone: text('Contact phone'), contact_email: text('Contact e-mail'), external_id: text('External id'), updated_at: updated,
  },
  areas: {
    name: text('Name'), level: codes('Level', AREA_LEVELS), code: text('Code'), parent_name: text('Parent area'),
    external_id: text('External id'), updated_at: updated,
  },
};

/** The geometry's name in filters, as OGC API – Features Part 3 examples use it. */
export const GEOMETRY_QUERYABLE = 'geometry';

/** The queryables document (JSON Schema 2020-12) of one collection. */
export function queryablesDocument(collection: CollectionId, selfUrl: string) {
  const geometry = COLLECTIONS[collection].geometry;
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: selfUrl,
    type: 'object',
    title: COLLECTIONS[collection].title,
    properties: {
      [GEOMETRY_QUERYABLE]: { title: 'Geometry', format: geometry === 'Point' ? 'geometry-point' : 'geometry-multipolygon' },
      ...Object.fromEntries(Object.entries(QUERYABLES[collection]).map(([name, q]) => [name, {
        title: q.title,
        type: q.type === 'date-time' ? 'string' : q.type,
        ...(q.type === 'date-time' ? { format: 'date-time' } : {}),
        ...(q.enum ? { enum: q.enum } : {}),
      }])),
    },
    additionalProperties: false,
  };
}

const literalType = (v: CqlScalar): QueryableType | 'number' | 'boolean' | 'date' =>
  typeof v === 'string' ? 'string' : typeof v === 'number' ? (Number.isInteger(v) ? 'integer' : 'number') : typeof v === 'boolean' ? 'boolean' : 'timestamp' in v ? 'date-time' : 'date';

/**
 * Checks that every property the filter names is queryable in `collection` and every
 * literal fits the property's type; throws a {@link CqlError} naming what is valid.
 */
export function checkFilter(collection: CollectionId, e: CqlExpr): void {
  const props = QUERYABLES[collection];
  const names = () => [GEOMETRY_QUERYABLE, ...Object.keys(props)].join(', ');
  const queryable = (name: string): Queryable => {
    if (name === GEOMETRY_QUERYABLE) throw new CqlError(`"${GEOMETRY_QUERYABLE}" can only be used in S_INTERSECTS(…)`, 0);
    const q = props[name];
    if (!q) throw new CqlError(`"${name.slice(0, 40)}" is not a queryable of ${collection}; the queryables are ${names()}`, 0);
    return q;
  };
  const fits = (name: string, q: Queryable, v: CqlScalar) => {
    const t = literalType(v);
    const ok = q.type === 'string' ? t === 'string' : q.type === 'integer' ? t === 'integer' || t === 'number' : t === 'date-time' || t === 'date';
    if (!ok) {
      const want = q.type === 'string' ? "a 'text'" : q.type === 'integer' ? 'a number' : "TIMESTAMP('…') or DATE('…')";
      throw new CqlError(`${name} is ${q.type === 'date-time' ? 'a time' : `a ${q.type}`}: compare it with ${want}`, 0);
    }
  };
  switch (e.op) {
    case 'and': case 'or': case 'not':
      for (const a of e.args) checkFilter(collection, a);
      return;
    case 's_intersects':
      if (e.args[0].property !== GEOMETRY_QUERYABLE) throw new CqlError(`S_INTERSECTS takes the property "${GEOMETRY_QUERYABLE}"; got "${e.args[0].property.slice(0, 40)}"`, 0);
      return;
    case 'isNull':
      queryable(e.args[0].property);
      return;
    case 'like': {
      const q = queryable(e.args[0].property);
      if (q.type !== 'string') throw new CqlError(`LIKE compares text; ${e.args[0].property} is ${q.type === 'integer' ? 'a number' : 'a time'}`, 0);
      return;
    }
    case 'between': {
      const q = queryable(e.args[0].property);
      if (q.type !== 'integer') throw new CqlError(`BETWEEN compares numbers; ${e.args[0].property} is not a number`, 0);
      return;
    }
    case 'in': {
      const q = queryable(e.args[0].property);
      for (const v of e.args[1]) fits(e.args[0].property, q, v);
      return;
    }
    default: {
      const q = queryable(e.args[0].property);
      fits(e.args[0].property, q, e.args[1]);
    }
  }
}
