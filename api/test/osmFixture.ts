/**
 * A generated OpenStreetMap extract at real Göteborg coordinates, for the base-data import,
 * the basemap tiles, address search, place sanity, actor suggestions and the walking network.
 * No real extract can be downloaded where the tests run, so this builds one: a street grid
 * around the Göta älv CUT by the real river and sea polygons of `../shared/data/goteborg/`
 * (read at run time with `loadWater`, never copied), two bridges where real ones cross,
 * footpaths and steps in parks, a motorway and a railway, parks (one a multipolygon with a
 * hole), land use, buildings (some with `addr:*`), address nodes with Swedish street names
 * and 411 xx / 417 xx postcodes, place names, and points of interest of every kind the
 * suggestions map. The water itself is an OSM multipolygon (`natural=water`, `water=river`)
 * whose rings are split over several member ways, as real extracts have them.
 *
 * Deterministic: the same options give the same elements, ids included (a hash of the grid
 * position decides every "random" choice).
 *
 * PBF: written by osmium-tool (Debian `osmium-tool`) from OSM XML, an encoder independent of
 * the product's reader, so a PBF test checks the reader against someone else's writer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bboxPolygon, featureCollection, intersect } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson';
import { loadWater } from '../../data/water.js';

type Tags = Record<string, string>;
export type LonLat = [number, number];

export interface OverpassNode { type: 'node'; id: number; lat: number; lon: number; tags?: Tags }
export interface OverpassWay { type: 'way'; id: number; nodes: number[]; tags?: Tags }
export interface OverpassRelation { type: 'relation'; id: number; members: { type: 'node' | 'way' | 'relation'; ref: number; role: string }[]; tags?: Tags }
export type OverpassElement = OverpassNode | OverpassWay | OverpassRelation;
export interface OverpassJson {
  version: number;
  generator: string;
  osm3s?: { timestamp_osm_base: string; copyright: string };
  elements: OverpassElement[];
}

export interface OsmFixture {
  overpass: OverpassJson;
  landmarks: {
    bbox: [number, number, number, number];
    bridges: { name: string; osmWayId: number; lonLat: LonLat }[];
    /** Two street nodes on either side of the river, < 400 m apart, far apart on foot. */
    acrossRiver: { north: LonLat; south: LonLat };
    inRiver: LonLat;
    onLand: LonLat;
    addresses: { street: string; housenumber: string; postcode: string; city: string; lonLat: LonLat }[];
    pois: { key: string; value: string; name: string; lonLat: LonLat; osmType: 'node' | 'way'; osmId: number }[];
    streets: { name: string; osmWayId: number; from: LonLat; to: LonLat }[];
  };
}

interface Scale {
  bbox: [number, number, number, number];
  /** Grid spacing in metres. */
  spacing: number;
  /** Most grid edges in one street way. */
  waySpan: number;
  /** An address node on every n-th street edge (both sides). */
  addressEvery: number;
  /** Every n-th building carries addr:*. */
  buildingAddressEvery: number;
  /** Share of blocks with an extra generic POI. */
  poiRate: number;
}

const SCALES: Record<'district' | 'city', Scale> = {
  district: { bbox: [11.89, 57.685, 12.0, 57.725], spacing: 90, waySpan: 5, addressEvery: 1, buildingAddressEvery: 3, poiRate: 0.02 },
  city: { bbox: [11.78, 57.62, 12.12, 57.8], spacing: 42, waySpan: 4, addressEvery: 6, buildingAddressEvery: 4, poiRate: 0.01 },
};

const M_PER_DEG_LAT = 111_320;
const round7 = (x: number) => Math.round(x * 1e7) / 1e7;

/** A 32-bit hash of integers: every "random" choice of the generator, so output is stable. */
function hash(...ns: number[]): number {
  let h = 0x811c9dc5;
  for (const n of ns) {
    h ^= n | 0;
    h = Math.imul(h, 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
  }
  return (h >>> 0) / 0x1_0000_0000;
}

/**
 * Point-in-water for many points: each polygon's edges bucketed by latitude band, an
 * even-odd ray cast over one band. Fast enough for the city grid's millions of samples.
 */
export class WaterIndex {
  private readonly parts: { minY: number; maxY: number; h: number; bands: Float64Array[] }[] = [];

  constructor(features: readonly Feature<Polygon | MultiPolygon>[]) {
    for (const f of features) {
      const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const edges: number[] = [];
      let minY = Infinity, maxY = -Infinity;
      for (const poly of polys) for (const ring of poly) for (let k = 0; k + 1 < ring.length; k++) {
        const a = ring[k]!, b = ring[k + 1]!;
        edges.push(a[0]!, a[1]!, b[0]!, b[1]!);
        minY = Math.min(minY, a[1]!); maxY = Math.max(maxY, a[1]!);
      }
      const n = 2048;
      const h = (maxY - minY) / n || 1;
      const lists: number[][] = Array.from({ length: n }, () => []);
      for (let e = 0; e < edges.length; e += 4) {
        const y0 = Math.min(edges[e + 1]!, edges[e + 3]!), y1 = Math.max(edges[e + 1]!, edges[e + 3]!);
        const b0 = Math.max(0, Math.floor((y0 - minY) / h)), b1 = Math.min(n - 1, Math.floor((y1 - minY) / h));
        for (let b = b0; b <= b1; b++) lists[b]!.push(edges[e]!, edges[e + 1]!, edges[e + 2]!, edges[e + 3]!);
      }
      this.parts.push({ minY, maxY, h, bands: lists.map((l) => Float64Array.from(l)) });
    }
  }

  contains(lon: number, lat: number): boolean {
    for (const p of this.parts) {
      if (lat < p.minY || lat > p.maxY) continue;
      const band = p.bands[Math.min(p.bands.length - 1, Math.floor((lat - p.minY) / p.h))]!;
      let inside = false;
      for (let e = 0; e < band.length; e += 4) {
        const ax = band[e]!, ay = band[e + 1]!, bx = band[e + 2]!, by = band[e + 3]!;
        if ((ay > lat) !== (by > lat) && lon < ax + ((lat - ay) / (by - ay)) * (bx - ax)) inside = !inside;
      }
      if (inside) return true;
    }
    return false;
  }

  /** Whether any point of the segment, sampled every ~8 m, lies in water. */
  crosses(a: LonLat, b: LonLat): boolean {
    const dy = (b[1] - a[1]) * M_PER_DEG_LAT, dx = (b[0] - a[0]) * M_PER_DEG_LAT * Math.cos((a[1] * Math.PI) / 180);
    const n = Math.max(1, Math.ceil(Math.hypot(dx, dy) / 8));
    for (let k = 0; k <= n; k++) if (this.contains(a[0] + ((b[0] - a[0]) * k) / n, a[1] + ((b[1] - a[1]) * k) / n)) return true;
    return false;
  }
}

const STREET_PREFIXES = [
  'Vasa', 'Linné', 'Kungs', 'Drottning', 'Magasins', 'Post', 'Kyrko', 'Köpmans', 'Tyggårds', 'Kronhus',
  'Sillgatan', 'Järntorgs', 'Olivedals', 'Plantage', 'Skån', 'Dalsland', 'Värmlands', 'Husar', 'Fogelbergs', 'Lorens',
  'Ekelunds', 'Sprängkulls', 'Haga Kyrko', 'Sveriges', 'Karl Johans', 'Sannegårds', 'Eriksbergs', 'Kvillebäcks', 'Ringö', 'Gullbergs',
  'Stampgatan', 'Odins', 'Tors', 'Friggs', 'Heden', 'Skol', 'Mölndals', 'Ån', 'Bagare', 'Kålltorps',
  'Munkebäcks', 'Björkekärrs', 'Härlanda', 'Kviberg', 'Slotts', 'Fjäll', 'Linnés', 'Masthugg', 'Stigbergs', 'Klippans',
];
const STREET_SUFFIXES = ['gatan', 'vägen', 'gången', 'allén', 'stråket', 'backen'];
const STREET_QUALIFIERS = ['', 'Östra ', 'Västra ', 'Norra ', 'Södra ', 'Lilla ', 'Stora '];

/** The k-th generated street name: unique for the first 2100, then repeating (as city districts do). */
function streetName(k: number): string {
  const p = STREET_PREFIXES[k % STREET_PREFIXES.length]!;
  const s = STREET_SUFFIXES[Math.floor(k / STREET_PREFIXES.length) % STREET_SUFFIXES.length]!;
  const q = STREET_QUALIFIERS[Math.floor(k / (STREET_PREFIXES.length * STREET_SUFFIXES.length)) % STREET_QUALIFIERS.length]!;
  const base = p.endsWith('gatan') ? p.replace(/gatan$/, s) : p + s;
  return q + base;
}

/** Real streets placed where they are: the column/row nearest the point carries the name. */
const NAMED_STREETS: { name: string; dir: 'ns' | 'ew'; at: LonLat; highway: string }[] = [
  { name: 'Kungsportsavenyen', dir: 'ns', at: [11.9745, 57.7005], highway: 'secondary' },
  { name: 'Östra Hamngatan', dir: 'ns', at: [11.969, 57.7055], highway: 'tertiary' },
  { name: 'Vasagatan', dir: 'ew', at: [11.968, 57.6995], highway: 'tertiary' },
  { name: 'Lindholmsallén', dir: 'ew', at: [11.938, 57.7075], highway: 'secondary' },
  { name: 'Första Långgatan', dir: 'ew', at: [11.948, 57.6985], highway: 'residential' },
];

const RESERVED_NAMES = new Set(NAMED_STREETS.map((x) => x.name));

const BRIDGES: { name: string; lon: number; lat: number; tags: Tags }[] = [
  { name: 'Hisingsbron', lon: 11.9655, lat: 57.712, tags: { highway: 'primary', bridge: 'yes', layer: '1', sidewalk: 'both' } },
  { name: 'Älvsborgsbron', lon: 11.9055, lat: 57.692, tags: { highway: 'trunk', bridge: 'yes', layer: '2', sidewalk: 'both', ref: '155' } },
];

const PLACES: { name: string; place: string; at: LonLat }[] = [
  { name: 'Göteborg', place: 'city', at: [11.9668, 57.7072] },
  { name: 'Inom Vallgraven', place: 'quarter', at: [11.9685, 57.7052] },
  { name: 'Nordstaden', place: 'neighbourhood', at: [11.9660, 57.7085] },
  { name: 'Lindholmen', place: 'suburb', at: [11.9350, 57.7075] },
  { name: 'Lorensberg', place: 'neighbourhood', at: [11.9770, 57.6990] },
  { name: 'Vasastaden', place: 'neighbourhood', at: [11.9660, 57.7000] },
  { name: 'Majorna', place: 'suburb', at: [11.9290, 57.6930] },
  { name: 'Stigberget', place: 'neighbourhood', at: [11.9400, 57.6970] },
  { name: 'Eriksberg', place: 'neighbourhood', at: [11.9150, 57.7030] },
  { name: 'Gullbergsvass', place: 'neighbourhood', at: [11.9850, 57.7140] },
  { name: 'Ringön', place: 'neighbourhood', at: [11.9760, 57.7200] },
  { name: 'Frihamnen', place: 'neighbourhood', at: [11.9580, 57.7180] },
  { name: 'Heden', place: 'neighbourhood', at: [11.9830, 57.7030] },
  { name: 'Haga', place: 'neighbourhood', at: [11.9560, 57.6990] },
  { name: 'Linnéstaden', place: 'suburb', at: [11.9500, 57.6950] },
  { name: 'Gamlestaden', place: 'suburb', at: [12.0200, 57.7280] },
  { name: 'Johanneberg', place: 'suburb', at: [11.9850, 57.6880] },
  { name: 'Guldheden', place: 'suburb', at: [11.9700, 57.6860] },
  { name: 'Kallebäck', place: 'suburb', at: [12.0100, 57.6820] },
  { name: 'Bagaregården', place: 'suburb', at: [12.0050, 57.7100] },
  { name: 'Biskopsgården', place: 'suburb', at: [11.8800, 57.7300] },
  { name: 'Backa', place: 'suburb', at: [11.9900, 57.7500] },
  { name: 'Frölunda', place: 'suburb', at: [11.9000, 57.6500] },
  { name: 'Örgryte', place: 'suburb', at: [12.0000, 57.6950] },
];

/** One POI of every kind the actor suggestions map, near a real place of its kind. */
const POIS: { key: string; value: string; name: string; at: LonLat; osmType: 'node' | 'way'; tags?: Tags }[] = [
  { key: 'shop', value: 'supermarket', name: 'Hemköp Avenyn', at: [11.9745, 57.7012], osmType: 'node' },
  { key: 'shop', value: 'bakery', name: 'Bageriet på Haga', at: [11.9555, 57.6992], osmType: 'node' },
  { key: 'amenity', value: 'cafe', name: 'Café Kronhuset', at: [11.9645, 57.7078], osmType: 'node' },
  { key: 'amenity', value: 'restaurant', name: 'Restaurang Kajskjul 8', at: [11.9405, 57.7062], osmType: 'node' },
  { key: 'amenity', value: 'fast_food', name: 'Max Lindholmen', at: [11.9375, 57.7085], osmType: 'node' },
  { key: 'amenity', value: 'place_of_worship', name: 'Domkyrkan', at: [11.9635, 57.7048], osmType: 'way', tags: { religion: 'christian', denomination: 'lutheran', building: 'church' } },
  { key: 'amenity', value: 'police', name: 'Polisen Göteborg City', at: [11.9835, 57.7085], osmType: 'node' },
  { key: 'amenity', value: 'library', name: 'Stadsbiblioteket', at: [11.9790, 57.6978], osmType: 'node' },
  { key: 'amenity', value: 'clinic', name: 'Vårdcentralen Nordstaden', at: [11.9675, 57.7090], osmType: 'node', tags: { healthcare: 'clinic' } },
  { key: 'amenity', value: 'doctors', name: 'Läkarhuset Odinsgatan', at: [11.9815, 57.7068], osmType: 'node', tags: { healthcare: 'doctor' } },
  { key: 'healthcare', value: 'centre', name: 'Närhälsan Lindholmen vårdcentral', at: [11.9330, 57.7095], osmType: 'node' },
  { key: 'amenity', value: 'community_centre', name: 'Träffpunkt Stigberget', at: [11.9405, 57.6972], osmType: 'node' },
  { key: 'amenity', value: 'youth_centre', name: 'Ungdomens hus Heden', at: [11.9845, 57.7022], osmType: 'node' },
  { key: 'leisure', value: 'sports_centre', name: 'Valhallabadet', at: [11.9885, 57.7000], osmType: 'node', tags: { sport: 'swimming' } },
  { key: 'amenity', value: 'school', name: 'Hvitfeldtska gymnasiet', at: [11.9685, 57.6985], osmType: 'way', tags: { 'isced:level': '3' } },
  { key: 'amenity', value: 'school', name: 'Lindholmens skola', at: [11.9420, 57.7100], osmType: 'node' },
  { key: 'amenity', value: 'kindergarten', name: 'Förskolan Blåsippan', at: [11.9455, 57.7105], osmType: 'node', tags: { operator: 'Göteborgs Stad' } },
  { key: 'leisure', value: 'playground', name: 'Lekplatsen Kungsparken', at: [11.9715, 57.7035], osmType: 'node' },
];

const GENERIC_POIS: { key: string; value: string; word: string }[] = [
  { key: 'amenity', value: 'cafe', word: 'Café' },
  { key: 'amenity', value: 'restaurant', word: 'Restaurang' },
  { key: 'shop', value: 'convenience', word: 'Pressbyrån' },
  { key: 'shop', value: 'hairdresser', word: 'Frisör' },
  { key: 'amenity', value: 'pharmacy', word: 'Apotek' },
  { key: 'amenity', value: 'fast_food', word: 'Pizzeria' },
];

const PARK_NAMES = ['Kungsparken', 'Trädgårdsföreningen', 'Vasaparken', 'Järntorgsparken', 'Plikta', 'Färjenäsparken', 'Keillers park', 'Ekedalsparken', 'Bältesspännarparken', 'Rosenlundsparken'];

/** The generator's state: nodes are made on first use, so no unused node is written. */
class Builder {
  readonly lon: number[] = [];
  readonly lat: number[] = [];
  readonly nodeTags = new Map<number, Tags>();
  readonly ways: OverpassWay[] = [];
  readonly relations: OverpassRelation[] = [];

  node(p: LonLat, tags?: Tags): number {
    this.lon.push(round7(p[0]));
    this.lat.push(round7(p[1]));
    const id = this.lon.length;
    if (tags) this.nodeTags.set(id, tags);
    return id;
  }
  pos(id: number): LonLat { return [this.lon[id - 1]!, this.lat[id - 1]!]; }
  way(nodes: number[], tags: Tags): number {
    const id = this.ways.length + 1;
    this.ways.push({ type: 'way', id, nodes, tags });
    return id;
  }
  relation(members: OverpassRelation['members'], tags: Tags): number {
    const id = this.relations.length + 1;
    this.relations.push({ type: 'relation', id, members, tags });
    return id;
  }
  /** A closed way around a rectangle (corners south-west to north-east), counter-clockwise. */
  rect(sw: LonLat, ne: LonLat, tags: Tags): number {
    const a = this.node(sw), b = this.node([ne[0], sw[1]]), c = this.node(ne), d = this.node([sw[0], ne[1]]);
    return this.way([a, b, c, d, a], tags);
  }
}

type Kind = 'park' | 'forest' | 'industrial' | 'residential' | 'none';

/**
 * Builds the fixture. 'district' is the centre around the Göta älv (the tests' default);
 * 'city' a much larger and denser grid for the import benchmark.
 * Throws when `../shared/data` (the water polygons) is absent.
 */
export function buildOsmFixture(options: { scale?: 'district' | 'city' } = {}): OsmFixture {
  const scale = SCALES[options.scale ?? 'district'];
  const water = loadWater();
  if (!water) {
    throw new Error('The OSM fixture needs the real water polygons in ../shared/data/goteborg/ (water-gota-alv.geojson, water-sea.geojson) beside the checkout; they are absent.');
  }
  const wi = new WaterIndex(water);
  const [w, s, e, n] = scale.bbox;
  const dLat = scale.spacing / M_PER_DEG_LAT;
  const dLon = scale.spacing / (M_PER_DEG_LAT * Math.cos((((s + n) / 2) * Math.PI) / 180));
  const nx = Math.floor((e - w) / dLon) + 1, ny = Math.floor((n - s) / dLat) + 1;
  const gp = (i: number, j: number): LonLat => [round7(w + i * dLon), round7(s + j * dLat)];
  const b = new Builder();

  // Land mask of the grid nodes, and the grid node ids (made when first used).
  const land = new Uint8Array(nx * ny);
  for (let j = 0; j < ny; j++) for (let i = 0; i < nx; i++) { const p = gp(i, j); land[j * nx + i] = wi.contains(p[0], p[1]) ? 0 : 1; }
  const gridId = new Int32Array(nx * ny);
  const gnode = (i: number, j: number) => gridId[j * nx + i] || (gridId[j * nx + i] = b.node(gp(i, j)));
  const edgeOk = (i0: number, j0: number, i1: number, j1: number) =>
    land[j0 * nx + i0] === 1 && land[j1 * nx + i1] === 1 && !wi.crosses(gp(i0, j0), gp(i1, j1));

  const cellLand = (i: number, j: number) =>
    land[j * nx + i] === 1 && land[j * nx + i + 1] === 1 && land[(j + 1) * nx + i] === 1 && land[(j + 1) * nx + i + 1] === 1 &&
    !wi.contains(w + (i + 0.5) * dLon, s + (j + 0.5) * dLat);

  // Superblocks of 3×3 cells: parks (their inner edges footways), forests (paths), land use.
  const SB = 3;
  const sbOk = (I: number, J: number) => {
    for (let j = J * SB; j < (J + 1) * SB; j++) for (let i = I * SB; i < (I + 1) * SB; i++) if (i >= nx - 1 || j >= ny - 1 || !cellLand(i, j)) return false;
    return true;
  };
  const sbCache = new Map<number, Kind>();
  /** The superblock's kind, 'none' unless all of it is land. */
  const sbKind = (I: number, J: number): Kind => {
    const key = J * 100000 + I;
    let k = sbCache.get(key);
    if (k === undefined) {
      const r = hash(I, J, 7);
      k = r < 0.06 ? 'park' : r < 0.08 ? 'forest' : r < 0.13 ? 'industrial' : r < 0.2 ? 'residential' : 'none';
      if (k !== 'none' && !sbOk(I, J)) k = 'none';
      sbCache.set(key, k);
    }
    return k;
  };
  /** The kind of the superblock whose interior holds the edge (i0,j0)-(i1,j1), if the edge is strictly inside one. */
  const interiorKind = (i0: number, j0: number, i1: number, j1: number): Kind => {
    const I = Math.floor(Math.min(i0, i1) / SB), J = Math.floor(Math.min(j0, j1) / SB);
    const inI = (i: number) => i > I * SB && i < (I + 1) * SB, inJ = (j: number) => j > J * SB && j < (J + 1) * SB;
    const ew = j0 === j1;
    const inside = ew ? inJ(j0) && Math.min(i0, i1) >= I * SB && Math.max(i0, i1) <= (I + 1) * SB : inI(i0) && Math.min(j0, j1) >= J * SB && Math.max(j0, j1) <= (J + 1) * SB;
    return inside ? sbKind(I, J) : 'none';
  };

  // Street names: the real ones at their place, then generated ones per run.
  const special = new Map<string, (typeof NAMED_STREETS)[number]>();
  for (const st of NAMED_STREETS) {
    if (st.at[0] < w || st.at[0] > e || st.at[1] < s || st.at[1] > n) continue;
    const i = Math.round((st.at[0] - w) / dLon), j = Math.round((st.at[1] - s) / dLat);
    special.set(st.dir === 'ns' ? `ns:${i}:${j}` : `ew:${i}:${j}`, st);
  }
  let nameCounter = 0;
  interface Run { name: string | undefined; highway: string; cells: [number, number][]; houseNo: number }
  const runs: Run[] = [];
  const streetWays: { id: number; name: string | undefined; run: Run }[] = [];
  const edgeRun = new Map<string, Run>(); // "ew:i:j" → the run holding edge (i,j)-(i+1,j)

  const lineRuns = (dir: 'ew' | 'ns') => {
    const lines = dir === 'ew' ? ny : nx, len = dir === 'ew' ? nx : ny;
    const at = (line: number, k: number): [number, number] => (dir === 'ew' ? [k, line] : [line, k]);
    for (let line = 0; line < lines; line++) {
      const major = dir === 'ew' ? line % 6 === 0 : line % 8 === 0;
      let k = 0;
      while (k < len - 1) {
        const [i0, j0] = at(line, k), [i1, j1] = at(line, k + 1);
        if (!edgeOk(i0, j0, i1, j1)) { k++; continue; }
        // A run of edges on land; split into sub-runs by kind (street vs park footway).
        const start = k;
        while (k < len - 1) { const [a0, b0] = at(line, k), [a1, b1] = at(line, k + 1); if (!edgeOk(a0, b0, a1, b1)) break; k++; }
        let sp: (typeof NAMED_STREETS)[number] | undefined;
        for (let q = start; q <= k; q++) { const [qi, qj] = at(line, q); sp ??= special.get(`${dir}:${qi}:${qj}`); }
        let name = sp?.name;
        while (!name || (!sp && RESERVED_NAMES.has(name))) name = streetName(nameCounter++);
        const run: Run = { name, highway: sp?.highway ?? (major ? (dir === 'ew' ? 'secondary' : 'tertiary') : 'residential'), cells: [], houseNo: 1 };
        runs.push(run);
        for (let q = start; q < k; q++) run.cells.push(at(line, q));
        // Ways: at most waySpan edges, split where the edge kind changes.
        let wayNodes: number[] = [];
        let wayKind: Kind | undefined;
        const flush = () => {
          if (wayNodes.length >= 2) {
            const foot = wayKind === 'park' ? 'footway' : wayKind === 'forest' ? 'path' : undefined;
            const tags: Tags = foot ? { highway: foot } : { highway: run.highway, name: run.name! };
            if (!foot && hash(line, start, 3) < 0.15) tags.maxspeed = '30';
            const id = b.way(wayNodes, tags);
            if (!foot) streetWays.push({ id, name: run.name, run });
          }
          wayNodes = [];
        };
        for (let q = start; q < k; q++) {
          const [i0q, j0q] = at(line, q), [i1q, j1q] = at(line, q + 1);
          const kind = interiorKind(i0q, j0q, i1q, j1q);
          const footKind: Kind = kind === 'park' || kind === 'forest' ? kind : 'none';
          if (wayNodes.length > 0 && (footKind !== wayKind || wayNodes.length > scale.waySpan)) { const last = wayNodes[wayNodes.length - 1]!; flush(); wayNodes = [last]; }
          wayKind = footKind;
          if (wayNodes.length === 0) wayNodes.push(gnode(i0q, j0q));
          wayNodes.push(gnode(i1q, j1q));
          if (footKind === 'none') edgeRun.set(`${dir}:${i0q}:${j0q}`, run);
        }
        flush();
      }
    }
  };
  lineRuns('ew');
  lineRuns('ns');

  // Bridges: along the grid column nearest a real bridge, over the widest water run.
  const bridges: OsmFixture['landmarks']['bridges'] = [];
  const bridgeWayIds = new Set<number>();
  for (const br of BRIDGES) {
    if (br.lon < w || br.lon > e) continue;
    const i = Math.round((br.lon - w) / dLon);
    let best: [number, number] | undefined;
    for (let j = 0; j < ny - 1; j++) {
      if (land[j * nx + i] !== 1 || edgeOk(i, j, i, j + 1)) continue;
      let j1 = j + 1;
      while (j1 < ny && land[j1 * nx + i] !== 1) j1++;
      if (j1 >= ny) break;
      if (!best || j1 - j > best[1] - best[0]) best = [j, j1];
      j = j1 - 1;
    }
    if (!best) throw new Error(`Fixture: no water to bridge at ${br.name}`);
    const nodes: number[] = [];
    for (let j = best[0]; j <= best[1]; j++) nodes.push(gnode(i, j));
    const id = b.way(nodes, { ...br.tags, name: br.name });
    bridgeWayIds.add(id);
    const mid = gp(i, Math.round((best[0] + best[1]) / 2));
    bridges.push({ name: br.name, osmWayId: id, lonLat: mid });
  }

  // A motorway and a railway on their own nodes, cut by the water like the streets.
  const ownLine = (from: LonLat, to: LonLat, stepM: number, tags: Tags, span: number) => {
    const len = Math.hypot((to[0] - from[0]) * M_PER_DEG_LAT * Math.cos((s * Math.PI) / 180), (to[1] - from[1]) * M_PER_DEG_LAT);
    const steps = Math.max(1, Math.round(len / stepM));
    const pts: LonLat[] = [];
    for (let k = 0; k <= steps; k++) pts.push([round7(from[0] + ((to[0] - from[0]) * k) / steps), round7(from[1] + ((to[1] - from[1]) * k) / steps)]);
    let cur: number[] = [];
    const flush = () => { if (cur.length >= 2) b.way(cur, tags); cur = []; };
    for (let k = 0; k + 1 < pts.length; k++) {
      const a = pts[k]!, c = pts[k + 1]!;
      if (wi.contains(a[0], a[1]) || wi.crosses(a, c)) { flush(); continue; }
      if (cur.length === 0) cur.push(b.node(a));
      cur.push(b.node(c));
      if (cur.length > span) { const last = cur[cur.length - 1]!; flush(); cur = [last]; }
    }
    flush();
  };
  const offRow = (lat: number) => s + (Math.floor((lat - s) / dLat) + 0.5) * dLat;
  const offCol = (lon: number) => w + (Math.floor((lon - w) / dLon) + 0.5) * dLon;
  ownLine([Math.max(w, 11.93), offRow(57.7082)], [e, offRow(57.7082)], 60, { highway: 'motorway', ref: 'E45', name: 'Götaleden', oneway: 'yes', foot: 'no' }, 12);
  ownLine([Math.max(w, 11.972), offRow(57.7105)], [e, offRow(57.7105)], 60, { railway: 'rail', name: 'Västra stambanan', usage: 'main', electrified: 'contact_line' }, 12);
  if (e > 12.05) ownLine([offCol(12.0), s], [offCol(12.0), n], 60, { highway: 'motorway', ref: 'E6', oneway: 'yes' }, 12);

  // Blocks taken by a POI area or a named square: no generic building there.
  const taken = new Set<number>();
  const cellOf = (p: LonLat): [number, number] => [Math.max(0, Math.min(nx - 2, Math.floor((p[0] - w) / dLon))), Math.max(0, Math.min(ny - 2, Math.floor((p[1] - s) / dLat)))];
  /** The land cell nearest `p` (searching outwards), so a POI never lands in the river. */
  const landCellNear = (p: LonLat): [number, number] => {
    const [ci, cj] = cellOf(p);
    for (let r = 0; r < 12; r++) for (let dj = -r; dj <= r; dj++) for (let di = -r; di <= r; di++) {
      if (Math.max(Math.abs(di), Math.abs(dj)) !== r) continue;
      const i = ci + di, j = cj + dj;
      if (i >= 0 && j >= 0 && i < nx - 1 && j < ny - 1 && cellLand(i, j) && !taken.has(j * nx + i)) return [i, j];
    }
    throw new Error(`Fixture: no land near ${p.join(',')}`);
  };
  const inset = (i: number, j: number, f: number): [LonLat, LonLat] => [[w + (i + f) * dLon, s + (j + f) * dLat], [w + (i + 1 - f) * dLon, s + (j + 1 - f) * dLat]];
  const centre = (i: number, j: number): LonLat => [round7(w + (i + 0.5) * dLon), round7(s + (j + 0.5) * dLat)];

  // Points of interest of every mapped kind.
  const pois: OsmFixture['landmarks']['pois'] = [];
  for (const p of POIS) {
    if (p.at[0] < w || p.at[0] > e || p.at[1] < s || p.at[1] > n) continue;
    const [i, j] = landCellNear(p.at);
    const tags: Tags = { [p.key]: p.value, name: p.name, ...p.tags };
    if (p.osmType === 'way') {
      taken.add(j * nx + i);
      const [sw, ne] = inset(i, j, 0.2);
      const id = b.rect(sw, ne, { building: 'yes', ...tags });
      pois.push({ key: p.key, value: p.value, name: p.name, lonLat: centre(i, j), osmType: 'way', osmId: id });
    } else {
      const at: LonLat = [round7(w + (i + 0.3 + 0.4 * hash(i, j, 11)) * dLon), round7(s + (j + 0.12) * dLat)];
      const id = b.node(at, tags);
      pois.push({ key: p.key, value: p.value, name: p.name, lonLat: at, osmType: 'node', osmId: id });
    }
  }
  // A named square as a closed way (a place from a way).
  const square: LonLat = [11.9665, 57.7068];
  if (square[0] > w && square[0] < e && square[1] > s && square[1] < n) {
    const [i, j] = landCellNear(square);
    taken.add(j * nx + i);
    const [sw, ne] = inset(i, j, 0.15);
    b.rect(sw, ne, { place: 'square', name: 'Gustaf Adolfs torg', highway: 'pedestrian', area: 'yes' });
  }

  // Parks, forests and land use over superblocks; the first park a multipolygon with a pond (hole).
  let parkNo = 0;
  let multipolygonDone = false;
  for (let J = 0; J * SB < ny - 1; J++) for (let I = 0; I * SB < nx - 1; I++) {
    const kind = sbKind(I, J);
    if (kind === 'none') continue;
    const sw: LonLat = [w + (I * SB + 0.08) * dLon, s + (J * SB + 0.08) * dLat];
    const ne: LonLat = [w + ((I + 1) * SB - 0.08) * dLon, s + ((J + 1) * SB - 0.08) * dLat];
    if (kind === 'park') {
      const name = PARK_NAMES[parkNo % PARK_NAMES.length]! + (parkNo >= PARK_NAMES.length ? ` ${Math.floor(parkNo / PARK_NAMES.length) + 1}` : '');
      parkNo++;
      if (!multipolygonDone) {
        multipolygonDone = true;
        // Outer ring from two ways (ring assembly), inner ring: the pond in the centre cell.
        const a = b.node(sw), c = b.node([ne[0], sw[1]]), d = b.node(ne), f = b.node([sw[0], ne[1]]);
        const w1 = b.way([a, c, d], {}), w2 = b.way([d, f, a], {});
        const [psw, pne] = inset(I * SB + 1, J * SB + 1, 0.25);
        const pond = b.rect(psw, pne, { natural: 'water', water: 'pond', name: 'Dammen' });
        b.relation([{ type: 'way', ref: w1, role: 'outer' }, { type: 'way', ref: w2, role: 'outer' }, { type: 'way', ref: pond, role: 'inner' }], { type: 'multipolygon', leisure: 'park', name });
      } else {
        b.rect(sw, ne, { leisure: 'park', name });
      }
      // Steps and a footpath diagonally across the south-west cell.
      const g0 = gnode(I * SB, J * SB), g1 = gnode(I * SB + 1, J * SB + 1);
      const midP: LonLat = [w + (I * SB + 0.5) * dLon, s + (J * SB + 0.5) * dLat];
      const m = b.node(midP);
      b.way([g0, m], { highway: 'steps', step_count: '24' });
      b.way([m, g1], { highway: 'footway', surface: 'gravel' });
      if (hash(I, J, 5) < 0.5) b.node(centre(I * SB + 2, J * SB + 2), { leisure: 'playground' });
    } else if (kind === 'forest') {
      b.rect(sw, ne, { landuse: 'forest' });
      const g0 = gnode(I * SB, J * SB + 3), g1 = gnode(I * SB + 1, J * SB + 2);
      b.way([g0, g1], { highway: 'path' });
    } else {
      b.rect(sw, ne, { landuse: kind });
    }
  }

  // Address nodes beside each named run: odd numbers on one side, even on the other.
  const addresses: OsmFixture['landmarks']['addresses'] = [];
  let edgeNo = 0;
  for (const run of runs) {
    if (!run.name) continue;
    const cells = NAMED_STREETS.some((x) => x.name === run.name && x.dir === 'ns') ? [...run.cells].reverse() : run.cells;
    for (const [i, j] of cells) {
      if (edgeNo++ % scale.addressEvery !== 0) continue;
      const ew = edgeRun.get(`ew:${i}:${j}`) === run;
      const ns = edgeRun.get(`ns:${i}:${j}`) === run;
      if (!ew && !ns) continue;
      const mid: LonLat = ew ? [w + (i + 0.5) * dLon, s + j * dLat] : [w + i * dLon, s + (j + 0.5) * dLat];
      for (const side of [1, -1]) {
        const p: LonLat = ew ? [round7(mid[0]), round7(mid[1] + side * 0.13 * dLat)] : [round7(mid[0] + side * 0.13 * dLon), round7(mid[1])];
        if (wi.contains(p[0], p[1])) continue;
        const tags = addrTags(run, run.houseNo++, p[0], p[1]);
        b.node(p, tags);
        const no = run.houseNo - 1;
        if ((no <= 2 && addresses.length < 80) || (RESERVED_NAMES.has(run.name) && no <= 4)) {
          addresses.push({ street: run.name, housenumber: tags['addr:housenumber']!, postcode: tags['addr:postcode']!, city: 'Göteborg', lonLat: p });
        }
      }
    }
  }

  // Buildings, some with addr:* of the street south of them.
  let buildingNo = 0;
  for (let j = 0; j < ny - 1; j++) for (let i = 0; i < nx - 1; i++) {
    if (taken.has(j * nx + i) || !cellLand(i, j)) continue;
    const I = Math.floor(i / SB), J = Math.floor(j / SB);
    const k = sbKind(I, J);
    if (k === 'park' || k === 'forest') continue;
    const [sw, ne] = inset(i, j, 0.22);
    if (wi.contains(sw[0], sw[1]) || wi.contains(ne[0], ne[1]) || wi.contains(sw[0], ne[1]) || wi.contains(ne[0], sw[1])) continue;
    const r = hash(i, j, 13);
    const tags: Tags = { building: r < 0.6 ? 'apartments' : r < 0.75 ? 'residential' : r < 0.9 ? 'commercial' : 'yes' };
    if (r < 0.5) tags['building:levels'] = String(3 + Math.floor(hash(i, j, 17) * 5));
    const run = edgeRun.get(`ew:${i}:${j}`);
    if (run?.name && buildingNo++ % scale.buildingAddressEvery === 0) Object.assign(tags, addrTags(run, run.houseNo++ , ...centre(i, j)));
    b.rect(sw, ne, tags);
    if (hash(i, j, 19) < scale.poiRate) {
      const g = GENERIC_POIS[Math.floor(hash(i, j, 23) * GENERIC_POIS.length)]!;
      b.node([round7(w + (i + 0.5) * dLon), round7(s + (j + 0.8) * dLat)], { [g.key]: g.value, name: `${g.word} ${run?.name ?? 'Göteborg'}` });
    }
  }

  function postcode(lon: number, lat: number): string {
    const hisingen = lat > 57.7 + (lon - 11.92) * 0.314 && lon < 11.992;
    const km = Math.hypot((lon - 11.967) * 59.6, (lat - 57.707) * 111.3);
    const base = hisingen ? (lon < 11.9 ? 418 : 417) : 411 + Math.min(5, Math.floor(km / 1.5));
    return `${base} ${String(10 + ((Math.floor(lon * 400) + Math.floor(lat * 300)) % 80)).padStart(2, '0')}`;
  }
  function addrTags(run: Run, no: number, lon: number, lat: number): Tags {
    return { 'addr:street': run.name!, 'addr:housenumber': String(no), 'addr:postcode': postcode(lon, lat), 'addr:city': 'Göteborg' };
  }

  // Place names.
  for (const p of PLACES) if (p.at[0] >= w && p.at[0] <= e && p.at[1] >= s && p.at[1] <= n) b.node(p.at, { place: p.place, name: p.name });

  // The water: each file a multipolygon relation, its rings cut to the extent and split into member ways of ≤ 400 nodes.
  // Cut by a true polygon intersection: a bbox clip (Sutherland–Hodgman) keeps a concave
  // shape as one ring that runs back and forth along the edge, which is not a valid OSM ring.
  water.forEach((f, fi) => {
    const cut = intersect(featureCollection([f, bboxPolygon([w, s, e, n])]));
    if (!cut) return;
    const clipped = cut.geometry as Polygon | MultiPolygon;
    const polys: Position[][][] = clipped.type === 'Polygon' ? [clipped.coordinates] : clipped.coordinates;
    const members: OverpassRelation['members'] = [];
    for (const poly of polys) poly.forEach((ring, ri) => {
      const pts = dedupe(ring);
      if (pts.length < 4) return;
      const ids = pts.slice(0, -1).map((p) => b.node([p[0]!, p[1]!]));
      ids.push(ids[0]!);
      for (let k = 0; k < ids.length - 1; k += 399) members.push({ type: 'way', ref: b.way(ids.slice(k, Math.min(ids.length, k + 400)), {}), role: ri === 0 ? 'outer' : 'inner' });
    });
    if (members.length > 0) b.relation(members, { type: 'multipolygon', natural: 'water', water: 'river', name: 'Göta älv', ...(fi === 1 ? { 'name:en': 'Göta River' } : {}) });
  });

  // Across the river: two street nodes < 400 m apart with water between, connected only over a bridge.
  const across = findAcrossRiver(b, wi, bridges, bridgeWayIds);

  // Elements: nodes, ways, relations, each in id order (as Overpass and osmium write them).
  const elements: OverpassElement[] = [];
  for (let k = 0; k < b.lon.length; k++) {
    const id = k + 1;
    const tags = b.nodeTags.get(id);
    elements.push(tags ? { type: 'node', id, lat: b.lat[k]!, lon: b.lon[k]!, tags } : { type: 'node', id, lat: b.lat[k]!, lon: b.lon[k]! });
  }
  for (const wy of b.ways) elements.push(wy.tags && Object.keys(wy.tags).length > 0 ? wy : { type: 'way', id: wy.id, nodes: wy.nodes });
  elements.push(...b.relations);

  const streets: OsmFixture['landmarks']['streets'] = [];
  for (const name of ['Kungsportsavenyen', 'Östra Hamngatan', 'Vasagatan', 'Lindholmsallén', 'Första Långgatan']) {
    const sw = streetWays.find((x) => x.name === name);
    if (!sw) continue;
    const nodes = b.ways[sw.id - 1]!.nodes;
    streets.push({ name, osmWayId: sw.id, from: b.pos(nodes[0]!), to: b.pos(nodes[nodes.length - 1]!) });
  }
  const ave = addresses.find((a) => a.street === 'Kungsportsavenyen' && a.housenumber === '1');
  if (!ave) throw new Error('Fixture: Kungsportsavenyen 1 was not placed');
  const onLand = ave.lonLat;

  return {
    overpass: {
      version: 0.6,
      generator: 'Platssamverkan OSM fixture (api/test/osmFixture.ts)',
      osm3s: { timestamp_osm_base: '2026-01-01T00:00:00Z', copyright: 'Generated test data at real Göteborg coordinates; water polygons © Göteborgs Stad' },
      elements,
    },
    landmarks: { bbox: scale.bbox, bridges, acrossRiver: { north: across.north, south: across.south }, inRiver: across.mid, onLand, addresses, pois, streets },
  };
}

function dedupe(ring: Position[]): Position[] {
  const out: Position[] = [];
  for (const p of ring) {
    const q = [round7(p[0]!), round7(p[1]!)];
    const last = out[out.length - 1];
    if (!last || last[0] !== q[0] || last[1] !== q[1]) out.push(q);
  }
  return out;
}

/**
 * Finds two nodes of the street network facing each other across the river (straight line
 * < 400 m, only water between), in different parts of the network without the bridges and
 * the same part with them, away from both bridges.
 */
function findAcrossRiver(b: Builder, wi: WaterIndex, bridges: OsmFixture['landmarks']['bridges'], bridgeWayIds: Set<number>): { north: LonLat; south: LonLat; mid: LonLat } {
  const walkable = (t: Tags | undefined) => !!t?.highway && t.highway !== 'motorway';
  const parent = new Int32Array(b.lon.length + 1).map((_, k) => k);
  const find = (x: number): number => { while (parent[x] !== x) { parent[x] = parent[parent[x]!]!; x = parent[x]!; } return x; };
  const union = (x: number, y: number) => { parent[find(x)] = find(y); };
  const streetNodes = new Set<number>();
  for (const wy of b.ways) {
    if (!walkable(wy.tags) || bridgeWayIds.has(wy.id)) continue;
    for (let k = 0; k < wy.nodes.length; k++) { streetNodes.add(wy.nodes[k]!); if (k > 0) union(wy.nodes[k - 1]!, wy.nodes[k]!); }
  }
  const noBridge = new Map<number, number>();
  for (const id of streetNodes) noBridge.set(id, find(id));
  for (const id of bridgeWayIds) { const nodes = b.ways[id - 1]!.nodes; union(nodes[0]!, nodes[nodes.length - 1]!); }
  const bridgeRoot = find(b.ways[[...bridgeWayIds][0]! - 1]!.nodes[0]!);
  // Street nodes by column (same longitude), sorted by latitude.
  const byLon = new Map<number, number[]>();
  for (const id of streetNodes) { const lon = b.lon[id - 1]!; (byLon.get(lon) ?? byLon.set(lon, []).get(lon)!).push(id); }
  const metres = (a: LonLat, c: LonLat) => Math.hypot((a[0] - c[0]) * M_PER_DEG_LAT * Math.cos((a[1] * Math.PI) / 180), (a[1] - c[1]) * M_PER_DEG_LAT);
  const lons = [...byLon.keys()].sort((x, y) => y - x);
  for (const lon of lons) {
    if (bridges.some((br) => metres(br.lonLat, [lon, br.lonLat[1]]) < 1200)) continue;
    const ids = byLon.get(lon)!.sort((x, y) => b.lat[x - 1]! - b.lat[y - 1]!);
    for (let k = 0; k + 1 < ids.length; k++) {
      const sId = ids[k]!, nId = ids[k + 1]!;
      const sp = b.pos(sId), np = b.pos(nId);
      const d = metres(sp, np);
      if (d < 120 || d > 380) continue;
      const mid: LonLat = [lon, round7((sp[1] + np[1]) / 2)];
      if (!wi.contains(mid[0], mid[1])) continue;
      if (noBridge.get(sId) === noBridge.get(nId) || find(sId) !== bridgeRoot || find(nId) !== bridgeRoot) continue;
      return { north: np, south: sp, mid };
    }
  }
  throw new Error('Fixture: found no pair of street nodes across the river away from the bridges');
}

export function writeOverpassJson(fixture: OsmFixture, file: string): void {
  writeFileSync(file, JSON.stringify(fixture.overpass));
}

const xmlAttr = (v: string) => v.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/\n/g, '&#10;');
const xmlTags = (tags: Tags | undefined) => Object.entries(tags ?? {}).map(([k, v]) => `<tag k="${xmlAttr(k)}" v="${xmlAttr(v)}"/>`).join('');

/** Writes the fixture as OSM XML (streamed, the city fixture is large). */
export function writeOsmXml(fixture: OsmFixture, file: string): void {
  const fd = openSync(file, 'w');
  let buf = '';
  const put = (s: string) => { buf += s; if (buf.length > 1 << 20) { writeSync(fd, buf); buf = ''; } };
  try {
    const [w, s, e, n] = fixture.landmarks.bbox;
    put(`<?xml version="1.0" encoding="UTF-8"?>\n<osm version="0.6" generator="${xmlAttr(fixture.overpass.generator)}">\n<bounds minlat="${s}" minlon="${w}" maxlat="${n}" maxlon="${e}"/>\n`);
    for (const el of fixture.overpass.elements) {
      const t = xmlTags(el.tags);
      if (el.type === 'node') put(t ? `<node id="${el.id}" version="1" lat="${el.lat}" lon="${el.lon}">${t}</node>\n` : `<node id="${el.id}" version="1" lat="${el.lat}" lon="${el.lon}"/>\n`);
      else if (el.type === 'way') put(`<way id="${el.id}" version="1">${el.nodes.map((r) => `<nd ref="${r}"/>`).join('')}${t}</way>\n`);
      else put(`<relation id="${el.id}" version="1">${el.members.map((m) => `<member type="${m.type}" ref="${m.ref}" role="${xmlAttr(m.role)}"/>`).join('')}${t}</relation>\n`);
    }
    put('</osm>\n');
    writeSync(fd, buf);
  } finally {
    closeSync(fd);
  }
}

/** Writes the fixture as `.osm.pbf` with osmium-tool (from OSM XML in a temporary folder). */
export async function writeOsmPbf(fixture: OsmFixture, file: string): Promise<void> {
  const dir = mkdtempSync(path.join(tmpdir(), 'osm-fixture-'));
  try {
    const xml = path.join(dir, 'fixture.osm');
    writeOsmXml(fixture, xml);
    try {
      execFileSync('osmium', ['cat', '--no-progress', '--overwrite', '-o', file, '-f', 'pbf', xml], { stdio: ['ignore', 'ignore', 'pipe'] });
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'ENOENT') throw new Error('writeOsmPbf needs osmium-tool (Debian package osmium-tool); it is not installed.');
      throw err;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
