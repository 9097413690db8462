import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Database } from '../db/types.js';
import type { RequestContext } from '../services/context.js';
import { TEST_USERS } from './fixtures.js';
import { buildOsmFixture, writeOsmPbf, type OsmFixture } from './osmFixture.js';

/** The generated Göteborg extract and the bytes an upload of it carries, in both formats the importer reads. */
export interface OsmFixtureUploads {
  fx: OsmFixture;
  /** Overpass JSON. */
  json: Uint8Array;
  /** A PBF written by osmium-tool, an encoder independent of the product's reader. */
  pbf: Uint8Array;
}

/** The fixture's Overpass JSON as an upload's bytes. */
export const overpassBytes = (fx: OsmFixture): Uint8Array => new TextEncoder().encode(JSON.stringify(fx.overpass));

/** Builds the fixture and both of its uploads (the PBF needs osmium-tool). */
export async function osmFixtureUploads(): Promise<OsmFixtureUploads> {
  const fx = buildOsmFixture();
  const dir = mkdtempSync(path.join(tmpdir(), 'osm-upload-'));
  try {
    const file = path.join(dir, 'f.osm.pbf');
    await writeOsmPbf(fx, file);
    return { fx, json: overpassBytes(fx), pbf: new Uint8Array(readFileSync(file)) };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** A service context acting as the seeded administrator, whom an import records as its author. */
export async function adminContext(db: Database, now = new Date()): Promise<RequestContext> {
  const [admin] = await db.query<{ id: number }>('SELECT id FROM users WHERE email = $1', [TEST_USERS.admin.email]);
  if (!admin) throw new Error(`The seeded administrator ${TEST_USERS.admin.email} is missing from the test database.`);
  return { db, reader: db, user: { id: admin.id, email: TEST_USERS.admin.email, name: 'Admin', role: 'admin', via: 'token' }, now };
}
