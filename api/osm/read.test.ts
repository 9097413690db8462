import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ApiError } from '../errors.js';
import { buildOsmFixture } from '../test/osmFixture.js';
import { assembleRings, buildMultiPolygon, signedArea2 } from './assemble.js';
import { detectOsmFile } from './detect.js';
import { readOsmFile } from './read.js';

/** The reader without a database: the `out geom` form, file kinds, ring assembly. */
const fx = buildOsmFixture();
const enc = (v: unknown) => new TextEncoder().encode(typeof v === 'string' ? v : JSON.stringify(v));

const ruleOf = (fn: () => unknown) => {
  try {
    fn();
  } catch (e) {
    if (e instanceof ApiError) return { status: e.status, message: e.message, ...(e.details as { rule: string; params: Record<string, unknown> }) };
    throw e;
  }
  throw new Error('did not throw');
};

describe('readOsmFile', () => {
  it('reads the Overpass "out geom" form (way and member geometry, member ways not listed) to the same rows', () => {
    const nodes = new Map<number, { lon: number; lat: number }>();
    for (const e of fx.overpass.elements) if (e.type === 'node') nodes.set(e.id, e);
    const geom = (ids: number[]) => ids.map((id) => ({ lat: nodes.get(id)!.lat, lon: nodes.get(id)!.lon }));
    const memberOnly = new Set<number>();
    for (const e of fx.overpass.elements) if (e.type === 'relation') for (const m of e.members) if (m.type === 'way') memberOnly.add(m.ref);
    const ways = new Map<number, number[]>();
    for (const e of fx.overpass.elements) if (e.type === 'way') ways.set(e.id, e.nodes);
    const elements = fx.overpass.elements.flatMap((e): unknown[] => {
      if (e.type === 'way') return memberOnly.has(e.id) && !e.tags ? [] : [{ ...e, geometry: geom(e.nodes) }];
      if (e.type === 'relation') return [{ ...e, members: e.members.map((m) => ({ ...m, geometry: geom(ways.get(m.ref)!) })) }];
      return [e];
    });
    const plain = readOsmFile(enc(fx.overpass));
    const withGeom = readOsmFile(enc({ version: 0.6, elements }));
    expect(withGeom.counts).toMatchObject({ ways: plain.counts.ways, areas: plain.counts.areas, addresses: plain.counts.addresses, pois: plain.counts.pois, incomplete: 0 });
    const byId = (rows: { osm_type: string; osm_id: number }[]) => [...rows].sort((a, b) => a.osm_type.localeCompare(b.osm_type) || a.osm_id - b.osm_id);
    expect(byId(withGeom.areas)).toEqual(byId(plain.areas));
    expect(withGeom.ways).toEqual(plain.ways);
  });

  it('keeps the complete part of a clipped extract and counts what is cut', () => {
    const cut = fx.overpass.elements.filter((e) => !(e.type === 'node' && e.id % 97 === 0));
    const d = readOsmFile(enc({ elements: cut }));
    expect(d.counts.incomplete).toBeGreaterThan(0);
    for (const w of d.ways) expect(w.node_ids).toHaveLength(w.coords.length);
    expect(d.ways.every((w) => w.node_ids.every((id) => id % 97 !== 0))).toBe(true);
  });

  it('reads elements in any order and dedupes nothing it should keep', () => {
    const shuffled = [...fx.overpass.elements].reverse();
    const a = readOsmFile(enc(fx.overpass)), b = readOsmFile(enc({ elements: shuffled }));
    expect(b.counts).toEqual(a.counts);
    // Two answers pasted together list elements twice: each is still one row (no duplicate key on insert).
    const twice = readOsmFile(enc({ elements: [...fx.overpass.elements, ...fx.overpass.elements] }));
    expect(twice.counts).toMatchObject({ ways: a.counts.ways, areas: a.counts.areas, addresses: a.counts.addresses, pois: a.counts.pois, places: a.counts.places });
  });

  it('names a broken element by its index', () => {
    const bad: unknown[] = [...fx.overpass.elements.slice(0, 3), { type: 'node', id: 5 }];
    expect(ruleOf(() => readOsmFile(enc({ elements: bad })))).toMatchObject({ rule: 'osm_file_broken', params: { at: 3 }, status: 400 });
    const truncated = JSON.stringify(fx.overpass).slice(0, 5000);
    expect(ruleOf(() => readOsmFile(enc(truncated)))).toMatchObject({ rule: 'osm_file_broken' });
    expect(ruleOf(() => readOsmFile(enc({ elements: [] })))).toMatchObject({ rule: 'osm_file_empty' });
    // An Overpass answer of ways without their nodes would replace the base data with nothing.
    const waysOnly = fx.overpass.elements.filter((e) => e.type !== 'node');
    expect(ruleOf(() => readOsmFile(enc({ elements: waysOnly })))).toMatchObject({ rule: 'osm_no_positions', status: 400 });
  });
});

describe('detectOsmFile', () => {
  it.each([
    ['pdf', '%PDF-1.4 …', 'This is a PDF file; the OSM import reads .osm.pbf or Overpass JSON.'],
    ['osm_xml', '<?xml version="1.0"?>\n<osm version="0.6">', 'This is OSM XML (convert it with "osmium cat file.osm -o file.osm.pbf"); the OSM import reads .osm.pbf or Overpass JSON.'],
    ['geojson', '{"type":"FeatureCollection","features":[]}', undefined],
    ['csv', 'id;name\n1;A\n', undefined],
  ])('refuses %s with what it is', (kind, text, message) => {
    const r = ruleOf(() => detectOsmFile(enc(text)));
    expect(r).toMatchObject({ rule: 'osm_file_kind', params: { kind }, status: 415 });
    if (message) expect(r.message).toBe(message);
  });

  it('refuses binary kinds and an empty file', () => {
    expect(ruleOf(() => detectOsmFile(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0])))).toMatchObject({ params: { kind: 'zip' } });
    expect(ruleOf(() => detectOsmFile(gzipSync(enc(fx.overpass))))).toMatchObject({ params: { kind: 'gzip' } });
    expect(ruleOf(() => detectOsmFile(new Uint8Array()))).toMatchObject({ params: { kind: 'empty' }, status: 400 });
  });

  it('accepts Overpass JSON, with a byte order mark too', () => {
    expect(detectOsmFile(enc(`\uFEFF${JSON.stringify({ version: 0.6, elements: [] })}`))).toBe('overpass_json');
  });
});

describe('assembleRings', () => {
  it('joins ways end to end in either direction into closed rings, holes put in their outer ring', () => {
    const sq: [number, number][] = [[0, 0], [4, 0], [4, 4], [0, 4], [0, 0]];
    const parts = [sq.slice(0, 2), [...sq.slice(1, 4)].reverse(), sq.slice(3)];
    const { rings, unclosed } = assembleRings(parts);
    expect(unclosed).toBe(0);
    expect(rings).toHaveLength(1);
    expect(Math.abs(signedArea2(rings[0]!)) / 2).toBe(16);
    const hole: [number, number][] = [[1, 1], [1, 2], [2, 2], [2, 1], [1, 1]];
    const [poly] = buildMultiPolygon(rings, [hole]);
    expect(poly).toHaveLength(2);
    expect(signedArea2(poly![0]!)).toBeGreaterThan(0);
    expect(signedArea2(poly![1]!)).toBeLessThan(0);
    expect(assembleRings([sq.slice(0, 3)]).unclosed).toBe(1);
  });
});

