import { z } from '@hono/zod-openapi';
import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { IdParam } from '../schemas/common.js';
import { SavedSiteAnalysis, SavedSiteAnalysisChange, SavedSiteAnalysisCreate } from '../schemas/siteAnalyses.js';
import { createSavedAnalysis, deleteSavedAnalysis, getSavedAnalysis, listSavedAnalyses, updateSavedAnalysis } from '../services/siteAnalyses.js';
import { newRouter } from '../validation.js';

const TAGS = ['Proximity'];
const OWN = 'Yours only: another user\'s saved analysis answers 404, as one that does not exist.';

/** Saved site analyses: a planner's named sets of candidate sites, for every role, each user their own. */
export const siteAnalysesRoutes = newRouter()
  .openapi(
    jsonRoute({
      method: 'get', path: '/site-analyses', tags: TAGS, summary: 'Your saved site analyses',
      description: 'The last changed first. Each holds only the sites as you gave them (points, letters, the address a site was added by); open one by analysing its sites with POST /api/site-analysis, which follows your need-to-know then.',
      ok: { status: 200, description: 'Your saved analyses.', schema: z.object({ site_analyses: z.array(SavedSiteAnalysis) }) },
    }),
    async (c) => c.json({ site_analyses: await listSavedAnalyses(contextOf(c)) }, 200),
  )
  .openapi(
    jsonRoute({
      method: 'post', path: '/site-analyses', tags: TAGS, summary: 'Save a site analysis with a name',
      description: 'Stores the name and the sites (1 to 3, letters A–C once each); audited. Nothing of the analysis answer is stored.',
      body: SavedSiteAnalysisCreate,
      ok: { status: 201, description: 'The saved analysis; `Location` names it.', schema: SavedSiteAnalysis },
    }),
    async (c) => {
      const saved = await createSavedAnalysis(contextOf(c), c.req.valid('json'));
      c.header('Location', `/api/site-analyses/${saved.id}`);
      return c.json(saved, 201);
    },
  )
  .openapi(
    jsonRoute({
      method: 'get', path: '/site-analyses/{id}', tags: TAGS, summary: 'One of your saved site analyses', description: OWN,
      request: { params: IdParam },
      ok: { status: 200, description: 'The saved analysis.', schema: SavedSiteAnalysis },
    }),
    async (c) => c.json(await getSavedAnalysis(contextOf(c), c.req.valid('param').id), 200),
  )
  .openapi(
    jsonRoute({
      method: 'patch', path: '/site-analyses/{id}', tags: TAGS, summary: 'Rename a saved site analysis or replace its sites',
      description: `${OWN} Audited with the values before and after.`,
      request: { params: IdParam },
      body: SavedSiteAnalysisChange,
      ok: { status: 200, description: 'The changed analysis.', schema: SavedSiteAnalysis },
    }),
    async (c) => c.json(await updateSavedAnalysis(contextOf(c), c.req.valid('param').id, c.req.valid('json')), 200),
  )
  .openapi(
    jsonRoute({
      method: 'delete', path: '/site-analyses/{id}', tags: TAGS, summary: 'Delete a saved site analysis', description: `${OWN} Audited.`,
      request: { params: IdParam },
      ok: { status: 204, description: 'Deleted.' },
    }),
    async (c) => {
      await deleteSavedAnalysis(contextOf(c), c.req.valid('param').id);
      return c.body(null, 204);
    },
  );
