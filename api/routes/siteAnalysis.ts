import { contextOf } from '../http/context.js';
import { jsonRoute } from '../http/jsonRoute.js';
import { SiteAnalysis, SiteAnalysisInput } from '../schemas/proximity.js';
import { analyseSite } from '../services/proximity.js';
import { newRouter } from '../validation.js';

/** Site analysis of a candidate location for a new or moved unit (a read, for every role). */
export const siteAnalysisRoutes = newRouter().openapi(
  jsonRoute({
    method: 'post',
    path: '/site-analysis',
    tags: ['Proximity'],
    summary: 'Judge a candidate site: what lies around a point',
    description:
      'A read with a JSON body; writes nothing. `rings`: per ring, the number of actors by category and child places by kind in that ring\'s ' +
      'annulus (a place belongs to the innermost ring whose radius is ≥ its geodesic distance, as for a unit\'s contacts; every category ' +
      'and kind is present, with 0 when none). `nearest`: the nearest school, preschool and playground anywhere (index-assisted nearest ' +
      'neighbour, then the exact geodesic distance), null when there is none. `overlapping_units`: open and planned units whose outer ring ' +
      'intersects this point\'s outer ring (distance < their outer radius + this outer radius), nearest first; restricted units are measured ' +
      'from their coarse location for callers without need-to-know (exact for editors and admins, and that read is audited). Radii default to the global zone radii.',
    body: SiteAnalysisInput,
    ok: { status: 200, description: 'The analysis.', schema: SiteAnalysis },
    errors: [413],
  }),
  async (c) => {
    return c.json(await analyseSite(contextOf(c), c.req.valid('json'), 'POST /api/site-analysis'), 200);
  },
);
