/**
 * Map symbols drawn on a canvas at start (no sprite file to fetch): units as houses
 * (planned: hollow with a dashed outline; closed: grey and struck through), actors as
 * discs with their category's pictogram (the same in every language), children's
 * places as one shape per kind. The same drawings serve the legend as images, so map
 * and legend agree.
 */
import type { ActorCategory, ChildPlaceKind, UnitStatus } from '../lib/apiTypes.js';
import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS, UNIT_STATUSES } from '../lib/codes.js';
import { PALETTE } from './styles.js';

export type Shape = 'house' | 'disc' | 'triangle' | 'square' | 'diamond' | 'star';

export interface SymbolSpec {
  shape: Shape;
  fill: string;
  /** Logical size in CSS pixels. */
  size: number;
  letter?: string;
  /** A pictogram drawn in white on the shape (actor categories). */
  glyph?: ActorCategory;
  /** Planned units are hollow with a dashed outline, closed ones grey and struck through. */
  status?: Exclude<UnitStatus, 'open'>;
  /** A count disc of a cluster: white with the layer's colour as ring, or split in two halves (actors left, children's places right). */
  ring?: string | readonly [string, string];
}

export const CHILD_SHAPES: Record<ChildPlaceKind, Shape> = {
  school: 'triangle',
  preschool: 'square',
  leisure_centre: 'diamond',
  playground: 'star',
};

export const UNIT_SYMBOL: SymbolSpec = { shape: 'house', fill: PALETTE.unit, size: 30 };
export const CLOSED_GREY = '#4b5563';
export function unitSymbol(status: UnitStatus): SymbolSpec {
  if (status === 'open') return UNIT_SYMBOL;
  return { ...UNIT_SYMBOL, fill: status === 'closed' ? CLOSED_GREY : PALETTE.unit, status };
}
/** The map image of a unit of each status (`ps-unit`, `ps-unit-planned`, `ps-unit-closed`). */
export const unitImage = (status: UnitStatus): string => (status === 'open' ? 'ps-unit' : `ps-unit-${status}`);
export const actorSymbol = (category: ActorCategory): SymbolSpec => ({ shape: 'disc', fill: PALETTE.actor, size: 24, glyph: category });
export const clusterSymbol = (ring: string | readonly [string, string]): SymbolSpec => ({ shape: 'disc', fill: PALETTE.halo, size: 34, ring });
/** A cluster of actors and children's places together: the ring half in each one's colour, like the two counts in it. */
export const MIXED_CLUSTER_RING = [PALETTE.actor, PALETTE.child] as const;
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
  ctx.fillStyle = spec.status === 'planned' ? PALETTE.halo : spec.fill;
  ctx.fill();
  if (typeof spec.ring === 'string') {
    ctx.lineWidth = 3;
    ctx.strokeStyle = spec.ring;
    ctx.stroke();
  } else if (spec.ring) {
    // Left half for the first colour, right half for the second (only discs are split).
    ctx.lineWidth = 3;
    spec.ring.forEach((colour, i) => {
      ctx.beginPath();
      ctx.arc(s / 2, s / 2, s * 0.42, Math.PI / 2 + i * Math.PI, Math.PI * 1.5 + i * Math.PI);
      ctx.strokeStyle = colour;
      ctx.stroke();
    });
  }
  if (spec.status === 'planned') {
    ctx.setLineDash([s * 0.1, s * 0.07]);
    ctx.lineWidth = 2.4;
    ctx.strokeStyle = spec.fill;
    ctx.stroke();
    ctx.setLineDash([]);
  }
  if (spec.shape === 'house') {
    ctx.fillStyle = spec.status === 'planned' ? spec.fill : PALETTE.halo;
    ctx.fillRect(s * 0.42, s * 0.6, s * 0.16, s * 0.32);
  }
  if (spec.status === 'closed') {
    ctx.lineCap = 'round';
    ctx.strokeStyle = PALETTE.halo;
    ctx.lineWidth = s * 0.16;
    strike(ctx, s);
    ctx.strokeStyle = '#111827';
    ctx.lineWidth = s * 0.08;
    strike(ctx, s);
  }
  if (spec.glyph) drawGlyph(ctx, spec.glyph, s);
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

/** The diagonal bar across a closed unit. */
function strike(ctx: CanvasRenderingContext2D, s: number): void {
  ctx.beginPath();
  ctx.moveTo(s * 0.12, s * 0.9);
  ctx.lineTo(s * 0.88, s * 0.14);
  ctx.stroke();
}

/**
 * An actor category's pictogram in white, inside the disc (radius 0.42 s): drawn
 * shapes rather than letters, so the symbol is the same in Swedish and English.
 */
function drawGlyph(ctx: CanvasRenderingContext2D, glyph: ActorCategory, s: number): void {
  const u = (v: number) => v * s;
  const W = PALETTE.halo;
  ctx.save();
  ctx.fillStyle = W;
  ctx.strokeStyle = W;
  ctx.lineWidth = u(0.08);
  ctx.lineCap = 'round';
  ctx.lineJoin = 'round';
  const line = (...pts: [number, number][]) => {
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(u(x), u(y)) : ctx.lineTo(u(x), u(y))));
    ctx.stroke();
  };
  const poly = (...pts: [number, number][]) => {
    ctx.beginPath();
    pts.forEach(([x, y], i) => (i === 0 ? ctx.moveTo(u(x), u(y)) : ctx.lineTo(u(x), u(y))));
    ctx.closePath();
    ctx.fill();
  };
  const dot = (x: number, y: number, r: number) => {
    ctx.beginPath();
    ctx.arc(u(x), u(y), u(r), 0, Math.PI * 2);
    ctx.fill();
  };
  const rect = (x: number, y: number, w: number, h: number) => ctx.fillRect(u(x), u(y), u(w), u(h));
  switch (glyph) {
    case 'property_owner': // a key
      ctx.beginPath();
      ctx.arc(u(0.36), u(0.5), u(0.11), 0, Math.PI * 2);
      ctx.stroke();
      line([0.47, 0.5], [0.74, 0.5], [0.74, 0.6]);
      line([0.64, 0.5], [0.64, 0.58]);
      break;
    case 'housing_company': // an apartment block
      rect(0.33, 0.27, 0.34, 0.47);
      ctx.fillStyle = PALETTE.actor;
      for (const y of [0.33, 0.45, 0.57]) for (const x of [0.38, 0.54]) rect(x, y, 0.08, 0.07);
      break;
    case 'shop': // a bag with a handle
      rect(0.3, 0.42, 0.4, 0.3);
      ctx.beginPath();
      ctx.arc(u(0.5), u(0.42), u(0.11), Math.PI, 0);
      ctx.stroke();
      break;
    case 'restaurant': // fork and knife
      line([0.38, 0.27], [0.38, 0.74]);
      line([0.31, 0.27], [0.31, 0.42], [0.45, 0.42], [0.45, 0.27]);
      poly([0.6, 0.26], [0.69, 0.3], [0.69, 0.52], [0.62, 0.52], [0.62, 0.74], [0.6, 0.74]);
      break;
    case 'police': // a shield
      poly([0.5, 0.24], [0.71, 0.32], [0.68, 0.56], [0.5, 0.76], [0.32, 0.56], [0.29, 0.32]);
      break;
    case 'security': // a padlock
      rect(0.32, 0.47, 0.36, 0.27);
      ctx.beginPath();
      ctx.arc(u(0.5), u(0.47), u(0.12), Math.PI, 0);
      ctx.stroke();
      break;
    case 'faith': // a building with a tall pointed roof
      poly([0.5, 0.22], [0.66, 0.44], [0.66, 0.74], [0.34, 0.74], [0.34, 0.44]);
      break;
    case 'association': // three people
      dot(0.33, 0.42, 0.07);
      dot(0.5, 0.37, 0.08);
      dot(0.67, 0.42, 0.07);
      poly([0.24, 0.7], [0.27, 0.52], [0.39, 0.52], [0.42, 0.7]);
      poly([0.38, 0.72], [0.41, 0.49], [0.59, 0.49], [0.62, 0.72]);
      poly([0.58, 0.7], [0.61, 0.52], [0.73, 0.52], [0.76, 0.7]);
      break;
    case 'public_transport': // a bus
      rect(0.3, 0.27, 0.4, 0.38);
      ctx.fillStyle = PALETTE.actor;
      rect(0.35, 0.33, 0.3, 0.13);
      ctx.fillStyle = W;
      dot(0.37, 0.7, 0.05);
      dot(0.63, 0.7, 0.05);
      break;
    case 'library': // an open book
      poly([0.24, 0.32], [0.48, 0.38], [0.48, 0.72], [0.24, 0.66]);
      poly([0.76, 0.32], [0.52, 0.38], [0.52, 0.72], [0.76, 0.66]);
      break;
    case 'health': // a cross
      rect(0.42, 0.26, 0.16, 0.48);
      rect(0.26, 0.42, 0.48, 0.16);
      break;
    case 'park_street': // a tree
      dot(0.5, 0.42, 0.17);
      rect(0.46, 0.52, 0.08, 0.24);
      break;
    case 'leisure': // a ball
      ctx.beginPath();
      ctx.arc(u(0.5), u(0.5), u(0.2), 0, Math.PI * 2);
      ctx.stroke();
      line([0.3, 0.5], [0.7, 0.5]);
      line([0.5, 0.3], [0.5, 0.7]);
      break;
    case 'other': // three dots
      dot(0.31, 0.52, 0.065);
      dot(0.5, 0.52, 0.065);
      dot(0.69, 0.52, 0.065);
      break;
  }
  ctx.restore();
}

/** A data URL of a symbol for the legend and the lists (`img-src data:` is allowed). */
const urlCache = new Map<string, string>();
export function symbolDataUrl(spec: SymbolSpec): string {
  const key = `${spec.shape}|${spec.fill}|${spec.size}|${spec.letter ?? ''}|${spec.glyph ?? ''}|${spec.status ?? ''}|${String(spec.ring ?? '')}`;
  let url = urlCache.get(key);
  if (!url) {
    url = drawSymbol(spec, 2).toDataURL('image/png');
    urlCache.set(key, url);
  }
  return url;
}

/** Every image the data layers name, keyed by image id. */
export function mapSymbols(): Record<string, SymbolSpec> {
  const symbols: Record<string, SymbolSpec> = {
    'ps-cluster-actors': clusterSymbol(PALETTE.actor),
    'ps-cluster-children': clusterSymbol(PALETTE.child),
    'ps-cluster-mixed': clusterSymbol(MIXED_CLUSTER_RING),
  };
  for (const st of UNIT_STATUSES) symbols[unitImage(st)] = unitSymbol(st);
  for (const c of ACTOR_CATEGORIES) symbols[`ps-actor-${c}`] = actorSymbol(c);
  for (const k of CHILD_PLACE_KINDS) symbols[`ps-child-${k}`] = childSymbol(k);
  return symbols;
}
