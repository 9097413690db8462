import { length, lineString } from '@turf/turf';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { generate } from '../bench/generate.js';
import { apiRequest } from './apiRequest.js';
import { expectAccessible, expectClean, hasChromium, POLL, screenshot, useProduct, waitForMap, waitForMapIdle } from './harness.js';

type LonLat = [number, number];
interface Box { x1: number; y1: number; x2: number; y2: number }
interface UnitF { id: number; geometry: { coordinates: LonLat }; properties: { name: string; status: string } }

const ZOOMS = [12, 15, 17] as const;

/** Moves the (first) map and waits until it has drawn and placed its symbols. */
async function view(page: Page, center: LonLat, zoom: number): Promise<void> {
  await page.evaluate(
    ([c, z]) => {
      const map = (document.querySelector('.map-canvas') as unknown as { psMap: import('maplibre-gl').Map }).psMap;
      map.jumpTo({ center: c as [number, number], zoom: z as number });
    },
    [center, zoom] as const,
  );
  await waitForMapIdle(page);
  await page.evaluate(
    () =>
      new Promise<void>((resolve) => {
        const map = (document.querySelector('.map-canvas') as unknown as { psMap: import('maplibre-gl').Map }).psMap;
        if (map.loaded() && !map.isMoving()) map.once('idle', () => resolve());
        else map.once('idle', () => resolve());
        map.triggerRepaint();
      }),
  );
}

/**
 * The boxes MapLibre's collision index holds for the placed symbols (screen pixels),
 * split into labels and icons. For a symbol with both, the text box is inserted just
 * before the icon box under the same key (maplibre-gl src/symbol/placement.ts); a lone
 * box is an icon when it is square (icons are square images; a one-line label is
 * several times wider than tall). Boxes of layers that ignore placement (clusters, the
 * drawn houses) are in another grid and not read.
 */
async function placedBoxes(page: Page): Promise<{ labels: Box[]; icons: Box[]; own: Map<Box, Box>; counts: Box[] }> {
  const { labels, icons, pairs, counts } = await collisionBoxes(page);
  return { labels, icons, own: new Map(pairs.map(([l, i]) => [labels[l]!, icons[i]!])), counts };
}

/** The collision index's boxes; `counts` are the clusters' counts (their invisible reserve copy, by the layer that placed each box). */
async function collisionBoxes(page: Page): Promise<{ labels: Box[]; icons: Box[]; pairs: [number, number][]; counts: Box[] }> {
  return page.evaluate(() => {
    const map = (document.querySelector('.map-canvas') as unknown as { psMap: unknown }).psMap as {
      style: {
        placement: {
          collisionIndex: { grid: { boxKeys: { bucketInstanceId: number; featureIndex: number }[]; bboxes: number[] } };
          retainedQueryData: Record<number, { bucketIndex: number; featureIndex: { bucketLayerIDs: string[][] } }>;
        };
      };
    };
    const { boxKeys, bboxes } = map.style.placement.collisionIndex.grid;
    const layerOf = (bucket: number) => {
      const q = map.style.placement.retainedQueryData[bucket];
      return q?.featureIndex.bucketLayerIDs[q.bucketIndex]?.[0];
    };
    const all = boxKeys.map((k, i) => ({ k, b: { x1: bboxes[4 * i]!, y1: bboxes[4 * i + 1]!, x2: bboxes[4 * i + 2]!, y2: bboxes[4 * i + 3]! } }));
    const counts = all.filter((x) => layerOf(x.k.bucketInstanceId) === 'places-clusters-reserve').map((x) => x.b);
    const boxes = all.filter((x) => layerOf(x.k.bucketInstanceId) !== 'places-clusters-reserve');
    const labels: Box[] = [];
    const icons: Box[] = [];
    const pairs: [number, number][] = [];
    for (let i = 0; i < boxes.length; i++) {
      const { k, b } = boxes[i]!;
      const next = boxes[i + 1];
      if (next && next.k.bucketInstanceId === k.bucketInstanceId && next.k.featureIndex === k.featureIndex) {
        pairs.push([labels.length, icons.length]);
        labels.push(b);
        icons.push(next.b);
        i++;
        continue;
      }
      const w = b.x2 - b.x1;
      const h = b.y2 - b.y1;
      (Math.abs(w - h) <= 1.5 ? icons : labels).push(b);
    }
    return { labels, icons, pairs, counts };
  });
}

const overlap = (a: Box, b: Box, tolerance = 1) =>
  Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1) > tolerance && Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1) > tolerance;

/**
 * Pairs of labels that overlap, labels over a cluster's count, and labels over a unit's house (the houses' invisible
 * copies are the icons of 31 px and more: 30 px houses with 2 px padding, point symbols are 24 px at most), other than the label's own symbol.
 */
function overlaps({ labels, icons, own, counts }: { labels: Box[]; icons: Box[]; own: Map<Box, Box>; counts: Box[] }): string[] {
  const found: string[] = [];
  for (const l of labels) for (const c of counts) if (overlap(l, c)) found.push(`label ${JSON.stringify(l)} × cluster count ${JSON.stringify(c)}`);
  for (let i = 0; i < labels.length; i++)
    for (let j = i + 1; j < labels.length; j++) if (overlap(labels[i]!, labels[j]!)) found.push(`label ${JSON.stringify(labels[i])} × label ${JSON.stringify(labels[j])}`);
  const houses = icons.filter((b) => b.x2 - b.x1 >= 31);
  for (const l of labels) for (const h of houses) if (h !== own.get(l) && overlap(l, h)) found.push(`label ${JSON.stringify(l)} × unit ${JSON.stringify(h)}`);
  return found;
}

/**
 * Pairs of cluster discs drawn over each other (by more than 2 px), from the rendered
 * clusters' screen positions and the disc's radius in icons.ts (0.42 of 34 px, scaled
 * by the layer's icon-size steps). Clusters ignore placement, so the collision index
 * does not hold them.
 */
async function overlappingClusters(page: Page): Promise<string[]> {
  const discs = await page.evaluate(() => {
    const map = (document.querySelector('.map-canvas') as unknown as { psMap: import('maplibre-gl').Map }).psMap;
    const layers = ['places-clusters', 'actors-clusters', 'children-clusters'].filter((l) => map.getLayer(l));
    return map.queryRenderedFeatures(undefined, { layers }).map((f) => {
      const n = Number(f.properties.point_count);
      const p = map.project((f.geometry as GeoJSON.Point).coordinates as [number, number]);
      return { x: p.x, y: p.y, r: 34 * 0.42 * (n < 10 ? 0.9 : n < 30 ? 1 : 1.2), n, id: `${f.layer.id}/${String(f.properties.cluster_id)}` };
    });
  });
  const unique = [...new Map(discs.map((d) => [d.id, d])).values()];
  const found: string[] = [];
  for (let i = 0; i < unique.length; i++)
    for (let j = i + 1; j < unique.length; j++) {
      const a = unique[i]!;
      const b = unique[j]!;
      if (Math.hypot(a.x - b.x, a.y - b.y) < a.r + b.r - 2) found.push(`${a.id} (${a.n}) × ${b.id} (${b.n})`);
    }
  return found;
}

/** How many clusters are drawn (once each, however many tiles hold them). */
async function drawnClusters(page: Page): Promise<number> {
  return page.evaluate(() => {
    const map = (document.querySelector('.map-canvas') as unknown as { psMap: import('maplibre-gl').Map }).psMap;
    return new Set(map.queryRenderedFeatures(undefined, { layers: ['places-clusters'] }).map((f) => f.properties.cluster_id)).size;
  });
}

async function turnOnAll(page: Page, lang: 'sv' | 'en' = 'sv'): Promise<void> {
  const panel = page.locator('details.layer-panel');
  if ((await panel.getAttribute('open')) === null) await panel.locator('summary').click();
  for (const name of lang === 'sv' ? ['Alla aktörskategorier', 'Barns platser'] : ['All actor categories', "Children's places"]) {
    const box = panel.getByRole('checkbox', { name, exact: true });
    if (!(await box.isChecked())) await box.check();
  }
}

describe.skipIf(!hasChromium)('a map people can read', () => {
  const product = useProduct();

  it('demo: at zoom 12, 15 and 17 no label overlaps another or a unit, in the overview and the unit view', async () => {
    const { page, context } = await product.open({ viewport: { width: 1400, height: 900 } });
    const units = (await (await context.request.get('/api/units')).json()) as { features: UnitF[] };
    const kalle = units.features.find((u) => u.properties.name.startsWith('Kallebäck'))!;
    await page.goto('/');
    await waitForMap(page);
    await turnOnAll(page);
    for (const z of ZOOMS) {
      await view(page, kalle.geometry.coordinates, z);
      const boxes = await placedBoxes(page);
      expect(boxes.labels.length, `labels at zoom ${z}`).toBeGreaterThan(0);
      expect(overlaps(boxes), `overview, zoom ${z}`).toEqual([]);
      await screenshot(page, `map-readable-overview-z${z}`);
    }
    await expectAccessible(page, 'overview with every layer');

    await page.goto(`/units/${kalle.id}`);
    await waitForMap(page);
    await page.getByRole('tab', { name: /Barn/ }).first().click().catch(() => {});
    for (const z of ZOOMS) {
      await view(page, kalle.geometry.coordinates, z);
      const boxes = await placedBoxes(page);
      expect(overlaps(boxes), `unit view, zoom ${z}`).toEqual([]);
      await screenshot(page, `map-readable-unit-z${z}`);
    }
    await expectAccessible(page, 'unit view');
    expectClean(page, [/Map:/]);
    await context.close();
  });

  it('dense national-scale data: no overlapping labels at zoom 12, 15 and 17, and the check finds them when labels may overlap', async () => {
    const { page, context } = await product.open({ role: 'admin', viewport: { width: 1400, height: 900 } });
    // The benchmark's national data set, the part of it in central Malmö (about as dense as it gets).
    const data = generate('national');
    const centre: LonLat = [13.0038, 55.605];
    const near = (lon: number, lat: number) => Math.abs(lon - centre[0]) < 0.03 && Math.abs(lat - centre[1]) < 0.017;
    const actors = data.actors.filter((a) => near(a.lon, a.lat)).slice(0, 1500);
    const children = data.childPlaces.filter((c) => near(c.lon, c.lat)).slice(0, 400);
    const units = data.units.filter((u) => near(u.lon, u.lat)).slice(0, 12);
    expect(actors.length).toBeGreaterThan(300);
    const fc = (rows: { lon: number; lat: number }[], props: (r: never) => object) =>
      JSON.stringify({ type: 'FeatureCollection', features: rows.map((r) => ({ type: 'Feature', geometry: { type: 'Point', coordinates: [r.lon, r.lat] }, properties: props(r as never) })) });
    await apiRequest(context.request, product.baseUrl, 'POST', '/api/import/actors', {
      content: fc(actors, (a: (typeof actors)[number]) => ({ external_id: a.external_id, name: a.name.replace(/ \(.*\)$/, ''), category: a.category, address: a.address })),
      dry_run: false,
    });
    await apiRequest(context.request, product.baseUrl, 'POST', '/api/import/child-places', {
      content: fc(children, (c: (typeof children)[number]) => ({ external_id: c.external_id, name: c.name.replace(/ \(.*\)$/, ''), kind: c.kind })),
      dry_run: false,
    });
    await apiRequest(context.request, product.baseUrl, 'POST', '/api/import/units', {
      content: fc(units, (u: (typeof units)[number]) => ({ external_id: u.external_id, name: u.name, kind: u.kind, status: u.status, places: u.places, sensitivity: 'public' })),
      dry_run: false,
    });

    await page.goto('/');
    await waitForMap(page);
    await turnOnAll(page);
    for (const z of ZOOMS) {
      await view(page, centre, z);
      const boxes = await placedBoxes(page);
      expect(overlaps(boxes), `dense, zoom ${z}`).toEqual([]);
      expect(await overlappingClusters(page), `cluster discs over each other, zoom ${z}`).toEqual([]);
      // The count check has something to check: every drawn cluster has its count's box.
      if (z === 12) expect(boxes.counts.length).toBe(await drawnClusters(page));
      await screenshot(page, `map-readable-dense-z${z}`);
    }
    // The check has teeth: let the labels overlap and it finds overlaps.
    await page.evaluate(() => {
      const map = (document.querySelector('.map-canvas') as unknown as { psMap: import('maplibre-gl').Map }).psMap;
      for (const id of ['actors-symbol', 'children-symbol']) map.setLayoutProperty(id, 'text-allow-overlap', true);
    });
    await view(page, centre, 16);
    expect(overlaps(await placedBoxes(page)).length).toBeGreaterThan(0);
    await context.close();
  });

  it('the legend shows exactly the images drawn: every symbol on the map has a legend entry with the same pixels, unit statuses differ', async () => {
    const { page, context } = await product.open({ viewport: { width: 1400, height: 900 } });
    await page.goto('/');
    await waitForMap(page);
    await turnOnAll(page);
    await view(page, [11.975, 57.7], 14);
    const drawn = await page.evaluate(() => {
      const map = (document.querySelector('.map-canvas') as unknown as { psMap: import('maplibre-gl').Map }).psMap;
      const ids = new Set<string>();
      for (const f of map.queryRenderedFeatures(undefined, { layers: ['units-symbol', 'actors-symbol', 'children-symbol', 'places-clusters'].filter((l) => map.getLayer(l)) })) {
        const img = (f.layer.layout as Record<string, unknown> | undefined)?.['icon-image'];
        const name = typeof img === 'string' ? img : (img as { name?: string } | undefined)?.name;
        if (name) ids.add(name);
      }
      return [...ids];
    });
    expect(drawn.length).toBeGreaterThan(5);
    const legend = await page.locator('.layer-panel img[data-symbol]').evaluateAll((imgs) => imgs.map((i) => i.getAttribute('data-symbol')!));
    for (const id of drawn) expect(legend, `legend entry for ${id}`).toContain(id);

    // Each legend image has the map image's pixels; the unit statuses' images differ from each other.
    const same = await page.evaluate(async (ids) => {
      const map = (document.querySelector('.map-canvas') as unknown as { psMap: import('maplibre-gl').Map }).psMap;
      const out: Record<string, { same: boolean; hash: number }> = {};
      for (const id of ids) {
        const mapImage = map.getImage(id)!;
        const el = document.querySelector(`.layer-panel img[data-symbol="${id}"]`) as HTMLImageElement;
        const img = new Image();
        img.src = el.src;
        await img.decode();
        const canvas = document.createElement('canvas');
        canvas.width = img.naturalWidth;
        canvas.height = img.naturalHeight;
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(img, 0, 0);
        const legendData = ctx.getImageData(0, 0, canvas.width, canvas.height).data;
        const mapData = mapImage.data.data;
        let diff = 0;
        let hash = 0;
        for (let i = 0; i < mapData.length; i++) {
          diff += Math.abs(mapData[i]! - (legendData[i] ?? 0));
          hash = (hash * 31 + mapData[i]!) | 0;
        }
        out[id] = { same: legendData.length === mapData.length && diff / mapData.length < 2, hash };
      }
      return out;
    }, [...new Set([...drawn, 'ps-unit', 'ps-unit-planned', 'ps-unit-closed'])]);
    for (const [id, r] of Object.entries(same)) expect(r.same, `legend image of ${id}`).toBe(true);
    expect(new Set([same['ps-unit']!.hash, same['ps-unit-planned']!.hash, same['ps-unit-closed']!.hash]).size).toBe(3);

    // The planned and the closed demo unit are drawn with their status's image.
    const units = (await (await context.request.get('/api/units')).json()) as { features: UnitF[] };
    for (const status of ['planned', 'closed'] as const) {
      const u = units.features.find((f) => f.properties.status === status)!;
      await view(page, u.geometry.coordinates, 15);
      const image = await page.evaluate((id) => {
        const map = (document.querySelector('.map-canvas') as unknown as { psMap: import('maplibre-gl').Map }).psMap;
        const f = map.queryRenderedFeatures(undefined, { layers: ['units-symbol'] }).find((x) => x.id === id);
        const img = (f?.layer.layout as Record<string, unknown> | undefined)?.['icon-image'];
        return typeof img === 'string' ? img : (img as { name?: string } | undefined)?.name;
      }, u.id);
      expect(image).toBe(`ps-unit-${status}`);
    }
    expect(await page.getByRole('list', { name: 'Enhetens status' }).getByRole('listitem').count()).toBe(3);
    await context.close();
  });

  it('measures a distance by clicks and by keyboard, equal to turf, formatted in the page language; Escape ends it', async () => {
    for (const lang of ['sv', 'en'] as const) {
      const { page, context } = await product.open({ lang, viewport: { width: 1400, height: 900 } });
      await page.goto('/');
      await waitForMap(page);
      await view(page, [11.975, 57.7], 13);
      await page.getByRole('button', { name: lang === 'sv' ? 'Mät avstånd' : 'Measure distance' }).click();
      const measure = page.locator('.ps-measure-button');
      await expect.poll(() => measure.getAttribute('aria-pressed'), POLL).toBe('true');
      expect(await measure.getAttribute('aria-label')).toBe(lang === 'sv' ? 'Avsluta mätningen' : 'End measuring');
      const canvas = page.locator('.map-canvas canvas');
      const box = (await canvas.boundingBox())!;
      const clicks = [[300, 300], [700, 420], [900, 200]] as const;
      for (const [x, y] of clicks) await page.mouse.click(box.x + x, box.y + y);
      const points = await page.evaluate((cs) => {
        const map = (document.querySelector('.map-canvas') as unknown as { psMap: import('maplibre-gl').Map }).psMap;
        return cs.map(([x, y]) => map.unproject([x, y]).toArray());
      }, clicks as unknown as [number, number][]);
      const expected = length(lineString(points), { units: 'kilometers' }) * 1000;
      const status = page.locator('.ps-measure-output');
      await expect.poll(async () => Number(await status.getAttribute('data-metres')), POLL).toBeCloseTo(expected, 1);
      const km = (expected / 1000).toFixed(2);
      expect(await status.textContent()).toBe(lang === 'sv' ? `Avstånd: ${km.replace('.', ',')} km (3 punkter)` : `Distance: ${km} km (3 points)`);
      // Keyboard: Enter on the focused map adds its centre.
      await canvas.focus();
      await page.keyboard.press('Enter');
      await expect.poll(async () => Number(await status.getAttribute('data-metres')), POLL).toBeGreaterThan(expected + 1);
      const { centre, drawn } = await page.evaluate(() => {
        const map = (document.querySelector('.map-canvas') as unknown as { psMap: import('maplibre-gl').Map }).psMap;
        const data = (map.getSource('ps-measure') as unknown as { _data: { geojson?: GeoJSON.FeatureCollection } & GeoJSON.FeatureCollection })._data;
        const fc = (data.geojson ?? data) as GeoJSON.FeatureCollection;
        return {
          centre: map.getCenter().toArray(),
          drawn: fc.features.filter((f) => f.geometry.type === 'Point').map((f) => (f.geometry as GeoJSON.Point).coordinates as [number, number]),
        };
      });
      expect(drawn).toHaveLength(4);
      expect(drawn[3]![0]).toBeCloseTo(centre[0]!, 4);
      expect(drawn[3]![1]).toBeCloseTo(centre[1]!, 4);
      const withCentre = length(lineString(drawn), { units: 'kilometers' }) * 1000;
      expect(Number(await status.getAttribute('data-metres'))).toBeCloseTo(withCentre, 1);
      await screenshot(page, `map-readable-measure-${lang}`);
      await expectAccessible(page, `measuring (${lang})`);
      await page.keyboard.press('Escape');
      await expect.poll(() => measure.getAttribute('aria-pressed'), POLL).toBe('false');
      const gone = await page.evaluate(() => !(document.querySelector('.map-canvas') as unknown as { psMap: import('maplibre-gl').Map }).psMap.getLayer('ps-measure-line'));
      expect(gone).toBe(true);
      // Full screen and locate me are there, named in the page language.
      expect(await page.getByRole('button', { name: lang === 'sv' ? 'Helskärm' : 'Enter fullscreen' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: lang === 'sv' ? 'Visa min position' : 'Find my location' }).count()).toBe(1);
      expectClean(page, [/Map:/]);
      await context.close();
    }
  });

  it('locate me centres the map on the emulated position (phone size)', async () => {
    const { page, context } = await product.open({ viewport: { width: 390, height: 844 } });
    const here: LonLat = [11.9423, 57.6712];
    await context.grantPermissions(['geolocation']);
    await context.setGeolocation({ longitude: here[0], latitude: here[1], accuracy: 10 });
    await page.goto('/');
    await waitForMap(page);
    await page.getByRole('button', { name: 'Visa min position' }).click();
    await expect
      .poll(
        () => page.evaluate(() => (document.querySelector('.map-canvas') as unknown as { psMap: import('maplibre-gl').Map }).psMap.getCenter().toArray()),
        POLL,
      )
      .toEqual([expect.closeTo(here[0], 4), expect.closeTo(here[1], 4)]);
    await waitForMapIdle(page);
    await screenshot(page, 'map-readable-locate-phone');
    await context.close();
  });
});
