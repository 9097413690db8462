import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDemoOutreach } from './demoOutreach.js';

const dir = path.join(import.meta.dirname, 'demo');
const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));

describe('demo outreach data', () => {
  const built = buildDemoOutreach(read('units.geojson'), read('actors.geojson'), read('child-places.geojson'));

  it('is what the generator makes from the demo data (regenerate with npx tsx data/generateOutreach.ts)', () => {
    expect(read('outreach.json')).toEqual(built);
  });

  it('names only units, actors and child places of the demo set, and never residents', () => {
    const ids = (name: string) => new Set(read(name).features.map((f: any) => f.properties.external_id));
    const [units, actors, places] = [ids('units.geojson'), ids('actors.geojson'), ids('child-places.geojson')];
    for (const a of built.activities) {
      expect(units.has(a.unit)).toBe(true);
      for (const id of a.actors) expect(actors.has(id)).toBe(true);
      for (const id of a.child_places) expect(places.has(id)).toBe(true);
      if (a.finding) expect(actors.has(a.finding.responsible)).toBe(true);
      expect(a.note.length).toBeLessThanOrEqual(500);
    }
    expect(built.principles).toHaveLength(units.size * 5);
  });
});
