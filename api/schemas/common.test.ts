import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inSweden, SWEDEN_BBOX } from './common.js';

const API_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Every TypeScript source of the API (tests aside). */
function sources(dir = API_DIR): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sources(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

describe('inside Sweden', () => {
  it('holds the box edges and refuses what lies beyond them or is swapped', () => {
    expect(inSweden(SWEDEN_BBOX.minLon, SWEDEN_BBOX.minLat)).toBe(true);
    expect(inSweden(SWEDEN_BBOX.maxLon, SWEDEN_BBOX.maxLat)).toBe(true);
    expect(inSweden(11.97, 57.7)).toBe(true);
    expect(inSweden(57.7, 11.97)).toBe(false);
    expect(inSweden(SWEDEN_BBOX.minLon - 1e-9, 60)).toBe(false);
    expect(inSweden(15, SWEDEN_BBOX.maxLat + 1e-9)).toBe(false);
  });

  it('is tested in one place: no other module compares positions with the box itself', () => {
    const comparing = /[<>]=?\s*SWEDEN_BBOX\.|SWEDEN_BBOX\.\w+\s*[<>]=?/;
    const offenders = sources().filter((f) => !f.endsWith(path.join('schemas', 'common.ts')) && comparing.test(fs.readFileSync(f, 'utf8')));
    expect(offenders.map((f) => path.relative(API_DIR, f))).toEqual([]);
  });
});
