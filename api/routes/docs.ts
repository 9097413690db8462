import { createRoute, z } from '@hono/zod-openapi';
import { newRouter } from '../validation.js';

/** The parts of an OpenAPI 3.1 document the page reads. */
interface Schema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  items?: Schema;
  prefixItems?: Schema[];
  properties?: Record<string, Schema>;
  required?: string[];
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  description?: string;
  minimum?: number;
  maximum?: number;
  maxLength?: number;
  additionalProperties?: unknown;
}
interface Parameter { name: string; in: string; required?: boolean; description?: string; schema?: Schema }
interface Operation {
  tags?: string[];
  summary?: string;
  description?: string;
  parameters?: Parameter[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: Schema }> }>;
}
interface Document {
  info?: { title?: string; description?: string; version?: string };
  paths?: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];

/** HTML-escapes text; everything from the document passes through it. */
export const esc = (s: unknown): string =>
  String(s ?? '').replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch]!);

const anchor = (s: string) => s.replace(/[^A-Za-z0-9_-]/g, '-');

/** A one-line description of a schema's type, with links to named schemas. */
function typeOf(s: Schema | undefined): string {
  if (!s) return 'any';
  if (s.$ref) {
    const name = s.$ref.split('/').pop()!;
    return `<a href="#schema-${anchor(name)}">${esc(name)}</a>`;
  }
  if (s.const !== undefined) return `<code>${esc(JSON.stringify(s.const))}</code>`;
  if (s.enum) return `one of ${s.enum.map((v) => `<code>${esc(v)}</code>`).join(', ')}`;
  const alts = s.anyOf ?? s.oneOf;
  if (alts) return alts.map(typeOf).join(' | ');
  if (s.allOf) return s.allOf.map(typeOf).join(' &amp; ');
  const t = Array.isArray(s.type) ? s.type.join(' | ') : s.type;
  if (t === 'array') return s.prefixItems ? `[${s.prefixItems.map(typeOf).join(', ')}]` : `array of ${typeOf(s.items)}`;
  if (t === 'object' && s.properties) return 'object (below)';
  const bounds = [
    s.minimum !== undefined ? `≥ ${s.minimum}` : '',
    s.maximum !== undefined ? `≤ ${s.maximum}` : '',
    s.maxLength !== undefined ? `at most ${s.maxLength} characters` : '',
  ].filter(Boolean).join(', ');
  return `${esc(t ?? 'any')}${bounds ? ` (${esc(bounds)})` : ''}`;
}

/** A table of an object schema's properties, nested objects indented below their property. */
function propertiesTable(s: Schema | undefined, depth = 0): string {
  if (!s?.properties || depth > 4) return '';
  const required = new Set(s.required ?? []);
  const rows = Object.entries(s.properties).map(([name, p]) => {
    const nested = p.type === 'object' && p.properties ? propertiesTable(p, depth + 1) : p.items?.properties ? propertiesTable(p.items, depth + 1) : '';
    return `<tr><td><code>${esc(name)}</code>${required.has(name) ? '' : ' <small>(optional)</small>'}</td><td>${typeOf(p)}</td><td>${esc(p.description)}${nested}</td></tr>`;
  });
  return `<table><thead><tr><th>field</th><th>type</th><th>meaning</th></tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function schemaBlock(s: Schema | undefined): string {
  if (!s) return '';
  return `<p>${typeOf(s)}</p>${s.$ref ? '' : propertiesTable(s)}`;
}

function operationHtml(path: string, method: string, op: Operation): string {
  const id = anchor(`${method}-${path}`);
  const params = op.parameters ?? [];
  const body = op.requestBody?.content?.['application/json']?.schema;
  const responses = Object.entries(op.responses ?? {});
  return `<section class="op" id="${id}" aria-labelledby="${id}-h">
<h3 id="${id}-h"><span class="method">${esc(method.toUpperCase())}</span> <code>${esc(path)}</code></h3>
${op.summary ? `<p><strong>${esc(op.summary)}</strong></p>` : ''}
${op.description ? `<p>${esc(op.description)}</p>` : ''}
${params.length ? `<h4>Parameters</h4><table><thead><tr><th>name</th><th>in</th><th>type</th><th>meaning</th></tr></thead><tbody>${params
    .map((p) => `<tr><td><code>${esc(p.name)}</code>${p.required ? ' <small>(required)</small>' : ''}</td><td>${esc(p.in)}</td><td>${typeOf(p.schema)}</td><td>${esc(p.description ?? p.schema?.description)}</td></tr>`)
    .join('')}</tbody></table>` : ''}
${body ? `<h4>Request body (application/json)</h4>${schemaBlock(body)}` : ''}
<h4>Responses</h4><table><thead><tr><th>status</th><th>meaning</th><th>body</th></tr></thead><tbody>${responses
    .map(([status, r]) => `<tr><td>${esc(status)}</td><td>${esc(r.description)}</td><td>${r.content ? Object.values(r.content).map((m) => typeOf(m.schema)).join(', ') : ''}</td></tr>`)
    .join('')}</tbody></table>
</section>`;
}

/** Renders the OpenAPI document as one static, readable HTML page (no scripts, escaped text). */
export function renderDocs(doc: Document): string {
  const ops: { tag: string; path: string; method: string; op: Operation }[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method];
      if (op) ops.push({ tag: op.tags?.[0] ?? 'Other', path, method, op });
    }
  }
  const tags = [...new Set(ops.map((o) => o.tag))];
  const schemas = Object.entries(doc.components?.schemas ?? {});
  const title = doc.info?.title ?? 'API';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>
body{font:16px/1.5 system-ui,sans-serif;margin:0 auto;max-width:70rem;padding:1rem 1.5rem;color:#1a1a1a;background:#fff}
a{color:#0b57a4}code{font-family:ui-monospace,monospace;font-size:.92em}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}th,td{border:1px solid #bbb;padding:.3rem .5rem;text-align:left;vertical-align:top}
th{background:#eef1f5}.op{border-top:2px solid #444;margin-top:2rem}.method{display:inline-block;min-width:4.5rem;font-weight:700}
nav ul{columns:2}td table{margin:.3rem 0 0;font-size:.95em}
</style></head>
<body>
<header><h1>${esc(title)} <small>version ${esc(doc.info?.version)}</small></h1>
<p>${esc(doc.info?.description)}</p>
<p>The machine-readable document: <a href="/api/openapi.json">/api/openapi.json</a>. Errors always have the shape
<code>{"error":{"code","message","details"?}}</code>; a 400 message names the parameter and what is valid.</p></header>
<nav aria-label="Endpoints"><h2>Endpoints</h2><ul>${ops
    .map((o) => `<li><a href="#${anchor(`${o.method}-${o.path}`)}">${esc(o.method.toUpperCase())} ${esc(o.path)}</a></li>`)
    .join('')}</ul></nav>
<main>${tags
    .map((tag) => `<h2 id="tag-${anchor(tag)}">${esc(tag)}</h2>${ops.filter((o) => o.tag === tag).map((o) => operationHtml(o.path, o.method, o.op)).join('\n')}`)
    .join('\n')}
<h2 id="schemas">Schemas</h2>${schemas
    .map(([name, s]) => `<section id="schema-${anchor(name)}" aria-label="${esc(name)}"><h3>${esc(name)}</h3>${s.description ? `<p>${esc(s.description)}</p>` : ''}<p>${typeOf(s)}</p>${propertiesTable(s)}</section>`)
    .join('\n')}
</main></body></html>`;
}

/**
 * The readable API page at `/api/docs`, rendered on the server from the app's own
 * OpenAPI document: no scripts and no CDN, so it works offline under `script-src 'self'`.
 * `app` is the application whose `/api/openapi.json` is rendered.
 */
export const docsRoutes = (app: { request: (path: string) => Response | Promise<Response> }) =>
  newRouter().openapi(
    createRoute({
      method: 'get',
      path: '/docs',
      tags: ['Documentation'],
      summary: 'This API as a readable page',
      description: 'Every endpoint, parameter, body, response and schema of /api/openapi.json as HTML. Public.',
      security: [],
      responses: { 200: { description: 'An HTML page.', content: { 'text/html': { schema: z.string() } } } },
    }),
    async (c) => {
      const res = await app.request('/api/openapi.json');
      const doc = (await res.json()) as Document;
      return c.html(renderDocs(doc), 200);
    },
  );
