/** The part of shpjs (no types of its own) the Shapefile reader uses. */
declare module 'shpjs' {
  interface ShapefileParts {
    shp: ArrayBuffer | ArrayBufferView;
    dbf?: ArrayBuffer | ArrayBufferView;
    /** The .cpg text: the .dbf's code page. */
    cpg?: string;
    /** The .prj WKT; left out, shpjs does not reproject. */
    prj?: string;
  }
  interface FeatureCollection {
    type: 'FeatureCollection';
    features: { type: 'Feature'; geometry: unknown; properties: Record<string, unknown> }[];
  }
  export default function shp(input: ShapefileParts): Promise<FeatureCollection>;
}
