/**
 * What the readers (Overpass JSON, PBF) hand to the collector: OSM elements one at a
 * time, so a reader never builds a second copy of the whole file.
 */
export type Tags = Record<string, string>;
export type LonLat = [number, number];

export interface MemberGeometry {
  /** Way members of an Overpass `out geom` answer carry their vertices. */
  coords?: LonLat[];
}

export interface RelationMember extends MemberGeometry {
  type: 'node' | 'way' | 'relation';
  ref: number;
  role: string;
}

export interface ElementSink {
  node(id: number, lon: number, lat: number, tags: Tags | undefined): void;
  /** `coords`: the way's vertices when the file carries them (Overpass `out geom`). */
  way(id: number, refs: number[], tags: Tags | undefined, coords?: (LonLat | null)[]): void;
  relation(id: number, members: RelationMember[], tags: Tags | undefined): void;
}

/** The two file kinds the import reads (base_imports.source_kind). */
export type OsmSourceKind = 'pbf' | 'overpass_json';
