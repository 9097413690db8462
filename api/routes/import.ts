import { createRoute } from '@hono/zod-openapi';
import { requireRole } from '../auth/middleware.js';
import { DEFAULTS } from '../config.js';
import { badRequest } from '../errors.js';
import { contextOf } from '../http/context.js';
import { importForRequest } from '../import/run.js';
import { errorResponses } from '../schemas/common.js';
import { ImportBody, ImportLayerParam, ImportReport } from '../schemas/imports.js';
import { newRouter } from '../validation.js';

export const importRoutes = newRouter().openapi(
  createRoute({
    method: 'post',
    path: '/import/{layer}',
    tags: ['Import'],
    summary: 'Import units, actors, child places or areas (dry run or real)',
    description:
      'Administrators only. Reads GeoJSON (WGS 84, or SWEREF 99 / RT 90 named by a "crs" member or recognised by the coordinate range), CSV and Excel .xlsx ' +
      '(WGS 84 lon/lat, or SWEREF 99 TM / local zone / RT 90 x/y), GeoPackage, zipped Shapefile (its .prj: SWEREF 99, RT 90, WGS 84), KML/KMZ and Overpass JSON; ' +
      'format "auto" (the default) finds the format from the first bytes, and any other file (PDF, images, .xls, .docx, …) is refused with 400, rule ' +
      '`unsupported_file_type` and `params.type`. Everything is reprojected to WGS 84; the report names the format and CRS read. A GeoPackage or zip with several ' +
      'layers needs `source_layer`. Maps fields (guessing what is not given), ' +
      'validates every row, and upserts by external id. `dry_run: true` (the default) only reports. A real run is all or nothing in one transaction: ' +
      'with any rejected row it answers 400 with the report in `error.details` and writes nothing. Re-importing the same file counts every row unchanged. ' +
      `Limits: ${DEFAULTS.importBodyLimitBytes / 1024 / 1024} MB body, ${DEFAULTS.importFeatureLimit} rows (413). One \`import\` audit entry per real run (counts; no per-row entries).`,
    middleware: [requireRole('admin')] as const,
    request: {
      params: ImportLayerParam,
      body: { content: { 'application/json': { schema: ImportBody } }, required: true },
    },
    responses: {
      200: { description: 'The import report (dry run, or a committed real run).', content: { 'application/json': { schema: ImportReport } } },
      ...errorResponses(400, 401, 403, 409, 413, 415),
    },
  }),
  async (c) => {
    const { layer } = c.req.valid('param');
    const body = c.req.valid('json');
    let content: Uint8Array | string = body.content;
    if (body.encoding === 'base64') {
      if (!/^[A-Za-z0-9+/\s]*={0,2}\s*$/.test(body.content)) throw badRequest('content: not valid base64');
      content = new Uint8Array(Buffer.from(body.content, 'base64'));
    }
    const report = await importForRequest(contextOf(c), {
      layer, format: body.format, content, sourceLayer: body.source_layer, mapping: body.mapping, dryRun: body.dry_run,
      options: { kind: body.kind, category: body.category, level: body.level },
    });
    return c.json(report, 200);
  },
);
