/**
 * The unit writes (create, change, close/reopen, remove) and the count of what a
 * removal takes with it. Types are the server's own zod schemas (type-only imports);
 * errors come as the shared `ApiError` of `lib/api.ts`.
 */
import type { UnitCreateInput, UnitDependentsT, UnitPatchInput } from '../../../../api/schemas/units.js';
import { request } from '../../lib/api.js';
import type { Unit } from '../../lib/apiTypes.js';

export type UnitCreateBody = UnitCreateInput;
export type UnitPatchBody = UnitPatchInput;
export type UnitDependents = UnitDependentsT;

export const unitApi = {
  create: (body: UnitCreateBody) => request<Unit>('/api/units', { method: 'POST', body }),
  /** A partial change; `version` is the one read (412 when someone saved since). */
  update: (id: number, version: number, body: UnitPatchBody) => request<Unit>(`/api/units/${id}`, { method: 'PATCH', body, ifMatch: version }),
  remove: (id: number, version: number) => request<void>(`/api/units/${id}`, { method: 'DELETE', ifMatch: version }),
  /** What a removal takes with it (editors), with the version for the DELETE. */
  dependents: (id: number, signal?: AbortSignal) => request<UnitDependents>(`/api/units/${id}/dependents`, { signal }),
};
