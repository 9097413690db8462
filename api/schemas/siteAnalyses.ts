/**
 * Saved site analyses: a named set of up to three candidate sites, kept per user. Only
 * what the user gave is stored (points, letters, the address a site was added by); the
 * analysis is asked for again (POST /api/site-analysis) when one is opened.
 */
import { z } from '@hono/zod-openapi';
import { SWEDEN_BBOX } from './common.js';
import { coordinate } from './proximity.js';

export const SITE_LABELS = ['A', 'B', 'C'] as const;

const savedName = z
  .string({ error: 'name must be a text of 1 to 100 characters' })
  .trim()
  .min(1, { error: 'name must not be empty' })
  .max(100, { error: 'name must be at most 100 characters' })
  .openapi({ example: 'Tre lägen i Kallebäck' });

export const SavedSite = z
  .strictObject({
    label: z.enum(SITE_LABELS, { error: 'label must be A, B or C' }).openapi({ description: 'The site\'s letter in the comparison.' }),
    lon: coordinate('lon', SWEDEN_BBOX.minLon, SWEDEN_BBOX.maxLon).openapi({ example: 12.006 }),
    lat: coordinate('lat', SWEDEN_BBOX.minLat, SWEDEN_BBOX.maxLat).openapi({ example: 57.683 }),
    name: z
      .string({ error: 'name must be a text of at most 200 characters' })
      .trim()
      .min(1, { error: 'name must not be empty (leave it out instead)' })
      .max(200, { error: 'name must be at most 200 characters' })
      .nullable()
      .optional()
      .openapi({ description: 'The address the site was added by, if any.', example: 'Smörkärnegatan 3, 416 79 Göteborg' }),
  })
  .openapi('SavedSite');

const sitesInput = z
  .array(SavedSite, { error: 'sites must be a list of 1 to 3 sites' })
  .min(1, { error: 'sites must hold at least one site' })
  .max(3, { error: 'sites must hold at most 3 sites' })
  .superRefine((sites, ctx) => {
    const seen = new Set<string>();
    sites.forEach((s, i) => {
      if (seen.has(s.label)) ctx.addIssue({ code: 'custom', path: [i, 'label'], message: `label ${s.label} is used by more than one site` });
      seen.add(s.label);
    });
  });

export const SavedSiteAnalysisCreate = z
  .strictObject({ name: savedName, sites: sitesInput })
  .openapi('SavedSiteAnalysisCreate');

export const SavedSiteAnalysisChange = z
  .strictObject({ name: savedName.optional(), sites: sitesInput.optional() })
  .refine((b) => b.name !== undefined || b.sites !== undefined, { error: 'give name or sites (or both) to change', path: ['name'] })
  .openapi('SavedSiteAnalysisChange');

export const SavedSiteAnalysis = z
  .object({
    id: z.number().int(),
    name: z.string(),
    sites: z.array(z.object({ label: z.enum(SITE_LABELS), lon: z.number(), lat: z.number(), name: z.string().nullable() })),
    created_at: z.string(),
    updated_at: z.string(),
  })
  .openapi('SavedSiteAnalysis', { description: 'A saved site analysis of yours: its name and sites. Open it by analysing each site (POST /api/site-analysis).' });

export type SavedSiteAnalysisCreateT = z.infer<typeof SavedSiteAnalysisCreate>;
export type SavedSiteAnalysisChangeT = z.infer<typeof SavedSiteAnalysisChange>;
export type SavedSiteAnalysisT = z.infer<typeof SavedSiteAnalysis>;
