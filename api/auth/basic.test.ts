/**
 * HTTP Basic with a personal API token as the password, for GIS clients that cannot send
 * a Bearer header (QGIS 3.22): where it is taken, over what, and what a 401 there says.
 */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../test/harness.js';
import { TEST_USERS } from '../test/fixtures.js';
import { basicPassword } from './basic.js';

const t = await createTestContext();
const https = await createTestContext({ publicUrl: 'https://platssamverkan.example.se' });

const basic = (user: string, password: string) => `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;
const viewerBasic = basic(TEST_USERS.viewer.email, TEST_USERS.viewer.token);
/** In-process requests have no socket: the address is the one the header names. */
const FROM_HERE = { 'x-forwarded-for': '127.0.0.1' };
const FROM_AFAR = { 'x-forwarded-for': '203.0.113.7' };

describe('Basic credentials', () => {
  it('are parsed as user:password, the password holding any further colons', () => {
    expect(basicPassword(basic('a@b.se', 'tok:en'))).toBe('tok:en');
    expect(basicPassword(basic('', 'tok'))).toBe('tok');
    expect(basicPassword('Basic bm9jb2xvbg==')).toBeUndefined(); // "nocolon"
    expect(basicPassword('Bearer abc')).toBeUndefined();
  });
});

describe('Basic with a token on the paths GIS clients read', () => {
  it('reads /ogc, its items and a tile as the token owner, from this machine over http', async () => {
    const landing = await t.request('anonymous', 'GET', '/ogc', undefined, { authorization: viewerBasic, ...FROM_HERE });
    expect(landing.status).toBe(200);
    const items = await t.request('anonymous', 'GET', '/ogc/collections/units/items?limit=50', undefined, { authorization: viewerBasic, ...FROM_HERE });
    expect(items.status).toBe(200);
    const byBearer = await t.getJson('viewer', '/ogc/collections/units/items?limit=50');
    expect(await items.json()).toEqual(byBearer);
    const tile = await t.request('anonymous', 'GET', '/api/tiles/actors/12/2184/1240.mvt', undefined, { authorization: viewerBasic, ...FROM_HERE });
    expect(tile.status).toBe(200);
    const byBearerTile = await t.request('viewer', 'GET', '/api/tiles/actors/12/2184/1240.mvt');
    const [viaBasic, viaBearer] = [Buffer.from(await tile.arrayBuffer()), Buffer.from(await byBearerTile.arrayBuffer())];
    expect(viaBearer.byteLength).toBeGreaterThan(0);
    expect(viaBasic.equals(viaBearer)).toBe(true);
  });

  it('reads the OpenAPI document /ogc links as service-desc (QGIS\'s OAPIF fetches it with the layer\'s credentials)', async () => {
    const landing = await (await t.request('anonymous', 'GET', '/ogc', undefined, { authorization: viewerBasic, ...FROM_HERE })).json();
    const serviceDesc = new URL(landing.links.find((l: { rel: string }) => l.rel === 'service-desc').href);
    const doc = await t.request('anonymous', 'GET', serviceDesc.pathname, undefined, { authorization: viewerBasic, ...FROM_HERE });
    expect(doc.status).toBe(200);
    expect((await doc.json()).paths['/ogc/collections/{collectionId}/items']).toBeDefined();
    const wrong = await t.request('anonymous', 'GET', serviceDesc.pathname, undefined, { authorization: basic(TEST_USERS.viewer.email, 'not-a-token'), ...FROM_HERE });
    expect(wrong.status).toBe(401);
  });

  it('reads from afar only over https', async () => {
    const plain = await t.request('anonymous', 'GET', '/ogc', undefined, { authorization: viewerBasic, ...FROM_AFAR });
    expect(plain.status).toBe(401);
    expect((await plain.json()).error.message).toMatch(/only over https/);
    const secure = await https.request('anonymous', 'GET', '/ogc', undefined, { authorization: viewerBasic, ...FROM_AFAR });
    expect(secure.status).toBe(200);
  });

  it('keeps the role of the token: a viewer sees restricted units coarse, as with Bearer', async () => {
    const viaBasic = await t.request('anonymous', 'GET', '/ogc/collections/units/items?limit=100', undefined, { authorization: viewerBasic, ...FROM_HERE });
    const viaEditorBasic = await t.request('anonymous', 'GET', '/ogc/collections/units/items?limit=100', undefined, {
      authorization: basic(TEST_USERS.editor.email, TEST_USERS.editor.token), ...FROM_HERE,
    });
    const coords = async (r: Response) => JSON.stringify(((await r.json()).features as { geometry: unknown }[]).map((f) => f.geometry));
    expect(await coords(viaBasic)).toBe(JSON.stringify((await t.getJson('viewer', '/ogc/collections/units/items?limit=100')).features.map((f: { geometry: unknown }) => f.geometry)));
    expect(await coords(viaEditorBasic)).toBe(JSON.stringify((await t.getJson('editor', '/ogc/collections/units/items?limit=100')).features.map((f: { geometry: unknown }) => f.geometry)));
  });

  it('refuses a wrong token, a password that is not a token and malformed credentials', async () => {
    for (const authorization of [basic(TEST_USERS.viewer.email, 'not-a-token'), basic(TEST_USERS.viewer.email, 'test password'), 'Basic !!!']) {
      const res = await t.request('anonymous', 'GET', '/ogc', undefined, { authorization, ...FROM_HERE });
      expect(res.status, authorization).toBe(401);
    }
  });

  it('is refused on every other path, naming where it is taken', async () => {
    for (const path of ['/api/units', '/api/auth/me', '/api/exports/units']) {
      const res = await t.request('anonymous', 'GET', path, undefined, { authorization: viewerBasic, ...FROM_HERE });
      expect(res.status, path).toBe(401);
      expect((await res.json()).error.message).toMatch(/only on \/ogc and \/api\/tiles/);
    }
  });
});

describe('a 401 on the GIS paths', () => {
  it('challenges for Basic when no cookie came, and never a browser that sent its cookie', async () => {
    for (const path of ['/ogc', '/ogc/collections', '/api/tiles/actors/12/2184/1240.mvt']) {
      const bare = await t.request('anonymous', 'GET', path);
      expect(bare.status, path).toBe(401);
      expect(bare.headers.get('www-authenticate'), path).toMatch(/^Basic realm="Platssamverkan"/);
      const browser = await t.request('anonymous', 'GET', path, undefined, { cookie: 'ps_session=expired' });
      expect(browser.status).toBe(401);
      expect(browser.headers.get('www-authenticate')).toBeNull();
    }
    const api = await t.request('anonymous', 'GET', '/api/units');
    expect(api.headers.get('www-authenticate')).toBeNull();
  });
});

describe('OGC paths a GIS client may type', () => {
  it('a trailing slash is the same resource without it (308, query kept)', async () => {
    const res = await t.request('viewer', 'GET', '/ogc/');
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe('/ogc');
    const items = await t.request('viewer', 'GET', '/ogc/collections/actors/items/?limit=2&f=json');
    expect(items.status).toBe(308);
    expect(items.headers.get('location')).toBe('/ogc/collections/actors/items?limit=2&f=json');
    // Characters a header may not carry arrive percent-encoded in the Location, never as a 500.
    const odd = await t.app.request('http://localhost/ogc/collections/%20/?crs=CGP1da%5D*v1%3C', { headers: { authorization: `Bearer ${TEST_USERS.viewer.token}` } });
    expect(odd.status).toBe(308);
    expect(odd.headers.get('location')).toBe('/ogc/collections/%20?crs=CGP1da%5D*v1%3C');
  });

  it('an unknown path is a JSON 404, not the web app', async () => {
    for (const path of ['/ogc/nope', '/ogc/collections/actors/nope', '/ogc/api']) {
      const res = await t.request('viewer', 'GET', path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type'), path).toMatch(/application\/json/);
      expect((await res.json()).error.message).toMatch(/No such OGC API path/);
    }
  });
});
