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

function tracePath(ctx: CanvasRenderingContext2D, shape: Shape, s: number): void {
  const c = s / 2;
  ctx.beginPath();
  switch (shape) {
    case 'disc':
      ctx.arc(c, c, s * 0.42, 0, Math.PI * 2);
      break;
    case 'square':
      ctx.rect(s * 0.14, s * 0.14, s * 0.72, s * 0.72);
      break;
    case 'diamond':
      ctx.moveTo(c, s * 0.04);
      ctx.lineTo(s * 0.96, c);
      ctx.lineTo(c, s * 0.96);
      ctx.lineTo(s * 0.04, c);
      ctx.closePath();
      break;
    case 'triangle':
      ctx.moveTo(c, s * 0.06);
      ctx.lineTo(s * 0.95, s * 0.88);
      ctx.lineTo(s * 0.05, s * 0.88);
      ctx.closePath();
      break;
    case 'star': {
      for (let i = 0; i < 10; i++) {
        const r = i % 2 === 0 ? s * 0.47 : s * 0.21;
        const a = -Math.PI / 2 + (i * Math.PI) / 5;
        const x = c + r * Math.cos(a);
        const y = c + 0.04 * s + r * Math.sin(a);
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      }
      ctx.closePath();
      break;
    }
    case 'house':
      ctx.moveTo(c, s * 0.06);
      ctx.lineTo(s * 0.94, s * 0.46);
      ctx.lineTo(s * 0.8, s * 0.46);
      ctx.lineTo(s * 0.8, s * 0.92);
      ctx.lineTo(s * 0.2, s * 0.92);
      ctx.lineTo(s * 0.2, s * 0.46);
      ctx.lineTo(s * 0.06, s * 0.46);
      ctx.closePath();
      break;
  }
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
