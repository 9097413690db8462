/**
 * The client's calls of the record writes: actors (with their contact persons) and
 * child places. Every change sends the version read as `If-Match`; the server answers
 * 412 when someone else saved first and 404 when the record is gone.
 */
import type { z } from '@hono/zod-openapi';
import type {
  ActorCreateInput, ActorPatchInput, ActorRecordFeature, ChildPlaceCreateInput, ChildPlacePatchInput, ContactPersonInputT, ContactPersonPatchInput,
  ContactPersonRecord,
} from '../../../api/schemas/records.js';
import { request } from '../lib/api.js';
import type { ChildPlace } from '../lib/apiTypes.js';

export type ActorRecord = z.infer<typeof ActorRecordFeature>;
export type PersonRecord = z.infer<typeof ContactPersonRecord>;
export type ActorCreate = ActorCreateInput;
export type ChildPlaceCreate = ChildPlaceCreateInput;
export type PersonInput = ContactPersonInputT;

export const recordsApi = {
  actor: (id: number, signal?: AbortSignal) => request<ActorRecord>(`/api/actors/${id}`, { signal }),
  createActor: (body: ActorCreateInput) => request<ActorRecord>('/api/actors', { method: 'POST', body }),
  patchActor: (id: number, version: number, body: ActorPatchInput) => request<ActorRecord>(`/api/actors/${id}`, { method: 'PATCH', body, ifMatch: version }),
  deleteActor: (id: number, version: number) => request<void>(`/api/actors/${id}`, { method: 'DELETE', ifMatch: version }),

  person: (id: number, signal?: AbortSignal) => request<PersonRecord>(`/api/contact-persons/${id}`, { signal }),
  addPerson: (actorId: number, body: ContactPersonInputT) => request<PersonRecord>(`/api/actors/${actorId}/contact-persons`, { method: 'POST', body }),
  patchPerson: (id: number, version: number, body: ContactPersonPatchInput) =>
    request<PersonRecord>(`/api/contact-persons/${id}`, { method: 'PATCH', body, ifMatch: version }),
  /** "No longer works there": hidden at once from everyone but administrators. */
  inactivatePerson: (id: number, version: number) => request<PersonRecord>(`/api/contact-persons/${id}`, { method: 'PATCH', body: { active: false }, ifMatch: version }),

  childPlace: (id: number, signal?: AbortSignal) => request<ChildPlace>(`/api/child-places/${id}`, { signal }),
  createChildPlace: (body: ChildPlaceCreateInput) => request<ChildPlace>('/api/child-places', { method: 'POST', body }),
  patchChildPlace: (id: number, version: number, body: ChildPlacePatchInput) =>
    request<ChildPlace>(`/api/child-places/${id}`, { method: 'PATCH', body, ifMatch: version }),
  deleteChildPlace: (id: number, version: number) => request<void>(`/api/child-places/${id}`, { method: 'DELETE', ifMatch: version }),
};

/** Trimmed text, or null when empty: the API's "no value". */
export const textOrNull = (s: string): string | null => (s.trim() === '' ? null : s.trim());

/** A record's optional texts as a form edits them: the API's null as empty text. */
export const textsOf = <K extends string>(properties: Partial<Record<K, string | null>>, keys: readonly K[]): Record<K, string> =>
  Object.fromEntries(keys.map((k) => [k, properties[k] ?? ''])) as Record<K, string>;

/** A form's optional texts as the API takes them, each by `textOrNull`. */
export const textsOrNull = <K extends string>(values: Record<K, string>, keys: readonly K[]): Record<K, string | null> =>
  Object.fromEntries(keys.map((k) => [k, textOrNull(values[k])])) as Record<K, string | null>;

/** The properties that differ between what was read and what the user typed (a PATCH names only those). */
export function changedKeys<T extends Record<string, unknown>>(base: T, mine: T): Partial<T> {
  const out: Partial<T> = {};
  for (const key of Object.keys(mine) as (keyof T)[]) {
    if (JSON.stringify(base[key] ?? null) !== JSON.stringify(mine[key] ?? null)) out[key] = mine[key];
  }
  return out;
}
