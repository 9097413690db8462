import { afterEach, describe, expect, it, vi } from 'vitest';
import { clientConfig } from './clientConfig.js';

const CONFIG = { basemap_style_url: '/basemap/style.json', tile_threshold: 2000 };

/** A fake /api/client-config that answers with `status` and counts its requests. */
function fakeServer(status: () => number) {
  const seen: string[] = [];
  vi.stubGlobal('fetch', async (input: RequestInfo | URL) => {
    seen.push(String(input));
    const s = status();
    return new Response(JSON.stringify(s === 200 ? CONFIG : { error: { code: 'internal', message: 'down' } }), {
      status: s,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  return seen;
}

describe('clientConfig', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks again after a failure, then once for every later caller', async () => {
    let status = 500;
    const seen = fakeServer(() => status);
    await expect(clientConfig()).rejects.toBeTruthy();
    status = 200;
    const [a, b] = await Promise.all([clientConfig(), clientConfig()]);
    expect(a).toEqual(CONFIG);
    expect(b).toEqual(CONFIG);
    expect(await clientConfig()).toEqual(CONFIG);
    expect(seen.filter((u) => u.endsWith('/api/client-config'))).toHaveLength(2);
  });

  it('lets one caller stop waiting without failing the others', async () => {
    fakeServer(() => 200);
    const controller = new AbortController();
    controller.abort();
    await expect(clientConfig(controller.signal)).rejects.toBeTruthy();
    expect(await clientConfig()).toEqual(CONFIG);
  });
});
