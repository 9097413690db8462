/**
 * Map symbols drawn on a canvas at start (no sprite file to fetch): units as houses,
 * actors as discs with their category's letter, children's places as one shape per
 * kind. The same drawings serve the legend as images, so map and legend agree.
 */
import type { ActorCategory, ChildPlaceKind } from '../lib/apiTypes.js';
import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS } from '../lib/codes.js';
import { PALETTE } from './styles.js';

export type Shape = 'house' | 'disc' | 'triangle' | 'square' | 'diamond' | 'star';

export interface SymbolSpec {
  shape: Shape;
  fill: string;
  /** Logical size in CSS pixels. */
  size: number;
  letter?: string;
}

export const CHILD_SHAPES: Record<ChildPlaceKind, Shape> = {
  school: 'triangle',
  preschool: 'square',
  leisure_centre: 'diamond',
  playground: 'star',
};

export const UNIT_SYMBOL: SymbolSpec = { shape: 'house', fill: PALETTE.unit, size: 30 };
export const actorSymbol = (letter: string): SymbolSpec => ({ shape: 'disc', fill: PALETTE.actor, size: 24, letter });
export const childSymbol = (kind: ChildPlaceKind): SymbolSpec => ({ shape: CHILD_SHAPES[kind], fill: PALETTE.child, size: 24 });

/** The polygon symbols' corners, clockwise from the top, as fractions of the symbol's size. */
const POLYGONS: Partial<Record<Shape, readonly [number, number][]>> = {
  diamond: [[0.5, 0.04], [0.96, 0.5], [0.5, 0.96], [0.04, 0.5]],
  triangle: [[0.5, 0.06], [0.95, 0.88], [0.05, 0.88]],
  house: [[0.5, 0.06], [0.94, 0.46], [0.8, 0.46], [0.8, 0.92], [0.2, 0.92], [0.2, 0.46], [0.06, 0.46]],
};

/** The star's ten corners in pixels, alternately outer and inner, the first at the top. */
function starCorners(s: number): [number, number][] {
  const c = s / 2;
  return Array.from({ length: 10 }, (_, i) => {
    const r = i % 2 === 0 ? s * 0.47 : s * 0.21;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    return [c + r * Math.cos(a), c + 0.04 * s + r * Math.sin(a)];
  });
}

function tracePath(ctx: CanvasRenderingContext2D, shape: Shape, s: number): void {
  const c = s / 2;
  ctx.beginPath();
  if (shape === 'disc') {
    ctx.arc(c, c, s * 0.42, 0, Math.PI * 2);
    return;
  }
  if (shape === 'square') {
    ctx.rect(s * 0.14, s * 0.14, s * 0.72, s * 0.72);
    return;
  }
  const corners = shape === 'star' ? starCorners(s) : POLYGONS[shape]!.map(([x, y]): [number, number] => [s * x, s * y]);
  corners.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(x, y) : ctx.lineTo(x, y)));
  ctx.closePath();
}

/** Draws one symbol onto a new canvas at `pixelRatio`. */
export function drawSymbol(spec: SymbolSpec, pixelRatio: number): HTMLCanvasElement {
  const px = Math.round(spec.size * pixelRatio);
  const canvas = document.createElement('canvas');
  canvas.width = px;
  canvas.height = px;
  const ctx = canvas.getContext('2d');
  if (!ctx) return canvas;
  ctx.scale(pixelRatio, pixelRatio);
  const s = spec.size;
  tracePath(ctx, spec.shape, s);
  ctx.lineJoin = 'round';
  ctx.lineWidth = 3.2;
  ctx.strokeStyle = PALETTE.halo;
  ctx.stroke();
  ctx.fillStyle = spec.fill;
  ctx.fill();
  if (spec.shape === 'house') {
    ctx.fillStyle = PALETTE.halo;
    ctx.fillRect(s * 0.42, s * 0.6, s * 0.16, s * 0.32);
  }
  if (spec.letter) {
    ctx.fillStyle = PALETTE.halo;
    ctx.textAlign = 'center';
    ctx.textBaseline = 'middle';
    const fontPx = spec.letter.length > 1 ? s * 0.42 : s * 0.55;
    ctx.font = `700 ${fontPx}px system-ui, "DejaVu Sans", "Liberation Sans", Arial, sans-serif`;
    ctx.fillText(spec.letter, s / 2, s / 2 + s * 0.03);
  }
  return canvas;
}

/** A data URL of a symbol for the legend and the lists (`img-src data:` is allowed). */
const urlCache = new Map<string, string>();
export function symbolDataUrl(spec: SymbolSpec): string {
  const key = `${spec.shape}|${spec.fill}|${spec.size}|${spec.letter ?? ''}`;
  let url = urlCache.get(key);
  if (!url) {
    url = drawSymbol(spec, 2).toDataURL('image/png');
    urlCache.set(key, url);
  }
  return url;
}

/** Every image the data layers name, keyed by image id. */
export function mapSymbols(actorLetters: Record<ActorCategory, string>): Record<string, SymbolSpec> {
  const symbols: Record<string, SymbolSpec> = { 'ps-unit': UNIT_SYMBOL };
  for (const c of ACTOR_CATEGORIES) symbols[`ps-actor-${c}`] = actorSymbol(actorLetters[c]);
  for (const k of CHILD_PLACE_KINDS) symbols[`ps-child-${k}`] = childSymbol(k);
  return symbols;
}
