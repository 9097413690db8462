/**
 * Actor and child-place suggestions from OpenStreetMap: the points of interest inside a
 * unit's outer ring that the register does not hold yet, mapped to the product's actor
 * categories and child-place kinds. Accepting one creates the record through the
 * records service (the same validation, rules and audit as a hand-made one); dismissing
 * one is kept per unit apart from the base data, so a re-import does not bring it back.
 */
import { statement } from '../db/statements.js';
import { ApiError, notFound } from '../errors.js';
import type { ActorCategory, ChildPlaceKind } from '../schemas/common.js';
import type { SuggestionT } from '../schemas/addresses.js';
import { ActorCreate, ChildPlaceCreate } from '../schemas/records.js';
import { describeIssues } from '../validation.js';
import { addressLabel } from './addresses.js';
import { audit } from './audit.js';
import { seesExact, writerOf, type RequestContext } from './context.js';
import { createActor, createChildPlace } from './records.js';

/**
 * A point of interest is "already in the register" when a record lies within this many
 * metres and its name is at least this trigram-similar (pg_trgm similarity, 0–1): the
 * same café entered by hand, with "Café" spelt differently, is not suggested again.
 */
export const SUGGESTION_MATCH_M = 50;
export const SUGGESTION_MATCH_SIMILARITY = 0.5;

export type SuggestionTarget = { record: 'actor'; category: ActorCategory } | { record: 'child_place'; kind: ChildPlaceKind };

const actor = (category: ActorCategory): SuggestionTarget => ({ record: 'actor', category });
const child = (kind: ChildPlaceKind): SuggestionTarget => ({ record: 'child_place', kind });

/** Keys whose every value maps to one target (shop=bakery, shop=supermarket… are all shops). */
const WHOLE_KEYS: Record<string, SuggestionTarget> = { shop: actor('shop'), healthcare: actor('health'), club: actor('association') };

/** key=value tags and what they become. */
const PAIRS: Record<string, SuggestionTarget> = {
  'amenity=cafe': actor('restaurant'), 'amenity=restaurant': actor('restaurant'), 'amenity=fast_food': actor('restaurant'),
  'amenity=pub': actor('restaurant'), 'amenity=bar': actor('restaurant'), 'amenity=ice_cream': actor('restaurant'),
  'amenity=place_of_worship': actor('faith'),
  'amenity=police': actor('police'),
  'amenity=library': actor('library'),
  'amenity=clinic': actor('health'), 'amenity=doctors': actor('health'), 'amenity=dentist': actor('health'),
  'amenity=hospital': actor('health'), 'amenity=pharmacy': actor('health'),
  'amenity=community_centre': actor('association'), 'office=association': actor('association'), 'office=ngo': actor('association'),
  'leisure=sports_centre': actor('leisure'), 'leisure=sports_hall': actor('leisure'), 'leisure=fitness_centre': actor('leisure'),
  'amenity=arts_centre': actor('leisure'),
  'amenity=bus_station': actor('public_transport'), 'public_transport=station': actor('public_transport'),
  'amenity=school': child('school'), 'amenity=kindergarten': child('preschool'), 'leisure=playground': child('playground'),
  'amenity=youth_centre': child('leisure_centre'),
};

/**
 * What a point of interest becomes, or null when the product has no place for it. A
 * community centre tagged community_centre=youth_centre is a fritidsgård: a child place.
 */
export function mapPoi(key: string, value: string, tags: Record<string, unknown> = {}): SuggestionTarget | null {
  if (key === 'amenity' && value === 'community_centre' && tags.community_centre === 'youth_centre') return child('leisure_centre');
  return PAIRS[`${key}=${value}`] ?? WHOLE_KEYS[key] ?? null;
}

/** Swedish names for a point of interest OpenStreetMap gives no name (a playground rarely has one). */
const UNNAMED: Record<string, string> = {
  school: 'Skola', preschool: 'Förskola', playground: 'Lekplats', leisure_centre: 'Fritidsgård',
  shop: 'Butik', restaurant: 'Restaurang eller kafé', faith: 'Trossamfund', police: 'Polis', library: 'Bibliotek', health: 'Vårdinrättning',
  association: 'Förening eller föreningslokal', leisure: 'Fritidsanläggning', public_transport: 'Kollektivtrafik',
};

const list = statement('suggestion_list', ['unit_id', 'need_to_know', 'keys', 'pairs', 'match_m', 'match_sim', 'osm_type', 'osm_id']);
const unitExists = statement('suggestion_unit', ['unit_id']);
const dismissStmt = statement('suggestion_dismiss', ['osm_type', 'osm_id', 'unit_id', 'user_id', 'now']);
const anyPoi = statement('suggestion_any_poi', []);

interface PoiRow { osm_type: 'node' | 'way' | 'relation'; osm_id: number; key: string; value: string; name: string | null; tags: Record<string, unknown>; lon: number; lat: number; distance_m: number }

const tagText = (tags: Record<string, unknown>, k: string): string | null => (typeof tags[k] === 'string' && (tags[k] as string).trim() ? (tags[k] as string).trim() : null);

/** "Vasagatan 12, 411 24 Göteborg" from the addr:* tags, or null without a street. */
export function addressOfTags(tags: Record<string, unknown>): string | null {
  const street = tagText(tags, 'addr:street');
  if (!street) return null;
  return addressLabel({ street, housenumber: tagText(tags, 'addr:housenumber'), postcode: tagText(tags, 'addr:postcode')?.replace(/\s/g, '') ?? null, city: tagText(tags, 'addr:city') });
}

function present(r: PoiRow): SuggestionT | null {
  const tags = typeof r.tags === 'string' ? (JSON.parse(r.tags) as Record<string, unknown>) : (r.tags ?? {});
  const target = mapPoi(r.key, r.value, tags);
  if (!target) return null;
  const word = UNNAMED[target.record === 'actor' ? target.category : target.kind] ?? 'Plats';
  const name = r.name?.trim() ? r.name.trim().slice(0, 200) : word;
  return {
    type: 'Feature',
    id: `osm:${r.osm_type}/${r.osm_id}`,
    geometry: { type: 'Point', coordinates: [Number(r.lon), Number(r.lat)] },
    properties: {
      osm_type: r.osm_type, osm_id: Number(r.osm_id), name, named: Boolean(r.name?.trim()), tag: `${r.key}=${r.value}`,
      record: target.record, category: target.record === 'actor' ? target.category : null, kind: target.record === 'child_place' ? target.kind : null,
      address: addressOfTags(tags)?.slice(0, 300) ?? null, distance_m: Number(r.distance_m),
    },
  };
}

async function rows(ctx: RequestContext, unitId: number, one?: { osm_type: string; osm_id: number }) {
  if (!(await unitExists.one(ctx.reader, { unit_id: unitId }))) throw notFound('unit', unitId);
  const found = await list.run<PoiRow>(ctx.db, {
    unit_id: unitId, need_to_know: seesExact(ctx), keys: Object.keys(WHOLE_KEYS).join(','), pairs: Object.keys(PAIRS).join(','),
    match_m: SUGGESTION_MATCH_M, match_sim: SUGGESTION_MATCH_SIMILARITY, osm_type: one?.osm_type ?? null, osm_id: one?.osm_id ?? null,
  });
  return found.map(present).filter((s): s is SuggestionT => s !== null);
}

/** The suggestions for one unit, nearest first; `pois_imported` false when no point of interest is imported at all. */
export async function listSuggestions(ctx: RequestContext, unitId: number) {
  const features = await rows(ctx, unitId);
  const pois_imported = features.length > 0 || Boolean((await anyPoi.one<{ any: boolean }>(ctx.reader, {}))?.any);
  return { type: 'FeatureCollection' as const, features, pois_imported };
}

const notSuggested = (unitId: number, osmType: string, osmId: number) =>
  new ApiError('not_found', `osm:${osmType}/${osmId} is not a suggestion for unit ${unitId}: it is outside the unit's outer ring, already in the register, dismissed, or not imported.`);

/** Creates the actor or child place a suggestion describes, with external_id osm:<type>/<id>. */
export async function acceptSuggestion(ctx: RequestContext, unitId: number, osmType: 'node' | 'way' | 'relation', osmId: number) {
  writerOf(ctx);
  const [s] = await rows(ctx, unitId, { osm_type: osmType, osm_id: osmId });
  if (!s) throw notSuggested(unitId, osmType, osmId);
  const p = s.properties;
  const geometry = s.geometry;
  if (p.record === 'actor') {
    const parsed = ActorCreate.safeParse({
      type: 'Feature', geometry, properties: { name: p.name, category: p.category, address: p.address, external_id: s.id },
    });
    if (!parsed.success) throw new ApiError('bad_request', `The point of interest cannot become an actor: ${describeIssues(parsed.error.issues, 'suggestion')}.`);
    const feature = await createActor(ctx, parsed.data);
    return { record: 'actor' as const, id: feature.id, feature };
  }
  const parsed = ChildPlaceCreate.safeParse({
    type: 'Feature', geometry, properties: { name: p.name, kind: p.kind, address: p.address, external_id: s.id },
  });
  if (!parsed.success) throw new ApiError('bad_request', `The point of interest cannot become a child place: ${describeIssues(parsed.error.issues, 'suggestion')}.`);
  const feature = await createChildPlace(ctx, parsed.data);
  return { record: 'child_place' as const, id: feature.id, feature };
}

/** Dismisses a suggestion for this unit, for good (re-imports keep it dismissed). */
export async function dismissSuggestion(ctx: RequestContext, unitId: number, osmType: 'node' | 'way' | 'relation', osmId: number): Promise<void> {
  const user = writerOf(ctx);
  const [s] = await rows(ctx, unitId, { osm_type: osmType, osm_id: osmId });
  if (!s) throw notSuggested(unitId, osmType, osmId);
  await ctx.db.transaction(async (tx) => {
    await dismissStmt.run(tx, { osm_type: osmType, osm_id: osmId, unit_id: unitId, user_id: user.id, now: ctx.now.toISOString() });
    await audit(tx, { at: ctx.now, user, action: 'create', entity: 'suggestion_dismissal', entityId: `${unitId}:osm:${osmType}/${osmId}`, after: { unit_id: unitId, osm: s.id, name: s.properties.name } });
  });
}
