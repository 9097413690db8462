/** Types for vt-pbf (it ships none): the part this project uses. */
declare module 'vt-pbf' {
  import type { LegacyTile } from 'geojson-vt';
  /** Encodes geojson-vt tiles, one per layer name, as a Mapbox Vector Tile (protobuf). */
  function fromGeojsonVt(layers: Record<string, LegacyTile>, options?: { version?: number; extent?: number }): Uint8Array;
  const vtpbf: { fromGeojsonVt: typeof fromGeojsonVt };
  export default vtpbf;
}
