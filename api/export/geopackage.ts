/**
 * A GeoPackage writer (OGC GeoPackage Encoding Standard 1.3, the format QGIS and GDAL
 * keep vector data in): one SQLite file, one feature table per layer, written into an
 * in-memory database with sql.js (SQLite compiled to WebAssembly, so no native module
 * and the same bytes on every platform) and exported as a file.
 *
 * What the standard requires of a file with features, and what is written:
 * - `application_id` 0x47504B47 ("GPKG") and `user_version` 10300 (version 1.3.0);
 * - `gpkg_spatial_ref_sys` with the three mandatory rows (EPSG:4326, undefined
 *   Cartesian -1, undefined geographic 0) and every CRS a table uses, each with OGC
 *   WKT (1.0, which every reader of 1.3 files understands);
 * - `gpkg_contents` with each table's extent and CRS, `gpkg_geometry_columns` with its
 *   geometry type;
 * - geometry blobs: the GeoPackage header (magic `GP`, version 0, flags for
 *   little-endian and an [minx, maxx, miny, maxy] envelope, the srs_id) followed by
 *   ISO WKB from `wkx`.
 * No spatial index (an optional extension): GDAL and QGIS build one on demand, and the
 * files stay reproducible.
 */
import type { Feature, Geometry } from 'geojson';
import proj4 from 'proj4';
import initSqlJs, { type SqlJsStatic } from 'sql.js';
import wkx from 'wkx';

/** One feature table: its name (a SQL identifier: letters, digits, `_`), a description, the features in the table's CRS. */
export interface GpkgLayer {
  table: string;
  description: string;
  /** EPSG code of the coordinates: 4326 (longitude, latitude) or a SWEREF 99 projection (easting, northing). */
  epsg: number;
  /** The table's geometry type (`POINT`, `MULTIPOLYGON`, …); from the features when absent. */
  geometryType?: string;
  features: readonly Feature[];
}

let engine: Promise<SqlJsStatic> | undefined;
/** sql.js, loaded on the first GeoPackage export rather than at start: most servers never write one. */
const sqlJs = () => (engine ??= initSqlJs());

const GPKG_APPLICATION_ID = 0x47504b47;
const GPKG_USER_VERSION = 10300;

const TABLE_NAME = /^[A-Za-z][A-Za-z0-9_]*$/;
const quote = (identifier: string) => `"${identifier.replace(/"/g, '""')}"`;

const GEOGCS_WGS84 =
  'GEOGCS["WGS 84",DATUM["WGS_1984",SPHEROID["WGS 84",6378137,298.257223563,AUTHORITY["EPSG","7030"]],AUTHORITY["EPSG","6326"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],' +
  'AXIS["Latitude",NORTH],AXIS["Longitude",EAST],AUTHORITY["EPSG","4326"]]';
const GEOGCS_SWEREF99 =
  'GEOGCS["SWEREF99",DATUM["SWEREF99",SPHEROID["GRS 1980",6378137,298.257222101,AUTHORITY["EPSG","7019"]],TOWGS84[0,0,0,0,0,0,0],AUTHORITY["EPSG","6619"]],' +
  'PRIMEM["Greenwich",0,AUTHORITY["EPSG","8901"]],UNIT["degree",0.0174532925199433,AUTHORITY["EPSG","9122"]],AUTHORITY["EPSG","4619"]]';

/**
 * The `gpkg_spatial_ref_sys` row of an EPSG code: WGS 84, or a SWEREF 99 transverse
 * Mercator projection whose parameters are read from its proj4 definition
 * (api/geo/crs.ts), so that the file and the transformation cannot disagree.
 */
function srsRow(epsg: number): [string, number, string, number, string, string] {
  if (epsg === 4326) return ['WGS 84 geodetic', 4326, 'EPSG', 4326, GEOGCS_WGS84, 'longitude/latitude coordinates in decimal degrees on the WGS 84 spheroid'];
  const def = proj4.defs(`EPSG:${epsg}`) as unknown as { projName?: string; zone?: number; long0?: number; k0?: number; x0?: number } | undefined;
  if (!def) throw new Error(`GeoPackage: no definition of EPSG:${epsg}`);
  const utm = def.projName === 'utm';
  const lon0 = utm ? def.zone! * 6 - 183 : Math.round(((def.long0 ?? 0) * 180) / Math.PI * 1e6) / 1e6;
  const k = utm ? 0.9996 : def.k0 ?? 1;
  const x0 = utm ? 500000 : def.x0 ?? 0;
  const name = epsg === 3006 ? 'SWEREF99 TM' : `SWEREF99 ${String(Math.trunc(lon0)).padStart(2, '0')} ${String(Math.round((lon0 % 1) * 60)).padStart(2, '0')}`;
  const wkt =
    `PROJCS["${name}",${GEOGCS_SWEREF99},PROJECTION["Transverse_Mercator"],PARAMETER["latitude_of_origin",0],PARAMETER["central_meridian",${lon0}],` +
    `PARAMETER["scale_factor",${k}],PARAMETER["false_easting",${x0}],PARAMETER["false_northing",0],UNIT["metre",1,AUTHORITY["EPSG","9001"]],` +
    `AXIS["Northing",NORTH],AXIS["Easting",EAST],AUTHORITY["EPSG","${epsg}"]]`;
  return [name, epsg, 'EPSG', epsg, wkt, `${name}: easting, northing in metres`];
}

/** [minX, minY, maxX, maxY] of the positions of a geometry; undefined when it has none. */
function envelope(g: Geometry): [number, number, number, number] | undefined {
  let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
  const visit = (c: unknown): void => {
    if (typeof (c as number[])[0] === 'number') {
      const [x, y] = c as [number, number];
      if (x < minX) minX = x;
      if (x > maxX) maxX = x;
      if (y < minY) minY = y;
      if (y > maxY) maxY = y;
    } else for (const x of c as unknown[]) visit(x);
  };
  if (g.type === 'GeometryCollection') g.geometries.forEach((x) => { const e = envelope(x); if (e) { visit([e[0], e[1]]); visit([e[2], e[3]]); } });
  else visit(g.coordinates);
  return minX === Infinity ? undefined : [minX, minY, maxX, maxY];
}

/** A GeoPackage geometry blob (standard §2.1.3): header with srs_id and envelope, then little-endian WKB. */
export function gpkgGeometry(g: Geometry, srsId: number): Uint8Array {
  const env = envelope(g);
  const wkb = wkx.Geometry.parseGeoJSON(g).toWkb();
  const header = Buffer.alloc(8 + (env ? 32 : 0));
  header.write('GP', 0, 'ascii');
  header.writeUInt8(0, 2); // version 1 of the blob format, written as 0
  // flags: bit 0 little-endian; bits 1–3 envelope [minx, maxx, miny, maxy] (1) or none (0); bit 4 empty geometry
  header.writeUInt8((env ? 1 << 1 : 0) | (env ? 0 : 1 << 4) | 1, 3);
  header.writeInt32LE(srsId, 4);
  if (env) [env[0], env[2], env[1], env[3]].forEach((v, i) => header.writeDoubleLE(v, 8 + i * 8));
  return new Uint8Array(Buffer.concat([header, wkb]));
}

type Column = { name: string; type: 'INTEGER' | 'REAL' | 'TEXT' | 'BOOLEAN' };

/** The columns of the features' properties in first-seen order, typed by their values (JSON text for lists and objects). */
function columnsOf(features: readonly Feature[]): Column[] {
  const seen = new Map<string, Set<string>>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      const kinds = seen.get(k) ?? new Set<string>();
      seen.set(k, kinds);
      if (v === null || v === undefined) continue;
      kinds.add(typeof v === 'number' ? (Number.isInteger(v) ? 'int' : 'real') : typeof v === 'boolean' ? 'bool' : 'text');
    }
  }
  return [...seen].filter(([k]) => !['fid', 'geom'].includes(k.toLowerCase())).map(([name, kinds]) => ({
    name,
    type: kinds.size === 1 && kinds.has('bool') ? 'BOOLEAN' : [...kinds].every((k) => k === 'int') && kinds.size ? 'INTEGER' : [...kinds].every((k) => k === 'int' || k === 'real') && kinds.size ? 'REAL' : 'TEXT',
  }));
}

function cellOf(v: unknown, type: Column['type']): number | string | null {
  if (v === null || v === undefined) return null;
  if (type === 'BOOLEAN') return v ? 1 : 0;
  if (type === 'INTEGER' || type === 'REAL') return v as number;
  return typeof v === 'object' ? JSON.stringify(v) : String(v);
}

/** The geometry type name of a table: the features' one type, or GEOMETRY when they mix (or there are none). */
function geometryTypeOf(features: readonly Feature[]): string {
  const types = new Set(features.map((f) => f.geometry?.type.toUpperCase()).filter(Boolean));
  return types.size === 1 ? [...types][0]! : 'GEOMETRY';
}

/**
 * A GeoPackage file holding `layers`, one feature table each, the feature id as `fid`
 * (numeric ids; others numbered from 1) and the geometry as `geom`. `now` is written
 * as each table's `last_change`.
 */
export async function writeGeoPackage(layers: readonly GpkgLayer[], now: Date): Promise<Uint8Array> {
  const SQL = await sqlJs();
  const db = new SQL.Database();
  try {
    db.run(`PRAGMA application_id = ${GPKG_APPLICATION_ID}; PRAGMA user_version = ${GPKG_USER_VERSION};`);
    db.run(`
      CREATE TABLE gpkg_spatial_ref_sys (
        srs_name TEXT NOT NULL, srs_id INTEGER NOT NULL PRIMARY KEY, organization TEXT NOT NULL,
        organization_coordsys_id INTEGER NOT NULL, definition TEXT NOT NULL, description TEXT);
      CREATE TABLE gpkg_contents (
        table_name TEXT NOT NULL PRIMARY KEY, data_type TEXT NOT NULL, identifier TEXT UNIQUE, description TEXT DEFAULT '',
        last_change DATETIME NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ','now')),
        min_x DOUBLE, min_y DOUBLE, max_x DOUBLE, max_y DOUBLE, srs_id INTEGER,
        CONSTRAINT fk_gc_r_srs_id FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys(srs_id));
      CREATE TABLE gpkg_geometry_columns (
        table_name TEXT NOT NULL, column_name TEXT NOT NULL, geometry_type_name TEXT NOT NULL, srs_id INTEGER NOT NULL,
        z TINYINT NOT NULL, m TINYINT NOT NULL,
        CONSTRAINT pk_geom_cols PRIMARY KEY (table_name, column_name),
        CONSTRAINT uk_gc_table_name UNIQUE (table_name),
        CONSTRAINT fk_gc_tn FOREIGN KEY (table_name) REFERENCES gpkg_contents(table_name),
        CONSTRAINT fk_gc_srs FOREIGN KEY (srs_id) REFERENCES gpkg_spatial_ref_sys (srs_id));`);
    const srs = db.prepare('INSERT INTO gpkg_spatial_ref_sys VALUES (?, ?, ?, ?, ?, ?)');
    srs.run(srsRow(4326));
    srs.run(['Undefined Cartesian SRS', -1, 'NONE', -1, 'undefined', 'undefined Cartesian coordinate reference system']);
    srs.run(['Undefined geographic SRS', 0, 'NONE', 0, 'undefined', 'undefined geographic coordinate reference system']);
    for (const epsg of new Set(layers.map((l) => l.epsg).filter((e) => e !== 4326))) srs.run(srsRow(epsg));
    srs.free();

    const lastChange = now.toISOString().replace(/\.(\d{3})\d*Z$/, '.$1Z');
    for (const layer of layers) {
      if (!TABLE_NAME.test(layer.table)) throw new Error(`GeoPackage: table name ${layer.table} is not a plain identifier`);
      const columns = columnsOf(layer.features);
      const geometryType = layer.geometryType?.toUpperCase() ?? geometryTypeOf(layer.features);
      db.run(`CREATE TABLE ${quote(layer.table)} (fid INTEGER PRIMARY KEY AUTOINCREMENT, geom ${geometryType}${columns.map((c) => `, ${quote(c.name)} ${c.type}`).join('')})`);
      const insert = db.prepare(`INSERT INTO ${quote(layer.table)} (fid, geom${columns.map((c) => `, ${quote(c.name)}`).join('')}) VALUES (?, ?${', ?'.repeat(columns.length)})`);
      let extent: [number, number, number, number] | undefined;
      layer.features.forEach((f, i) => {
        const fid = typeof f.id === 'number' ? f.id : /^\d+$/.test(String(f.id)) ? Number(f.id) : i + 1;
        const e = f.geometry ? envelope(f.geometry) : undefined;
        if (e) extent = extent ? [Math.min(extent[0], e[0]), Math.min(extent[1], e[1]), Math.max(extent[2], e[2]), Math.max(extent[3], e[3])] : e;
        insert.run([fid, f.geometry ? gpkgGeometry(f.geometry, layer.epsg) : null, ...columns.map((c) => cellOf(f.properties?.[c.name], c.type))]);
      });
      insert.free();
      db.run('INSERT INTO gpkg_contents (table_name, data_type, identifier, description, last_change, min_x, min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)', [
        layer.table, 'features', layer.table, layer.description, lastChange, extent?.[0] ?? null, extent?.[1] ?? null, extent?.[2] ?? null, extent?.[3] ?? null, layer.epsg,
      ]);
      db.run('INSERT INTO gpkg_geometry_columns VALUES (?, ?, ?, ?, 0, 0)', [layer.table, 'geom', geometryType, layer.epsg]);
    }
    return db.export();
  } finally {
    db.close();
  }
}
