/**
 * The restricted-location invariant, as a differential test over the whole route table:
 * a viewer's answer from every route must be the same whether a restricted unit sits at
 * exact point P1 or at P2, two points of one 250 m cell of ps_coarse_location (fields
 * that change with any write, `version` and `updated_at`, and per-request headers aside).
 * The GET routes come from the served OpenAPI document and the others (OGC) from the
 * app's own route table, so a route added later is exercised or the test fails; an
 * editor (need-to-know) must see differences, or the fixture would prove nothing.
 *
 * The fixture is awkward on purpose: child places and actors lie where moving the unit
 * from P1 to P2 swaps their order, changes their ring or moves them across the outer
 * ring, an area boundary runs between P1 and P2, and tile edges, a bbox edge and a
 * site-analysis overlap fall between them. An observation made at the unit moves with
 * it. P1 and P2 are 44 m apart, under the 50 m move that reopens an information need
 * (a rule about the move, not the place).
 */
import initSqlJs from 'sql.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from './harness.js';

const t = await createTestContext();
t.setNow('2026-03-02T10:00:00Z');

/** The centre of one cell of ps_coarse_location's grid: a multiple of 250 m in SWEREF 99 TM (EPSG:3006). */
const CELL = { x: 372_000, y: 6_405_000 };
/** P1 and P2, east offsets from the cell centre in metres: both snap to it (|offset| < 125). */
const P1 = -22;
const P2 = 22;
/** The boundary between the two fixture areas, west of the cell centre: P1 lies west of it, P2 and the coarse point east. */
const BOUNDARY = -8;

/**
 * Child places by east offset from the cell centre (the default rings 250 / 500 / 1000 m),
 * with the ring seen from the coarse point, P1 and P2.
 */
const CHILD_PLACES: [string, 'school' | 'preschool' | 'playground', number, number][] = [
  ['Diff ring skola', 'school', 258, 0], //          coarse 258 neighbourhood, P1 280 neighbourhood, P2 236 immediate
  ['Diff öst förskola', 'preschool', 600, 3], //     coarse 600, P1 622, P2 578: order with the next swaps
  ['Diff väst förskola', 'preschool', -590, -3], //  coarse 590, P1 568, P2 612
  ['Diff innanför lekplats', 'playground', 499, 5], //  coarse 499 neighbourhood (just inside), P1 521 area, P2 477
  ['Diff utanför lekplats', 'playground', -503, 5], //  coarse 503 area (just outside neighbourhood), P1 481 neighbourhood
  ['Diff kant öst skola', 'school', 995, -4], //     coarse 995 inside the outer ring, P1 1017 outside, P2 973 inside
  ['Diff kant väst skola', 'school', -1008, 4], //   coarse 1008 outside, P1 986 inside, P2 1030 outside
];
const ACTORS: [string, 'shop' | 'police' | 'association', number, number][] = [
  ['Diff ring butik', 'shop', 255, 2], //             coarse neighbourhood, P2 233 immediate
  ['Diff öst polis', 'police', 700, -2], //           order with the next swaps between P1 and P2
  ['Diff väst förening', 'association', -690, 2],
  ['Diff kant öst butik', 'shop', 997, 1], //         inside from coarse and P2, outside from P1
  ['Diff kant väst förening', 'association', -1006, 1], // outside from coarse and P2, inside from P1
];

/** A point `dx`, `dy` metres from the cell centre, as geography. */
const at = (dx: number, dy: number) => `ST_Transform(ST_SetSRID(ST_MakePoint(${CELL.x + dx}, ${CELL.y + dy}), 3006), 4326)::geography`;

async function lonLat(dx: number, dy: number): Promise<[number, number]> {
  const [r] = await t.db.query<{ lon: number; lat: number }>(
    `SELECT ST_X(g)::float8 AS lon, ST_Y(g)::float8 AS lat FROM (SELECT ${at(dx, dy)}::geometry AS g) s`);
  return [r!.lon, r!.lat];
}

interface Fixture {
  unitId: number; westAreaId: number; eastAreaId: number; actorId: number; childPlaceId: number; contactPersonId: number;
  observationId: number; informationId: number; savedAnalysisId: number; lonLat: Record<'p1' | 'p2' | 'coarse' | 'boundary', [number, number]>;
}
let fx: Fixture;

/** Where the observation at the unit was made, relative to the unit: it moves with it. */
const FINDING = [6, 4] as const;

/** Moves the unit (and the finding recorded at it) to `dx` metres east of the cell centre. */
async function placeUnit(dx: number): Promise<void> {
  await t.db.query(`UPDATE units SET location = ${at(dx, 0)} WHERE id = $1`, [fx.unitId]);
  await t.db.query(`UPDATE activities SET location = ${at(dx + FINDING[0], FINDING[1])} WHERE id = $1`, [fx.observationId]);
}

beforeAll(async () => {
  const [unit] = await t.db.query<{ id: number }>(
    `INSERT INTO units (name, kind, status, address, places, sensitivity, location)
     VALUES ('Diff skyddad enhet', 'supported_housing', 'open', 'Hemliga gatan 7', 12, 'restricted', ${at(P1, 0)}) RETURNING id`);
  const cps: number[] = [];
  for (const [name, kind, dx, dy] of CHILD_PLACES) {
    const [r] = await t.db.query<{ id: number }>(
      `INSERT INTO child_places (name, kind, stages, location) VALUES ($1, $2, $3, ${at(dx, dy)}) RETURNING id`,
      [name, kind, kind === 'school' ? ['F-3'] : []]);
    cps.push(r!.id);
  }
  const actors: number[] = [];
  for (const [name, category, dx, dy] of ACTORS) {
    const [r] = await t.db.query<{ id: number }>(
      `INSERT INTO actors (name, category, phone, location) VALUES ($1, $2, '031-00 00 00', ${at(dx, dy)}) RETURNING id`, [name, category]);
    actors.push(r!.id);
  }
  const [person] = await t.db.query<{ id: number }>(
    "INSERT INTO contact_persons (actor_id, name, role, phone) VALUES ($1, 'Diff Kontakt', 'butikschef', '031-11 11 11') RETURNING id", [actors[0]]);
  const area = async (name: string, west: number, east: number) => {
    const [r] = await t.db.query<{ id: number }>(
      `INSERT INTO areas (name, level, geom) VALUES ($1, 'primary_area',
         ST_Multi(ST_Transform(ST_Segmentize(ST_MakeEnvelope($2, $3, $4, $5, 3006), 25), 4326))::geography) RETURNING id`,
      [name, CELL.x + west, CELL.y - 3000, CELL.x + east, CELL.y + 3000]);
    return r!.id;
  };
  const westAreaId = await area('Diff väster', -3000, BOUNDARY);
  const eastAreaId = await area('Diff öster', BOUNDARY, 3000);
  fx = { unitId: unit!.id, westAreaId, eastAreaId, actorId: actors[0]!, childPlaceId: cps[0]!, contactPersonId: person!.id, observationId: 0, informationId: 0, savedAnalysisId: 0,
    lonLat: { p1: await lonLat(P1, 0), p2: await lonLat(P2, 0), coarse: await lonLat(0, 0), boundary: await lonLat(BOUNDARY, 0) } };

  // What editors record around the unit while it stands at P1.
  const obs = await t.request('editor', 'POST', `/api/units/${fx.unitId}/activities`, {
    kind: 'observation', date: '2026-02-20', note: 'Nedskräpning vid entrén.', follow_up_status: 'open', due_date: '2026-03-20',
    location: { type: 'Point', coordinates: await lonLat(P1 + FINDING[0], FINDING[1]) }, responsible_actor_id: actors[0],
  });
  expect(obs.status, await obs.clone().text()).toBe(201);
  fx.observationId = (await obs.json()).id;
  const info = await t.request('editor', 'POST', '/api/information-needs/mark-informed', { unit_id: fx.unitId, child_place_ids: [cps[0], cps[1]], date: '2026-02-21' });
  expect(info.status, await info.clone().text()).toBe(201);
  fx.informationId = (await info.json()).activity_ids[0];
  const saved = await t.request('viewer', 'POST', '/api/site-analyses', {
    name: 'Diff sparad analys', sites: [{ label: 'A', lon: fx.lonLat.p1[0], lat: fx.lonLat.p1[1] }, { label: 'B', lon: fx.lonLat.coarse[0], lat: fx.lonLat.coarse[1] }],
  });
  expect(saved.status, await saved.clone().text()).toBe(201);
  fx.savedAnalysisId = (await saved.json()).id;
});

/** Web Mercator tile of a point at zoom z. */
function tileOf([lon, lat]: [number, number], z: number): [number, number] {
  const n = 2 ** z;
  const r = (lat * Math.PI) / 180;
  return [Math.floor(((lon + 180) / 360) * n), Math.floor(((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n)];
}

/** A bbox parameter around the cell whose east edge runs at `east` (lon). */
const bboxTo = (east: number) => `${fx.lonLat.coarse[0] - 0.03},${fx.lonLat.coarse[1] - 0.02},${east},${fx.lonLat.coarse[1] + 0.02}`;
const cellBbox = () => bboxTo(fx.lonLat.coarse[0] + 0.03);

/**
 * The calls made for each route of the OpenAPI document a viewer may use: path
 * parameters filled with the fixture's ids, and the query variants that choose, order,
 * filter or page by a unit's location.
 */
const VARIANTS: Record<string, () => string[]> = {
  'GET /api/health': () => ['/api/health'],
  'GET /api/client-config': () => ['/api/client-config'],
  'GET /api/auth/config': () => ['/api/auth/config'],
  'GET /api/docs': () => ['/api/docs'],
  'GET /api/auth/me': () => ['/api/auth/me'],
  'GET /api/auth/tokens': () => ['/api/auth/tokens'],
  'GET /api/auth/sessions': () => ['/api/auth/sessions'],
  'GET /api/auth/second-factor': () => ['/api/auth/second-factor'],
  'GET /api/settings/second-factor': () => ['/api/settings/second-factor'],
  // The viewer's own saved site analysis (saved in beforeAll at P1 and the coarse point): its points as given, never moving with the unit.
  'GET /api/site-analyses': () => ['/api/site-analyses'],
  'GET /api/site-analyses/{id}': () => [`/api/site-analyses/${fx.savedAnalysisId}`],
  'GET /api/units': () => ['/api/units'],
  'GET /api/units/{id}': () => [`/api/units/${fx.unitId}`],
  'GET /api/units/{id}/zones': () => [`/api/units/${fx.unitId}/zones`],
  'GET /api/units/{id}/walk-zones': () => ['', '?minutes=3,20'].map((q) => `/api/units/${fx.unitId}/walk-zones${q}`),
  'GET /api/units/{id}/contacts': () => ['', '?ring=immediate', '?ring=neighbourhood', '?ring=area', '?category=shop', '?category=police,association']
    .map((q) => `/api/units/${fx.unitId}/contacts${q}`),
  'GET /api/units/{id}/child-places': () => ['', '?ring=immediate', '?ring=neighbourhood,area', '?priority=high', '?priority=medium', '?priority=low',
    '?kind=school', '?status=informed', '?status=not_informed'].map((q) => `/api/units/${fx.unitId}/child-places${q}`),
  'GET /api/information-needs': () => ['', `?unit_id=${fx.unitId}`, `?unit_id=${fx.unitId}&priority=high`, `?unit_id=${fx.unitId}&priority=medium`,
    `?unit_id=${fx.unitId}&priority=low`, `?unit_id=${fx.unitId}&limit=2&offset=1`, `?unit_id=${fx.unitId}&kind=school`, `?unit_id=${fx.unitId}&status=informed`,
    `?area=${fx.westAreaId}`, `?area=${fx.eastAreaId}`, '?priority=high', `?unit_id=${fx.unitId}&status=overdue,not_informed`,
    '?status=not_informed,due_soon&priority=high,medium', '?sort=-distance', '?sort=distance&limit=3', `?unit_id=${fx.unitId}&sort=due`]
    .map((q) => `/api/information-needs${q}`),
  'GET /api/actors': () => ['/api/actors', `/api/actors?bbox=${cellBbox()}`, '/api/actors?q=Diff'],
  'GET /api/child-places': () => ['/api/child-places', `/api/child-places?bbox=${cellBbox()}`, '/api/child-places?q=Diff'],
  'GET /api/settings/zone-radii': () => ['/api/settings/zone-radii'],
  'GET /api/settings/walking': () => ['/api/settings/walking'],
  'GET /api/tiles/{layer}/{z}/{x}/{y}': () => {
    const urls = new Set<string>();
    for (const z of [12, 15, 17, 19, 20]) {
      for (const p of [fx.lonLat.p1, fx.lonLat.p2, fx.lonLat.coarse]) {
        const [x, y] = tileOf(p, z);
        urls.add(`/api/tiles/units/${z}/${x}/${y}.mvt`);
        if (z === 15) urls.add(`/api/tiles/actors/${z}/${x}/${y}.mvt`).add(`/api/tiles/child-places/${z}/${x}/${y}.mvt`);
        if (z === 12 || z === 15) urls.add(`/api/tiles/areas/${z}/${x}/${y}.mvt`);
      }
    }
    // The low zooms, where one tile holds the whole city (zoom 0: the world), for every layer.
    for (const z of [0, 1, 2]) {
      const [x, y] = tileOf(fx.lonLat.coarse, z);
      for (const layer of ['units', 'actors', 'child-places', 'areas']) urls.add(`/api/tiles/${layer}/${z}/${x}/${y}.mvt`);
    }
    return [...urls];
  },
  'GET /api/units/{id}/activities': () => [`/api/units/${fx.unitId}/activities`, `/api/units/${fx.unitId}/activities?kind=information`,
    `/api/units/${fx.unitId}/activities?child_place_id=${fx.childPlaceId}`, `/api/units/${fx.unitId}/activities?actor_id=${fx.actorId}`],
  'GET /api/activities/{id}': () => [`/api/activities/${fx.observationId}`, `/api/activities/${fx.informationId}`],
  'GET /api/follow-ups': () => ['/api/follow-ups', `/api/follow-ups?unit_id=${fx.unitId}`],
  'GET /api/implementation': () => ['/api/implementation'],
  'GET /api/exports/information-needs.csv': () => ['', `?unit_id=${fx.unitId}`, `?unit_id=${fx.unitId}&kind=school`, '?status=informed',
    '?status=overdue,not_informed&sort=-distance&headers=sv', `?unit_id=${fx.unitId}&dialect=standard&sort=distance`]
    .map((q) => `/api/exports/information-needs.csv${q}`),
  'GET /api/exports/follow-ups.csv': () => ['/api/exports/follow-ups.csv', `/api/exports/follow-ups.csv?unit_id=${fx.unitId}`],
  'GET /api/exports/implementation.csv': () => ['/api/exports/implementation.csv'],
  'GET /api/units/{id}/principles': () => [`/api/units/${fx.unitId}/principles`],
  'GET /api/actors/{id}': () => [`/api/actors/${fx.actorId}`],
  'GET /api/contact-persons/{id}': () => [`/api/contact-persons/${fx.contactPersonId}`],
  'GET /api/child-places/{id}': () => [`/api/child-places/${fx.childPlaceId}`],
  'GET /api/areas': () => ['/api/areas', `/api/areas?bbox=${cellBbox()}`, `/api/areas?bbox=${bboxTo(fx.lonLat.boundary[0])}`, '/api/areas?q=Diff'],
  'GET /api/areas/{id}/summary': () => [`/api/areas/${fx.westAreaId}/summary`, `/api/areas/${fx.eastAreaId}/summary`],
  'GET /api/exports/{layer}': () => ['units', 'actors', 'child-places', 'areas']
    .flatMap((layer) => ['', '?format=csv', '?format=csv&dialect=standard', '?crs=EPSG:3006', '?format=csv&crs=EPSG:3006', '?format=gpkg', '?format=gpkg&crs=EPSG:3007']
      .map((q) => `/api/exports/${layer}${q}`)),
  'GET /api/exports/all.gpkg': () => ['/api/exports/all.gpkg', '/api/exports/all.gpkg?crs=OGC:CRS84'],
  'GET /api/units/{id}/contacts/export': () => [`/api/units/${fx.unitId}/contacts/export`, `/api/units/${fx.unitId}/contacts/export?format=vcf`,
    `/api/units/${fx.unitId}/contacts/export?format=csv&dialect=standard`],
  // The base data (OpenStreetMap) holds no unit: its answers must not move with the unit either.
  'GET /api/addresses': () => ['/api/addresses?q=Smörkärnegatan%203', '/api/addresses?q=Diff'],
  'GET /api/places/check': () => [fx.lonLat.p1, fx.lonLat.p2, fx.lonLat.coarse].map(([lon, lat]) => `/api/places/check?lon=${lon}&lat=${lat}`),
  'GET /api/base-data': () => ['/api/base-data'],
  'GET /api/basemap/style.json': () => ['/api/basemap/style.json'],
  'GET /api/basemap/tiles/{version}/{z}/{x}/{y}': () => [12, 15].flatMap((z) => [fx.lonLat.p1, fx.lonLat.p2].map((p) => {
    const [x, y] = tileOf(p, z);
    return `/api/basemap/tiles/v0/${z}/${x}/${y}.mvt`;
  })),
  'GET /api/basemap/fonts/{fontstack}/{range}': () => ['/api/basemap/fonts/Noto%20Sans%20Regular/0-255.pbf'],
};

/** GET routes a viewer may not call (asserted: a viewer gets 403), or that hold nothing derived from data, with the reason. */
const EXCLUDED: Record<string, string> = {
  'GET /api/users': 'admin only',
  'GET /api/users/{id}': 'admin only',
  'GET /api/audit': 'admin only',
  'GET /api/contact-persons/{id}/export': 'admin only',
  'GET /api/units/{id}/dependents': 'editors only (counts for the delete confirmation)',
  'GET /api/units/{id}/suggestions': 'editors only (OpenStreetMap places that are not yet actors)',
  'GET /api/base-data/import/{job_id}': 'admin only',
  'GET /api/settings/oidc-role-mappings': 'admin only',
  'GET /api/auth/oidc/start': 'no data: a redirect to the OpenID provider (404 here, where OIDC_ISSUER is unset); api/routes/oidc.test.ts',
  'GET /api/auth/oidc/callback': 'no data: a redirect back to the sign-in page or / with the session cookie (404 here, where OIDC_ISSUER is unset); api/routes/oidc.test.ts',
  'GET /api/openapi.json': 'the API description itself: fixed text, fetched by this test',
  'GET /*': 'the built client (index.html and static files), the same for every caller',
  'GET /assets/*': 'the built client\'s static files',
  'GET /ogc/*': 'no data: a trailing slash answers 308 to the path without it, any other path the OGC JSON 404 (api/auth/basic.test.ts)',
};

/**
 * The OGC API – Features routes, wherever they are listed (the OpenAPI document or only
 * the app's route table); the bbox variants put an edge between P1 and P2.
 */
const OGC_VARIANTS: Record<string, () => string[]> = {
  'GET /ogc': () => ['/ogc'],
  'GET /ogc/conformance': () => ['/ogc/conformance'],
  'GET /ogc/collections': () => ['/ogc/collections'],
  'GET /ogc/collections/{collectionId}': () => ['units', 'actors', 'child-places', 'areas'].map((c) => `/ogc/collections/${c}`),
  'GET /ogc/collections/{collectionId}/queryables': () => ['units', 'actors', 'child-places', 'areas'].map((c) => `/ogc/collections/${c}/queryables`),
  'GET /ogc/collections/{collectionId}/items': () => [
    '/ogc/collections/units/items', `/ogc/collections/units/items?bbox=${cellBbox()}`, `/ogc/collections/units/items?bbox=${bboxTo(fx.lonLat.boundary[0])}`,
    '/ogc/collections/units/items?limit=1&offset=0', `/ogc/collections/actors/items?bbox=${cellBbox()}`, `/ogc/collections/child-places/items?bbox=${cellBbox()}`,
    `/ogc/collections/areas/items?bbox=${cellBbox()}`],
  'GET /ogc/collections/{collectionId}/items/{featureId}': () => [`/ogc/collections/units/items/${fx.unitId}`, `/ogc/collections/actors/items/${fx.actorId}`],
};
Object.assign(VARIANTS, OGC_VARIANTS);

/** Requests that are not GET but only read, which a viewer may make: each with its bodies. */
const READ_POSTS: Record<string, () => unknown[]> = {
  'POST /api/site-analysis': () => [
    { lon: fx.lonLat.coarse[0], lat: fx.lonLat.coarse[1] },
    ...[[2002, 0], [-1995, 0], [300, 0], [0, 1990]].map(([dx, dy]) => ({ dx, dy })),
  ],
};
/** Non-GET routes a viewer may call that change only the caller's own session, tokens or saved site analyses (never called here). */
const VIEWER_WRITES = new Set(['POST /api/auth/login', 'POST /api/auth/logout', 'POST /api/auth/password', 'POST /api/auth/tokens', 'DELETE /api/auth/tokens/{id}', 'DELETE /api/auth/sessions/{id}',
  'POST /api/auth/login/totp', 'POST /api/auth/login/passkey/options', 'POST /api/auth/login/passkey/verify',
  'POST /api/auth/second-factor/totp', 'DELETE /api/auth/second-factor/totp', 'POST /api/auth/second-factor/totp/confirm', 'POST /api/auth/second-factor/recovery-codes',
  'POST /api/auth/second-factor/passkeys/options', 'POST /api/auth/second-factor/passkeys', 'DELETE /api/auth/second-factor/passkeys/{id}',
  'POST /api/site-analyses', 'PATCH /api/site-analyses/{id}', 'DELETE /api/site-analyses/{id}']);

/** Fields that change with any write, whatever moved. */
const VOLATILE_KEYS = new Set(['version', 'updated_at']);
/** Headers that differ per request or carry a version. */
const VOLATILE_HEADERS = new Set(['x-request-id', 'date', 'etag']);

function stripVolatile(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(stripVolatile);
  if (v && typeof v === 'object') {
    return Object.fromEntries(Object.entries(v).filter(([k]) => !VOLATILE_KEYS.has(k)).map(([k, x]) => [k, stripVolatile(x)]));
  }
  return v;
}

/** One answer as comparable text: status, the headers that describe the content, the body (JSON without volatile fields). */
async function answerText(res: Response): Promise<string> {
  const headers = [...res.headers.entries()].filter(([k]) => !VOLATILE_HEADERS.has(k)).sort().map(([k, v]) => `${k}: ${v}`);
  const type = res.headers.get('content-type') ?? '';
  let body: string;
  if (type.includes('json')) body = JSON.stringify(stripVolatile(await res.json()));
  else if (type.includes('mapbox-vector-tile')) body = Buffer.from(await res.arrayBuffer()).toString('base64');
  else if (type.includes('geopackage')) body = await geoPackageText(new Uint8Array(await res.arrayBuffer()));
  else body = await res.text();
  return `${res.status}\n${headers.join('\n')}\n\n${body}`;
}

/**
 * A GeoPackage as comparable text: every table's rows in order (geometry blobs in hex),
 * without the volatile columns and `gpkg_contents.last_change`, which is the request's time.
 */
async function geoPackageText(bytes: Uint8Array): Promise<string> {
  const db = new (await initSqlJs()).Database(bytes);
  try {
    const tables = db.exec("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")[0]!.values.map((r) => String(r[0]));
    return tables.map((table) => {
      const [result] = db.exec(`SELECT * FROM "${table}" ORDER BY 1, 2`);
      if (!result) return `${table}: empty`;
      const keep = result.columns.map((c, i) => [c, i] as const).filter(([c]) => !VOLATILE_KEYS.has(c) && c !== 'last_change');
      const rows = result.values.map((r) => keep.map(([, i]) => (r[i] instanceof Uint8Array ? Buffer.from(r[i] as Uint8Array).toString('hex') : r[i])));
      return `${table}: ${JSON.stringify(keep.map(([c]) => c))}\n${rows.map((r) => JSON.stringify(r)).join('\n')}`;
    }).join('\n');
  } finally {
    db.close();
  }
}

interface Call { route: string; label: string; run(role: 'viewer' | 'editor'): Promise<Response> }

/** The OpenAPI form of a Hono path (`:id` → `{id}`). */
const openApiPath = (p: string) => p.replace(/:(\w+)/g, '{$1}');

let docRoutes: { key: string; method: string; path: string }[] = [];
/** Every GET route: the OpenAPI document's and the app's own route table's (where the OGC API and the client live). */
let getRoutes: string[] = [];
/** The GET routes found only in the app's route table. */
let appOnly: string[] = [];

beforeAll(async () => {
  const doc = await t.getJson('anonymous', '/api/openapi.json');
  docRoutes = Object.entries(doc.paths as Record<string, Record<string, unknown>>)
    .flatMap(([path, ops]) => Object.keys(ops).map((m) => ({ key: `${m.toUpperCase()} ${path}`, method: m.toUpperCase(), path })));
  const documented = docRoutes.filter((r) => r.method === 'GET').map((r) => r.key);
  appOnly = [...new Set(t.app.routes.filter((r) => r.method === 'GET').map((r) => `GET ${openApiPath(r.path.replace(/(.)\/$/, '$1'))}`))]
    .filter((k) => !documented.includes(k));
  getRoutes = [...documented, ...appOnly];
});

function calls(): Call[] {
  const out: Call[] = [];
  const get = (route: string, url: string): Call => ({ route, label: `GET ${url}`, run: (role) => t.request(role, 'GET', url) });
  for (const [route, urls] of Object.entries(VARIANTS)) for (const url of urls()) out.push(get(route, url));
  for (const [route, bodies] of Object.entries(READ_POSTS)) {
    const [method, path] = route.split(' ') as [string, string];
    bodies().forEach((b, i) => out.push({
      route, label: `${route} #${i}`,
      run: async (role) => {
        const body = b as { dx?: number; dy?: number; lon?: number; lat?: number };
        const [lon, lat] = body.dx === undefined ? [body.lon!, body.lat!] : await lonLat(body.dx, body.dy!);
        return t.request(role, method, path, { lon, lat });
      },
    }));
  }
  return out;
}

async function snapshot(role: 'viewer' | 'editor'): Promise<Map<string, string>> {
  const answers = new Map<string, string>();
  for (const c of calls()) answers.set(c.label, await answerText(await c.run(role)));
  return answers;
}

describe('the route table is covered', () => {
  it('every GET route (OpenAPI document and app route table) is exercised or excluded with a reason', () => {
    expect(docRoutes.filter((r) => r.method === 'GET').length).toBeGreaterThan(20);
    expect(getRoutes.filter((k) => k.startsWith('GET /ogc')).length, 'the OGC routes are found').toBeGreaterThanOrEqual(6);
    const unlisted = getRoutes.filter((k) => !(k in VARIANTS) && !(k in EXCLUDED));
    expect(unlisted, 'add these routes to VARIANTS (or, with a reason, EXCLUDED) in api/test/security.differential.test.ts').toEqual([]);
    const gone = [...Object.keys(VARIANTS), ...Object.keys(EXCLUDED)].filter((k) => !getRoutes.includes(k));
    expect(gone, 'listed routes the app does not have').toEqual([]);
  });

  it('excluded routes really are closed to viewers (or hold no data)', async () => {
    for (const [key, reason] of Object.entries(EXCLUDED)) {
      if (reason !== 'admin only' && !reason.startsWith('editors only')) continue;
      const url = key.slice(4).replace(/\{\w+\}/g, '1');
      expect((await t.request('viewer', 'GET', url)).status, key).toBe(403);
    }
  });

  it('every other route a viewer may call only reads (listed in READ_POSTS) or changes the caller\'s own session', async () => {
    const failures: string[] = [];
    for (const r of docRoutes.filter((x) => x.method !== 'GET')) {
      if (r.key in READ_POSTS || VIEWER_WRITES.has(r.key)) continue;
      const url = r.path.replace(/\{\w+\}/g, '999999');
      const res = await t.request('viewer', r.method, url, {}, { 'if-match': '"1"' });
      if (res.status !== 403) failures.push(`${r.key}: a viewer got ${res.status}; add it to READ_POSTS if it only reads`);
    }
    expect(failures).toEqual([]);
  });
});

describe('a restricted unit moved inside its coarse cell', () => {
  it('P1 and P2 snap to the same coarse point, on opposite sides of the area boundary', async () => {
    const [r] = await t.db.query<{ same: boolean; apart: number }>(
      `SELECT ST_Equals(ps_coarse_location(${at(P1, 0)}), ps_coarse_location(${at(P2, 0)})) AND ST_Equals(ps_coarse_location(${at(P1, 0)}), ${at(0, 0)}::geometry) AS same,
              ST_Distance(${at(P1, 0)}, ${at(P2, 0)})::float8 AS apart`);
    expect(r!.same).toBe(true);
    expect(r!.apart).toBeGreaterThan(40);
    expect(r!.apart).toBeLessThan(50);
    expect(fx.lonLat.p1[0]).toBeLessThan(fx.lonLat.boundary[0]);
    expect(fx.lonLat.p2[0]).toBeGreaterThan(fx.lonLat.boundary[0]);
  });

  let viewer1: Map<string, string>;
  let viewer2: Map<string, string>;
  let editor1: Map<string, string>;
  let editor2: Map<string, string>;
  beforeAll(async () => {
    await placeUnit(P1);
    viewer1 = await snapshot('viewer');
    editor1 = await snapshot('editor');
    await placeUnit(P2);
    viewer2 = await snapshot('viewer');
    editor2 = await snapshot('editor');
    await placeUnit(P1);
  });

  it('every call succeeds for the viewer', () => {
    const failed = [...viewer1].filter(([, a]) => !a.startsWith('200\n')).map(([label, a]) => `${label}: ${a.slice(0, 200)}`);
    expect(failed).toEqual([]);
    expect(viewer1.size).toBeGreaterThan(100);
  });

  it('a viewer gets byte-identical answers at P1 and P2 from every route', () => {
    const differing = [...viewer1.keys()].filter((k) => viewer1.get(k) !== viewer2.get(k));
    expect(differing, 'these answers tell P1 from P2').toEqual([]);
  });

  /** Routes whose answers to an editor must tell P1 from P2: proof that the fixture and the comparison see a move. */
  const EDITOR_SEES_THE_MOVE = [
    'GET /api/units/{id}', 'GET /api/units', 'GET /api/units/{id}/zones', 'GET /api/units/{id}/contacts', 'GET /api/units/{id}/child-places',
    'GET /api/information-needs', 'GET /api/exports/information-needs.csv', 'GET /api/implementation', 'GET /api/exports/implementation.csv',
    'GET /api/areas/{id}/summary', 'GET /api/tiles/{layer}/{z}/{x}/{y}', 'GET /api/activities/{id}', 'GET /api/units/{id}/activities',
    'GET /api/follow-ups', 'GET /api/exports/follow-ups.csv', 'GET /api/exports/{layer}', 'GET /api/exports/all.gpkg', 'GET /api/units/{id}/contacts/export',
    'GET /ogc/collections/{collectionId}/items', 'GET /ogc/collections/{collectionId}/items/{featureId}', 'POST /api/site-analysis',
  ];

  it('an editor (need-to-know) sees the move in every route that derives something from the location', () => {
    const labels = new Map(calls().map((c) => [c.label, c.route]));
    const moved = new Set([...editor1.keys()].filter((k) => editor1.get(k) !== editor2.get(k)).map((k) => labels.get(k)));
    expect(EDITOR_SEES_THE_MOVE.filter((r) => !moved.has(r))).toEqual([]);
  });

  it('the move is visible to an editor in the ways the fixture was built for', () => {
    const needs1 = editor1.get(`GET /api/exports/information-needs.csv?unit_id=${fx.unitId}`)!;
    const needs2 = editor2.get(`GET /api/exports/information-needs.csv?unit_id=${fx.unitId}`)!;
    const order = (csv: string) => csv.split('\r\n').filter((l) => l.includes('Diff')).map((l) => l.split(';')[3]);
    expect(order(needs1)).not.toEqual(order(needs2));
    expect(order(needs1)).toContain('Diff kant väst skola');
    expect(order(needs2)).toContain('Diff kant öst skola');
    expect(order(needs2)).not.toContain('Diff kant väst skola');
    const impl = (m: Map<string, string>) => JSON.parse(m.get('GET /api/implementation')!.split('\n\n')[1]!)
      .units.features.find((f: { id: number }) => f.id === fx.unitId).properties.area_names;
    expect(impl(editor1)).toContain('Diff väster');
    expect(impl(editor2)).toContain('Diff öster');
    expect(impl(viewer1)).toContain('Diff öster');
  });
});
