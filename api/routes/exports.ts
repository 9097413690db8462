import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppEnv } from '../env.js';
import { EXPORT_CRS_NAMES, exportCrs } from '../export/crs.js';
import { allLayersGeoPackage, DEFAULT_EXPORT_CRS, LAYER_FORMATS, layerFile, type ExportFile } from '../export/layers.js';
import { CONTACT_FORMATS, unitContactsFile } from '../export/unitContacts.js';
import { COLLECTION_IDS, type CollectionId } from '../ogc/features.js';
import { errorResponses, IdParam } from '../schemas/common.js';
import { LayerExport } from '../schemas/ogc.js';
import { exportInformationNeeds, NEEDS_CSV_HEADER_LANGUAGES } from '../services/informationNeeds.js';
import { InformationNeedsFilterQuery } from '../schemas/proximity.js';
import { needsFiltersOf } from './informationNeeds.js';
import { contextOf } from '../http/context.js';
import { CSV_DIALECT_DESCRIPTION, CSV_DIALECTS, DEFAULT_CSV_DIALECT } from '../services/csv.js';
import { newRouter } from '../validation.js';

const CRS_DESCRIPTION = (fallback: string) =>
  `The coordinate system of the file: ${EXPORT_CRS_NAMES.join(', ')} (or their OGC URIs); default ${fallback}. ` +
  'Coordinates are written easting (longitude) first, as GDAL and QGIS read GeoJSON with a `crs` member, CSV x/y columns and GeoPackage; ' +
  'a GeoJSON file in a CRS other than CRS84 carries `"crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::3006"}}`.';
const CSV_NOTE =
  'CSV: header row, CRLF; in WGS 84 the columns `lon`, `lat` and SWEREF 99 TM (EPSG:3006) `x_sweref99tm`, `y_sweref99tm` in metres (to 1 cm), ' +
  'in a projected `crs` the columns `x` (easting) and `y` (northing) in it.';

function download(c: Context<AppEnv>, file: ExportFile) {
  return c.body(file.body as string, 200, { 'Content-Type': file.type, 'Content-Disposition': `attachment; filename="${file.filename}"` });
}

const Dialect = z.enum(CSV_DIALECTS).default(DEFAULT_CSV_DIALECT).openapi({ param: { name: 'dialect', in: 'query' }, description: CSV_DIALECT_DESCRIPTION });
const Crs = (fallback: string) => z.string().max(200).optional().openapi({ param: { name: 'crs', in: 'query' }, description: CRS_DESCRIPTION(fallback), example: 'EPSG:3006' });

const LayerParam = z.object({ layer: z.enum(COLLECTION_IDS as [CollectionId, ...CollectionId[]]).openapi({ param: { name: 'layer', in: 'path' }, example: 'child-places' }) });
const LayerQuery = z.strictObject({
  format: z.enum(LAYER_FORMATS).default('geojson').openapi({ param: { name: 'format', in: 'query' }, description: '`geojson` (default), `csv` or `gpkg` (GeoPackage 1.3).' }),
  crs: Crs('CRS84 for GeoJSON and CSV, EPSG:3006 (SWEREF 99 TM) for GeoPackage'),
  dialect: Dialect,
});
const AllQuery = z.strictObject({ crs: Crs('EPSG:3006 (SWEREF 99 TM)') });
const ContactsQuery = z.strictObject({
  format: z.enum(CONTACT_FORMATS).default('csv').openapi({ param: { name: 'format', in: 'query' } }),
  dialect: Dialect,
});

const InformationNeedsCsvQuery = InformationNeedsFilterQuery.extend({
  dialect: Dialect,
  headers: z.enum(NEEDS_CSV_HEADER_LANGUAGES).optional().openapi({
    param: { name: 'headers', in: 'query' },
    description: 'The header row in Swedish (`sv`) or English (`en`) words; the field names when left out.',
  }),
});

const GPKG_NOTE =
  'GeoPackage 1.3 (application_id `GPKG`, user_version 10300): one feature table per layer named as the layer with `_` for `-` ' +
  '(`units`, `actors`, `child_places`, `areas`), the feature id as `fid`, the geometry as `geom`, each property a column (lists and objects as JSON text), ' +
  'the extent in `gpkg_contents`; default CRS SWEREF 99 TM (EPSG:3006), what Swedish municipal GIS works in.';

export const exportsRoutes = newRouter()
  // Before /exports/{layer}, which would otherwise take this path for a layer.
  .openapi(
    createRoute({
      method: 'get',
      path: '/exports/information-needs.csv',
      tags: ['Export'],
      summary: 'The information needs as CSV: exactly the filtered list',
      description:
        'The needs of GET /api/information-needs with the same filters (`status`, `priority`, `kind` as comma lists, `unit_id`, `area`) in the ' +
        'same order (`sort`), every page, one row per need: unit, child place, kind, stages, address, contact, `distance_m`, ring, priority, ' +
        'status, `last_informed_at` and `due_at` (dates YYYY-MM-DD), CRLF line ends, texts a spreadsheet would run as a formula escaped. ' +
        'Distances to restricted units from their coarse location for roles without need-to-know, as in the list. Holds contact data, so each export is audited.',
      request: { query: InformationNeedsCsvQuery },
      responses: {
        200: { description: 'The file.', content: { 'text/csv': { schema: z.string() } } },
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const q = c.req.valid('query');
      const { csv: body } = await exportInformationNeeds(contextOf(c), needsFiltersOf(q), q.dialect, q.headers, 'GET /api/exports/information-needs.csv');
      const name = q.headers === 'sv' ? 'informationsbehov' : 'information-needs';
      return download(c, { body, type: 'text/csv; charset=utf-8', filename: `${name}.csv` });
    },
  )
  // Before /exports/{layer}, which would otherwise take `all.gpkg` for a layer.
  .openapi(
    createRoute({
      method: 'get',
      path: '/exports/all.gpkg',
      tags: ['Export'],
      summary: 'Every layer in one GeoPackage',
      description: `Units, actors, child places and areas, one table each, as GET /api/exports/{layer}?format=gpkg writes them (restricted units coarsened for roles without need-to-know). ${GPKG_NOTE} Each layer writes its own \`export\` audit entry.`,
      request: { query: AllQuery },
      responses: {
        200: { description: 'The file.', content: { 'application/geopackage+sqlite3': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const { crs } = c.req.valid('query');
      return download(c, await allLayersGeoPackage(contextOf(c), exportCrs(crs, DEFAULT_EXPORT_CRS.gpkg)));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/exports/{layer}',
      tags: ['Export'],
      summary: 'A whole layer as GeoJSON, CSV or GeoPackage',
      description:
        'Every feature of the layer as a download (restricted units coarsened for roles without need-to-know, as everywhere), in `crs`. ' +
        `Polygons follow RFC 7946's right-hand rule (exterior rings counter-clockwise, holes clockwise). ${CSV_NOTE} Areas in CSV carry a point on their surface. ` +
        `${GPKG_NOTE} Each export writes an \`export\` audit entry.`,
      request: { params: LayerParam, query: LayerQuery },
      responses: {
        200: {
          description: 'The file.',
          content: {
            'application/geo+json': { schema: LayerExport }, 'text/csv': { schema: z.string() },
            'application/geopackage+sqlite3': { schema: z.string().openapi({ format: 'binary' }) },
          },
        },
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const { layer } = c.req.valid('param');
      const { format, crs, dialect } = c.req.valid('query');
      return download(c, await layerFile(contextOf(c), layer, format, exportCrs(crs, DEFAULT_EXPORT_CRS[format]), dialect));
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/units/{id}/contacts/export',
      tags: ['Export'],
      summary: "A unit's contact list as CSV or vCard",
      description:
        "The actors inside the unit's outer ring, nearest first, with their active contact persons: `format=csv` (one row per contact person, " +
        'WGS 84 `lon`, `lat` and SWEREF 99 TM `x_sweref99tm`, `y_sweref99tm`; `dialect` as on every CSV) or `format=vcf` (vCard 3.0 for phones: ' +
        'one card per contact person, N split into given and family name, and one per actor with its own phone or e-mail, an organisation card with ' +
        '`FN` and `ORG` and an empty `N`; the actor\'s address as `ADR`; lines folded at 75 octets). Writes an `export` audit entry (bulk export of contact data).',
      request: { params: IdParam, query: ContactsQuery },
      responses: {
        200: { description: 'The file.', content: { 'text/csv': { schema: z.string() }, 'text/vcard': { schema: z.string() } } },
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { format, dialect } = c.req.valid('query');
      return download(c, await unitContactsFile(contextOf(c), id, format, dialect));
    },
  );
