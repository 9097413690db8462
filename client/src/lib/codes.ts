/**
 * The API's codes in the order the UI lists them. The lists are checked against the
 * API's types so a code added there fails the type check here until it is placed.
 */
import type { ActorCategory, AreaLevel, ChildPlaceKind, InformationStatus, Priority, Ring, UnitKind, UnitStatus } from './apiTypes.js';

/** Compile-time check that a tuple lists every member of a union exactly as the union has it. */
const all =
  <T>() =>
  <const L extends readonly T[]>(list: L & ([T] extends [L[number]] ? unknown : { missing: Exclude<T, L[number]> })): L =>
    list;

export const UNIT_KINDS = all<UnitKind>()(['care_home', 'supported_housing', 'emergency_housing', 'shelter', 'training_flats', 'housing_first']);
export const UNIT_STATUSES = all<UnitStatus>()(['open', 'planned', 'closed']);
export const ACTOR_CATEGORIES = all<ActorCategory>()([
  'property_owner', 'housing_company', 'shop', 'restaurant', 'police', 'security', 'faith',
  'association', 'public_transport', 'library', 'health', 'park_street', 'leisure', 'other',
]);
export const CHILD_PLACE_KINDS = all<ChildPlaceKind>()(['school', 'preschool', 'leisure_centre', 'playground']);
export const AREA_LEVELS = all<AreaLevel>()(['city_area', 'primary_area', 'other']);
export const RINGS = all<Ring>()(['immediate', 'neighbourhood', 'area']);
export const PRIORITIES = all<Priority>()(['high', 'medium', 'low']);
export const INFORMATION_STATUSES = all<InformationStatus>()(['overdue', 'not_informed', 'due_soon', 'informed']);

/** Narrows an untrusted string (URL, form) to one of a list of codes. */
export function asCode<T extends string>(list: readonly T[], value: string | null | undefined): T | undefined {
  return list.find((c) => c === value);
}
