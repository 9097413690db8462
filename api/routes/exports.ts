import { createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { pointOnFeature } from '@turf/point-on-feature';
import type { AppEnv } from '../env.js';
import { wgs84ToProjected } from '../import/crs.js';
import { COLLECTION_IDS, type CollectionId } from '../ogc/features.js';
import { errorResponses, IdParam } from '../schemas/common.js';
import { LayerExport } from '../schemas/ogc.js';
import { exportCollection } from '../services/collections.js';
import { exportUnitContacts } from '../services/proximity.js';
import { exportInformationNeeds, NEEDS_CSV_DIALECTS, NEEDS_CSV_HEADER_LANGUAGES } from '../services/informationNeeds.js';
import { InformationNeedsFilterQuery } from '../schemas/proximity.js';
import { needsFiltersOf } from './informationNeeds.js';
import { contextOf } from '../http/context.js';
import { toCsv } from '../services/csv.js';
import { newRouter } from '../validation.js';

const SEPARATORS = { comma: ',', semicolon: ';' } as const;
const CSV_NOTE = 'CSV: UTF-8 with BOM, header row, `separator` comma (default) or semicolon (Swedish Excel); WGS 84 `lon`,`lat` and SWEREF 99 TM (EPSG:3006) `x_sweref99tm`,`y_sweref99tm` in metres.';

/** lon/lat of a point (areas: a point on the surface) and the same in SWEREF 99 TM, rounded to 1 cm. */
function coordinates(geometry: GeoJSON.Geometry): { lon: number; lat: number; x_sweref99tm: number; y_sweref99tm: number } {
  const [lon, lat] = geometry.type === 'Point' ? geometry.coordinates : pointOnFeature(geometry as GeoJSON.MultiPolygon).geometry.coordinates;
  const [x, y] = wgs84ToProjected(lon!, lat!, 'EPSG:3006');
  return { lon: lon!, lat: lat!, x_sweref99tm: Math.round(x * 100) / 100, y_sweref99tm: Math.round(y * 100) / 100 };
}

function download(c: Context<AppEnv>, body: string, type: string, filename: string) {
  return c.body(body, 200, { 'Content-Type': type, 'Content-Disposition': `attachment; filename="${filename}"` });
}

/** vCard 3.0 text escaping (RFC 2426) and line folding at 75 characters. */
const vEscape = (s: string) => s.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/\r/g, '').replace(/,/g, '\\,').replace(/;/g, '\\;');
function vLine(line: string): string {
  const parts: string[] = [];
  for (let i = 0; i < line.length; i += 74) parts.push(line.slice(i, i + 74));
  return parts.join('\r\n ');
}
function vCard(fields: { fn: string; org?: string | null; title?: string | null; tel?: string | null; email?: string | null; note?: string | null }): string {
  const [first, ...rest] = fields.fn.trim().split(/\s+/);
  const lines = ['BEGIN:VCARD', 'VERSION:3.0', `FN:${vEscape(fields.fn)}`, `N:${vEscape(rest.join(' '))};${vEscape(first ?? '')};;;`];
  if (fields.org) lines.push(`ORG:${vEscape(fields.org)}`);
  if (fields.title) lines.push(`TITLE:${vEscape(fields.title)}`);
  if (fields.tel) lines.push(`TEL;TYPE=WORK,VOICE:${vEscape(fields.tel)}`);
  if (fields.email) lines.push(`EMAIL;TYPE=INTERNET,WORK:${vEscape(fields.email)}`);
  if (fields.note) lines.push(`NOTE:${vEscape(fields.note)}`);
  lines.push('END:VCARD');
  return lines.map(vLine).join('\r\n');
}

const LayerParam = z.object({ layer: z.enum(COLLECTION_IDS as [CollectionId, ...CollectionId[]]).openapi({ param: { name: 'layer', in: 'path' }, example: 'child-places' }) });
const LayerQuery = z.strictObject({
  format: z.enum(['geojson', 'csv']).default('geojson').openapi({ param: { name: 'format', in: 'query' } }),
  separator: z.enum(['comma', 'semicolon']).default('comma').openapi({ param: { name: 'separator', in: 'query' } }),
});
const ContactsQuery = z.strictObject({
  format: z.enum(['csv', 'vcf']).default('csv').openapi({ param: { name: 'format', in: 'query' } }),
  separator: z.enum(['comma', 'semicolon']).default('comma').openapi({ param: { name: 'separator', in: 'query' } }),
});

const InformationNeedsCsvQuery = InformationNeedsFilterQuery.extend({
  dialect: z.enum(NEEDS_CSV_DIALECTS).default('excel_sv').openapi({
    param: { name: 'dialect', in: 'query' },
    description: '`excel_sv` (default): UTF-8 with BOM, `;` between fields, decimal comma, as Excel with Swedish regional settings opens it; `standard`: RFC 4180, `,` between fields, decimal point, no BOM.',
  }),
  headers: z.enum(NEEDS_CSV_HEADER_LANGUAGES).optional().openapi({
    param: { name: 'headers', in: 'query' },
    description: 'The header row in Swedish (`sv`) or English (`en`) words; the field names when left out.',
  }),
});

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
      return download(c, body, 'text/csv; charset=utf-8', `${name}.csv`);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/exports/{layer}',
      tags: ['Export'],
      summary: 'A whole layer as GeoJSON or CSV',
      description: `Every feature of the layer as a download (restricted units coarsened for roles without need-to-know, as everywhere). ${CSV_NOTE} Areas in CSV carry a point on their surface. Each export writes an \`export\` audit entry.`,
      request: { params: LayerParam, query: LayerQuery },
      responses: {
        200: { description: 'The file.', content: { 'application/geo+json': { schema: LayerExport }, 'text/csv': { schema: z.string() } } },
        ...errorResponses(400, 401),
      },
    }),
    async (c) => {
      const { layer } = c.req.valid('param');
      const { format, separator } = c.req.valid('query');
      const features = await exportCollection(contextOf(c), layer, format);
      if (format === 'geojson') {
        return download(c, JSON.stringify({ type: 'FeatureCollection', features }), 'application/geo+json; charset=utf-8', `${layer}.geojson`);
      }
      const propertyNames = [...new Set(features.flatMap((f) => Object.keys(f.properties ?? {})))];
      const rows = features.map((f) => ({ id: f.id, ...f.properties, ...coordinates(f.geometry) }));
      const columns = ['id', ...propertyNames, 'lon', 'lat', 'x_sweref99tm', 'y_sweref99tm'];
      return download(c, toCsv(columns, rows, SEPARATORS[separator]), 'text/csv; charset=utf-8', `${layer}.csv`);
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/units/{id}/contacts/export',
      tags: ['Export'],
      summary: "A unit's contact list as CSV or vCard",
      description: `The actors inside the unit's outer ring, nearest first, with their active contact persons: \`format=csv\` (one row per contact person; ${CSV_NOTE}) or \`format=vcf\` (vCard 3.0, one card per contact person and one per actor with its own phone or e-mail, for phones). Writes an \`export\` audit entry (bulk export of contact data).`,
      request: { params: IdParam, query: ContactsQuery },
      responses: {
        200: { description: 'The file.', content: { 'text/csv': { schema: z.string() }, 'text/vcard': { schema: z.string() } } },
        ...errorResponses(400, 401, 404),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param');
      const { format, separator } = c.req.valid('query');
      const { unit, contacts } = await exportUnitContacts(contextOf(c), id, format);
      const unitName = (unit as { name?: string }).name ?? `unit ${id}`;
      const slug = unitName.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || `unit-${id}`;
      if (format === 'vcf') {
        const cards: string[] = [];
        for (const a of contacts) {
          const p = a.properties;
          const note = `${p.ring} ${p.distance_m} m från ${unitName}${p.contact_about ? `. Kontakta om: ${p.contact_about}` : ''}`;
          if (p.phone || p.email) cards.push(vCard({ fn: p.name, org: p.organisation ?? p.name, tel: p.phone, email: p.email, note }));
          for (const person of p.contact_persons) cards.push(vCard({ fn: person.name, org: p.name, title: person.role, tel: person.phone, email: person.email, note }));
        }
        return download(c, cards.join('\r\n') + '\r\n', 'text/vcard; charset=utf-8', `kontakter-${slug}.vcf`);
      }
      const rows = contacts.flatMap((a) => {
        const p = a.properties;
        const base = {
          actor_id: a.id, actor: p.name, category: p.category, ring: p.ring, distance_m: p.distance_m, organisation: p.organisation,
          actor_phone: p.phone, actor_email: p.email, address: p.address, contact_about: p.contact_about, ...coordinates(a.geometry),
        };
        const people = p.contact_persons.length ? p.contact_persons : [undefined];
        return people.map((person) => ({ ...base, person: person?.name, role: person?.role, person_phone: person?.phone, person_email: person?.email }));
      });
      const columns = ['actor_id', 'actor', 'category', 'ring', 'distance_m', 'organisation', 'actor_phone', 'actor_email', 'person', 'role', 'person_phone', 'person_email', 'address', 'contact_about', 'lon', 'lat', 'x_sweref99tm', 'y_sweref99tm'];
      return download(c, toCsv(columns, rows, SEPARATORS[separator]), 'text/csv; charset=utf-8', `kontakter-${slug}.csv`);
    },
  );
