import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../test/harness.js';
import { esc, renderDocs } from './docs.js';

let t: TestContext;
beforeAll(async () => {
  t = await createTestContext();
});

const MINE = [
  ['get', '/api/units/{id}/zones'], ['get', '/api/units/{id}/contacts'], ['get', '/api/units/{id}/child-places'],
  ['get', '/api/information-needs'], ['post', '/api/site-analysis'], ['get', '/api/actors'], ['get', '/api/child-places'],
  ['get', '/api/settings/zone-radii'], ['put', '/api/settings/zone-radii'],
] as const;

describe('/api/openapi.json and /api/docs', () => {
  it('documents every proximity route with its parameters and error responses', async () => {
    const doc = await t.getJson('anonymous', '/api/openapi.json');
    for (const [method, path] of MINE) {
      const op = doc.paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op.responses['200']).toBeDefined();
      expect(op.responses['401'], `${method} ${path} 401`).toBeDefined();
    }
    const contactParams = doc.paths['/api/units/{id}/contacts'].get.parameters.map((p: any) => p.name).sort();
    expect(contactParams).toEqual(['category', 'id', 'ring', 'sort']);
    const layerParams = doc.paths['/api/actors'].get.parameters.map((p: any) => p.name).sort();
    expect(layerParams).toEqual(['bbox', 'category', 'limit', 'offset', 'q']);
    expect(doc.paths['/api/information-needs'].get.responses['404']).toBeDefined();
    expect(doc.paths['/api/site-analysis'].post.description).toMatch(/annulus/);
  });

  it('serves a readable page without signing in, with every path, no scripts and a CSP', async () => {
    const res = await t.request('anonymous', 'GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    // Nothing is loaded or linked from another host (identifiers such as OGC's CRS URIs may appear in the text).
    expect(html).not.toMatch(/(?:src|href|action)\s*=\s*["']?https?:\/\/(?!localhost)/i);
    const doc = await t.getJson('anonymous', '/api/openapi.json');
    for (const path of Object.keys(doc.paths)) expect(html).toContain(esc(path));
    expect(html).toContain('bbox');
  });

  it('escapes text from the document', () => {
    const html = renderDocs({
      info: { title: '<script>alert(1)</script>' },
      paths: { '/x': { get: { summary: '<img src=x onerror=alert(1)>', responses: { 200: { description: '"quoted" & <b>' } } } } },
    });
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).toContain('&quot;quoted&quot; &amp; &lt;b&gt;');
  });
});
