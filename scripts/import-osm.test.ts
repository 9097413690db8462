import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pgliteTemplateDir } from '../api/test/templates.js';
import { buildOsmFixture, writeOverpassJson } from '../api/test/osmFixture.js';
import { runScript } from './runScript.js';

/** `npm run import-osm`: the fixture imported into a copy of the test database; refusals exit 1, wrong usage 2. */

describe('npm run import-osm (scripts/import-osm.ts)', () => {
  let dir: string;
  let file: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ps-import-osm-cli-'));
    fs.cpSync(pgliteTemplateDir(), path.join(dir, 'data'), { recursive: true });
    file = path.join(dir, 'goteborg.json');
    writeOverpassJson(buildOsmFixture(), file);
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const cli = (...args: string[]) =>
    runScript('scripts/import-osm.ts', args, { DATA_DIR: path.join(dir, 'data'), DATABASE_URL: '' }, 240_000).then((r) => ({ code: r.code, out: r.stdout, err: r.stderr }));

  it('imports the fixture with progress on stderr and the summary on stdout; a PDF exits 1; no file exits 2', async () => {
    const first = await cli(file);
    expect(first.code, first.err).toBe(0);
    expect(first.out).toMatch(/^Imported base data version 1 from goteborg\.json \(overpass_json\)/);
    expect(first.out).toMatch(/\d+ ways, \d+ areas, \d+ places, \d+ addresses, \d+ points of interest/);
    expect(first.err).toMatch(/write:addresses \d+\/\d+/);
    const pdf = path.join(dir, 'karta.pdf');
    fs.writeFileSync(pdf, '%PDF-1.5\n');
    const refused = await cli(pdf);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(/Refused: This is a PDF file; the OSM import reads \.osm\.pbf or Overpass JSON\./);
    expect((await cli()).code).toBe(2);
  }, 600_000);
});
