/**
 * Calls of the outreach endpoints. Types are the server's own zod schemas
 * (type-only imports, nothing of zod reaches the bundle); errors are parsed into the
 * shared `ApiError` by the one request function of `lib/api.ts`.
 */
import type { z } from 'zod';
import type {
  Activity, ActivityCreate, ActivityList, ActivityPatch, FollowUpList, Implementation, MarkInformedResult, PrincipleEntry, PrincipleList, PrinciplePut,
} from '../../../api/schemas/outreach.js';
import { queryString, request, type QueryValue } from '../lib/api.js';
import type { Me } from '../lib/apiTypes.js';

export type ActivityT = z.infer<typeof Activity>;
export type ActivityInput = z.input<typeof ActivityCreate>;
export type ActivityChange = z.input<typeof ActivityPatch>;
export type ImplementationT = z.infer<typeof Implementation>;
export type ImplementationUnitT = ImplementationT['units']['features'][number];
export type PrincipleEntryT = z.infer<typeof PrincipleEntry>;
export type PrincipleInput = z.input<typeof PrinciplePut>;
export type PrincipleStatus = PrincipleEntryT['status'];
export type FollowUpStatus = NonNullable<ActivityT['follow_up_status']>;
export type ActivityKind = ActivityT['kind'];

export const ACTIVITY_KINDS: readonly ActivityKind[] = ['meeting', 'information', 'safety_walk', 'contact', 'dialogue', 'observation'];
export const FOLLOW_UP_KINDS: readonly ActivityKind[] = ['observation', 'safety_walk'];
export const FOLLOW_UP_STATUSES: readonly FollowUpStatus[] = ['open', 'in_progress', 'done'];
export const PRINCIPLE_STATUSES: readonly PrincipleStatus[] = ['not_started', 'in_progress', 'in_place'];

export const canEdit = (me: Me | undefined): boolean => me?.role === 'editor' || me?.role === 'admin';

export const outreachApi = {
  activities: (unitId: number, filters: Record<string, QueryValue> = {}, signal?: AbortSignal) =>
    request<z.infer<typeof ActivityList>>(`/api/units/${unitId}/activities${queryString(filters)}`, { signal }),
  activity: (id: number, signal?: AbortSignal) => request<ActivityT>(`/api/activities/${id}`, { signal }),
  createActivity: (unitId: number, body: ActivityInput) => request<ActivityT>(`/api/units/${unitId}/activities`, { method: 'POST', body }),
  changeActivity: (id: number, version: number, body: ActivityChange) => request<ActivityT>(`/api/activities/${id}`, { method: 'PATCH', body, ifMatch: version }),
  deleteActivity: (id: number, version: number) => request<void>(`/api/activities/${id}`, { method: 'DELETE', ifMatch: version }),
  markInformed: (unitId: number, childPlaceIds: number[], date: string) =>
    request<z.infer<typeof MarkInformedResult>>('/api/information-needs/mark-informed', { method: 'POST', body: { unit_id: unitId, child_place_ids: childPlaceIds, date } }),
  followUps: (filters: Record<string, QueryValue> = {}, signal?: AbortSignal) =>
    request<z.infer<typeof FollowUpList>>(`/api/follow-ups${queryString(filters)}`, { signal }),
  principles: (unitId: number, signal?: AbortSignal) => request<z.infer<typeof PrincipleList>>(`/api/units/${unitId}/principles`, { signal }),
  putPrinciple: (unitId: number, principle: number, version: number, body: PrincipleInput) =>
    request<PrincipleEntryT>(`/api/units/${unitId}/principles/${principle}`, { method: 'PUT', body, ifMatch: version }),
  implementation: (signal?: AbortSignal) => request<ImplementationT>('/api/implementation', { signal }),
};

/** Today as YYYY-MM-DD in the user's time zone (the default date of a new entry). */
export function localToday(now = new Date()): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${p(now.getMonth() + 1)}-${p(now.getDate())}`;
}
