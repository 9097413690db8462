import type { Database } from './types.js';

/**
 * Whether the database encodes Mapbox Vector Tiles itself with ST_AsMVT. PostgreSQL's
 * PostGIS does; the embedded PostGIS (PGlite's WASM build) is compiled without
 * protobuf-c, so ST_AsMVT is missing there and the API encodes tiles in JavaScript.
 * This is the one place outside the adapters that looks at the engine: the two
 * engines otherwise run the same SQL files and give the same answers.
 */
export const encodesVectorTiles = (db: Database): boolean => db.kind === 'postgresql';
