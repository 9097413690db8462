import type { APIRequestContext } from 'playwright-core';
import { buildOsmFixture, type OsmFixture } from '../api/test/osmFixture.js';

/**
 * Imports the generated Göteborg OpenStreetMap extract into a running product through
 * its own upload route (as an administrator would), waiting for the import to finish.
 * `request` must be signed in as an administrator.
 */
export async function importOsmFixture(request: APIRequestContext, baseUrl: string): Promise<OsmFixture> {
  const fx = buildOsmFixture();
  const res = await request.fetch(`${baseUrl}/api/base-data/import?name=goteborg.json`, {
    method: 'POST',
    data: Buffer.from(JSON.stringify(fx.overpass)),
    headers: { Origin: baseUrl, 'Content-Type': 'application/octet-stream' },
  });
  if (res.status() !== 202) throw new Error(`OSM import: ${res.status()} ${await res.text()}`);
  const { job_id } = (await res.json()) as { job_id: string };
  const until = Date.now() + 120_000;
  for (;;) {
    const job = (await (await request.get(`${baseUrl}/api/base-data/import/${job_id}`)).json()) as { state: string; error?: unknown };
    if (job.state === 'done') return fx;
    if (job.state === 'failed') throw new Error(`OSM import failed: ${JSON.stringify(job.error)}`);
    if (Date.now() > until) throw new Error('OSM import did not finish in 120 s');
    await new Promise((r) => setTimeout(r, 300));
  }
}
