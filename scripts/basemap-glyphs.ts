/**
 * Makes the basemap's glyphs: the signed-distance-field PBFs MapLibre asks for as
 * `{fontstack}/{range}.pbf`, written to api/basemap-assets/fonts/ and committed, so that
 * the product serves its own fonts and no map view asks a glyph host.
 *
 *   npx tsx scripts/basemap-glyphs.ts
 *
 * The font is Noto Sans (SIL Open Font License 1.1, its licence is copied beside the
 * glyphs) from the @fontsource/noto-sans package (a dev dependency). Each glyph is drawn
 * in headless Chromium with TinySDF, the rasteriser MapLibre itself uses for local glyphs,
 * with the values of the usual server glyphs (24 px, a 3 px buffer, radius 8, cutoff 0.25),
 * and encoded in the glyph PBF schema (fontstack: name, range, glyphs: id, bitmap, width,
 * height, left, top, advance). Only code points the font files cover are drawn; Chromium
 * would draw any other with a system font, which is not ours to ship.
 * Needs Chromium at CHROMIUM_PATH (default /usr/bin/chromium).
 */
import { mkdirSync, readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PbfWriter as Pbf } from 'pbf';
import { chromium } from 'playwright-core';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const GLYPH_DIR = path.join(ROOT, 'api/basemap-assets/fonts');
const require = createRequire(import.meta.url);
const FONTSOURCE = path.dirname(require.resolve('@fontsource/noto-sans/package.json'));
const TINY_SDF = require.resolve('@mapbox/tiny-sdf');

/** The font stacks the style names (Protomaps' light flavour, and our own data labels' bold). */
const FACES = [
  { stack: 'Noto Sans Regular', weight: 400, style: 'normal' },
  { stack: 'Noto Sans Medium', weight: 500, style: 'normal' },
  { stack: 'Noto Sans Bold', weight: 700, style: 'normal' },
  { stack: 'Noto Sans Italic', weight: 400, style: 'italic' },
] as const;

/** Basic Latin and Latin-1 (å ä ö é ü), Latin Extended (names from neighbouring countries), punctuation (– — ’ …). */
const RANGES = [0, 256, 8192] as const;
const SUBSETS = ['latin', 'latin-ext'] as const;

/** The code points a subset file covers, from fontsource's CSS (`unicode-range: U+0000-00FF,U+0131,…`). */
function subsetRanges(weight: number, style: string): Record<string, [number, number][]> {
  const css = readFileSync(path.join(FONTSOURCE, style === 'italic' ? `${weight}-italic.css` : `${weight}.css`), 'utf8');
  const out: Record<string, [number, number][]> = {};
  for (const subset of SUBSETS) {
    const block = new RegExp(`/\\* noto-sans-${subset}-${weight}-${style} \\*/[^}]*unicode-range:([^;]+);`).exec(css);
    if (!block) throw new Error(`no unicode-range for ${subset} ${weight} ${style}`);
    out[subset] = block[1]!.split(',').map((part) => {
      const [a, b] = part.trim().replace(/^U\+/i, '').split('-');
      return [parseInt(a!, 16), parseInt(b ?? a!, 16)];
    });
  }
  return out;
}

interface Glyph { id: number; bitmap: number[]; width: number; height: number; left: number; top: number; advance: number }

/** The glyph PBF of one range (the schema MapLibre reads: glyphs.stacks[0].glyphs). */
export function encodeGlyphs(stack: string, start: number, glyphs: Glyph[]): Uint8Array {
  const pbf = new Pbf();
  pbf.writeMessage(1, (_: unknown, p: Pbf) => {
    p.writeStringField(1, stack);
    p.writeStringField(2, `${start}-${start + 255}`);
    for (const g of glyphs) {
      p.writeMessage(3, (_g: unknown, q: Pbf) => {
        q.writeVarintField(1, g.id);
        if (g.bitmap.length > 0) q.writeBytesField(2, new Uint8Array(g.bitmap));
        q.writeVarintField(3, g.width);
        q.writeVarintField(4, g.height);
        q.writeSVarintField(5, g.left);
        q.writeSVarintField(6, g.top);
        q.writeVarintField(7, g.advance);
      }, null);
    }
  }, null);
  return pbf.finish();
}

async function main() {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking'],
  });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><meta charset="utf-8"><body></body>');
    // TinySDF is an ES module with one default export: load it as a classic script.
    const tinySdf = readFileSync(TINY_SDF, 'utf8').replace('export default class TinySDF', 'window.TinySDF = class TinySDF');
    await page.addScriptTag({ content: tinySdf });
    for (const face of FACES) {
      const covered = subsetRanges(face.weight, face.style);
      const files = SUBSETS.map((subset) => ({
        subset,
        base64: readFileSync(path.join(FONTSOURCE, 'files', `noto-sans-${subset}-${face.weight}-${face.style}.woff`)).toString('base64'),
        ranges: covered[subset]!,
      }));
      const inFont = (cp: number) => SUBSETS.some((s) => covered[s]!.some(([a, b]) => cp >= a && cp <= b));
      mkdirSync(path.join(GLYPH_DIR, face.stack), { recursive: true });
      for (const start of RANGES) {
        const ids = Array.from({ length: 256 }, (_, i) => start + i).filter((cp) => cp >= 32 && inFont(cp));
        const glyphs = await page.evaluate(
          async ({ files, ids, weight, style }) => {
            const family = `Gen${weight}${style}`;
            for (const f of files) {
              const bytes = Uint8Array.from(atob(f.base64), (ch) => ch.charCodeAt(0));
              const unicodeRange = f.ranges.map(([a, b]) => `U+${a.toString(16)}-${b.toString(16)}`).join(',');
              const font = new FontFace(family, bytes, { weight: String(weight), style, unicodeRange });
              await font.load();
              document.fonts.add(font);
            }
            await document.fonts.load(`${style} ${weight} 24px ${family}`, String.fromCodePoint(...ids));
            // eslint-disable-next-line @typescript-eslint/no-explicit-any
            const Sdf = (window as any).TinySDF;
            const sdf = new Sdf({ fontSize: 24, buffer: 3, radius: 8, cutoff: 0.25, fontFamily: family, fontWeight: String(weight), fontStyle: style });
            return ids.map((id) => {
              const g = sdf.draw(String.fromCodePoint(id));
              const empty = g.glyphWidth === 0 || g.glyphHeight === 0;
              return {
                id,
                bitmap: empty ? [] : Array.from(g.data as Uint8ClampedArray),
                width: empty ? 0 : g.glyphWidth,
                height: empty ? 0 : g.glyphHeight,
                left: g.glyphLeft,
                // Server glyphs measure "top" from a line about 24 px above the baseline (as MapLibre's own local glyphs align).
                top: g.glyphTop - 27,
                advance: Math.round(g.glyphAdvance),
              };
            });
          },
          { files, ids, weight: face.weight, style: face.style },
        );
        const file = path.join(GLYPH_DIR, face.stack, `${start}-${start + 255}.pbf`);
        writeFileSync(file, encodeGlyphs(face.stack, start, glyphs));
        console.log(`${face.stack} ${start}-${start + 255}: ${glyphs.length} glyphs`);
      }
    }
    copyFileSync(path.join(FONTSOURCE, 'LICENSE'), path.join(GLYPH_DIR, 'OFL.txt'));
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
