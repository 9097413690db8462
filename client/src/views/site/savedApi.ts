import type { SavedSiteAnalysisChangeT, SavedSiteAnalysisCreateT, SavedSiteAnalysisT } from '../../../../api/schemas/siteAnalyses.js';
import { request } from '../../lib/api.js';

export type SavedAnalysis = SavedSiteAnalysisT;

/** The caller's saved site analyses (GET/POST /api/site-analyses, GET/PATCH/DELETE /api/site-analyses/{id}). */
export const savedApi = {
  list: (signal?: AbortSignal) => request<{ site_analyses: SavedAnalysis[] }>('/api/site-analyses', { signal }).then((r) => r.site_analyses),
  get: (id: number, signal?: AbortSignal) => request<SavedAnalysis>(`/api/site-analyses/${id}`, { signal }),
  create: (body: SavedSiteAnalysisCreateT) => request<SavedAnalysis>('/api/site-analyses', { method: 'POST', body }),
  update: (id: number, body: SavedSiteAnalysisChangeT) => request<SavedAnalysis>(`/api/site-analyses/${id}`, { method: 'PATCH', body }),
  remove: (id: number) => request<void>(`/api/site-analyses/${id}`, { method: 'DELETE' }),
};
