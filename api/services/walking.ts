/**
 * Walking distances for the services: the walking network of the latest base-data
 * version, built in memory once per database and version (the engine is TypeScript, so
 * PGlite and PostgreSQL give the very same answers) and rebuilt when a new import lands:
 * each call reads the version (one row) and compares. Places are snapped per request
 * from the network's kdbush index (microseconds each), so no snapped point is stored
 * and none can go stale when a record moves or the network changes.
 *
 * A walk counts the way from each place to the network as the crow flies (the snap
 * distance); a place more than WALK_DEFAULTS.maxSnapM from every walkable way, or a walk
 * longer than WALK_DEFAULTS.limitM, has no walking distance (null), as has every place
 * while there is no base data.
 */
import { statement } from '../db/statements.js';
import type { Database, Queryable } from '../db/types.js';
import { WalkNetwork, type LonLat, type ZoneBand } from '../walking/network.js';
import type { RequestContext } from './context.js';

/** Defaults of the walking distances, stated once (the speed itself is the `walking_speed_kmh` setting). */
export const WALK_DEFAULTS = {
  /** Farthest a place may lie from a walkable way and still be on the network, in metres. */
  maxSnapM: 300,
  /** Longest walk the lists measure, in metres; longer ones are null like unreachable ones. */
  limitM: 5000,
  /** Bands of the walk zones when `minutes` is not given. */
  minutes: [5, 10, 15] as readonly number[],
} as const;

const versionQuery = statement('walk_version', []);
const waysQuery = statement('walk_ways', []);
const settingsQuery = statement('walk_settings', []);

export interface WalkSettings { speed_kmh: number; information_distance: 'straight' | 'walking' }

interface Loaded { version: number; network: Promise<WalkNetwork> }

/** One network per database (tests open many) and version. */
const cache = new WeakMap<Database, Loaded>();

interface WayRow { highway: string; tags: Record<string, unknown>; node_ids: number[]; coords: [number, number][] }

async function load(db: Database): Promise<WalkNetwork> {
  const rows = await waysQuery.run<WayRow>(db, {});
  return WalkNetwork.fromWays(rows.map((r) => ({ highway: r.highway, tags: r.tags, nodeIds: r.node_ids.map(Number), coords: r.coords })));
}

/** The walking network of the latest base data, or undefined when there is none. */
export async function walkNetwork(ctx: RequestContext): Promise<{ version: number; network: WalkNetwork } | undefined> {
  const row = await versionQuery.one<{ version: number | null }>(ctx.reader, {});
  const version = row?.version ?? null;
  if (version === null) return undefined;
  let held = cache.get(ctx.db);
  if (!held || held.version !== version) {
    const network = load(ctx.reader);
    held = { version, network };
    cache.set(ctx.db, held);
    network.catch(() => { if (cache.get(ctx.db) === held) cache.delete(ctx.db); });
  }
  return { version, network: await held.network };
}

/** The walking settings as read from one connection (the replica for requests, the primary in a change). */
export async function readWalkSettings(db: Queryable): Promise<WalkSettings & { updated_at: string }> {
  const row = await settingsQuery.one<{ speed_kmh: number | null; information_distance: string | null; updated_at: string }>(db, {});
  if (!row || row.speed_kmh === null || !(row.speed_kmh > 0)) throw new Error('The walking_speed_kmh setting is missing from the settings table.');
  return { speed_kmh: row.speed_kmh, information_distance: row.information_distance === 'walking' ? 'walking' : 'straight', updated_at: row.updated_at };
}

export const walkSettings = (ctx: RequestContext): Promise<WalkSettings> => readWalkSettings(ctx.reader);

/** Minutes of walking for a distance at a speed, to one decimal. */
export const minutesOf = (metres: number, speedKmh: number): number => Math.round((metres / ((speedKmh * 1000) / 60)) * 10) / 10;
/** Metres walked in some minutes at a speed. */
export const metresIn = (minutes: number, speedKmh: number): number => (minutes * speedKmh * 1000) / 60;

/** A walking distance and time for a list item; both null when unknown. */
export interface WalkFields { walk_m: number | null; walk_min: number | null }

/**
 * A walk as the information rules judge it: its fields, and whether both places are on
 * the network. A null walk between two places on the network is longer than the limit
 * (or impossible: the other bank with no bridge), so the place is far on foot; a null
 * walk with a place off the network (or no network) says nothing about the walk.
 */
export interface JudgedWalk extends WalkFields { on_network: boolean }

/** Judges walks from one place to many on one loaded network and speed. */
export type WalkJudge = (from: LonLat, to: readonly LonLat[]) => JudgedWalk[];

/**
 * The walk judge of the latest network (null each when there is no network, a place is
 * off it, or the walk is longer than the limit), rounded as the straight distances
 * (0.1 m); the network and the speed are read once, for callers that judge from many places.
 * A caller that has read the settings already passes them (`known`), saving a query.
 */
export async function walkJudge(ctx: RequestContext, known?: WalkSettings): Promise<WalkJudge> {
  const [net, settings] = await Promise.all([walkNetwork(ctx), known ?? walkSettings(ctx)]);
  if (!net) return (_from, to) => to.map(() => ({ walk_m: null, walk_min: null, on_network: false }));
  const network = net.network, maxSnapM = WALK_DEFAULTS.maxSnapM;
  return (from, to) => {
    const fromOn = network.snap(from, maxSnapM) !== undefined;
    const d = to.length === 0 ? [] : network.distances(from, to, { maxSnapM, limitM: WALK_DEFAULTS.limitM });
    return d.map((m, i) => m === null
      ? { walk_m: null, walk_min: null, on_network: fromOn && network.snap(to[i]!, maxSnapM) !== undefined }
      : { walk_m: Math.round(m * 10) / 10, walk_min: minutesOf(m, settings.speed_kmh), on_network: true });
  };
}

/** Walks from one place (none when it is unknown) to many. */
export async function judgedWalksFrom(ctx: RequestContext, from: LonLat | undefined, to: readonly LonLat[]): Promise<JudgedWalk[]> {
  if (!from || to.length === 0) return to.map(() => ({ walk_m: null, walk_min: null, on_network: false }));
  return (await walkJudge(ctx))(from, to);
}

/** Walking distances from one place to many, for the lists (see judgedWalksFrom). */
export async function walkFieldsFrom(ctx: RequestContext, from: LonLat | undefined, to: readonly LonLat[]): Promise<WalkFields[]> {
  return (await judgedWalksFrom(ctx, from, to)).map(({ walk_m, walk_min }) => ({ walk_m, walk_min }));
}

/** The zone bands of a place, one per minute limit, and how it met the network. */
export async function walkZonesFrom(ctx: RequestContext, from: LonLat, minutes: readonly number[]): Promise<{
  version: number | null; speed_kmh: number; snap_distance_m: number | null; bands: (ZoneBand & { minutes: number })[];
}> {
  const [net, settings] = await Promise.all([walkNetwork(ctx), walkSettings(ctx)]);
  if (!net) return { version: null, speed_kmh: settings.speed_kmh, snap_distance_m: null, bands: [] };
  const snap = net.network.snap(from, WALK_DEFAULTS.maxSnapM);
  const bands = net.network.zones(from, minutes.map((m) => metresIn(m, settings.speed_kmh)), WALK_DEFAULTS.maxSnapM);
  return {
    version: net.version, speed_kmh: settings.speed_kmh, snap_distance_m: snap ? Math.round(snap.distance_m * 10) / 10 : null,
    bands: bands.map((b, i) => ({ ...b, minutes: minutes[i]! })),
  };
}
