import { symbolDataUrl, type SymbolSpec } from '../map/icons.js';

/**
 * The map symbol as a small image beside a text label (decorative: the label says it).
 * `image` names the map image it stands for (`data-symbol`, for the legend's tests).
 */
export function SymbolImg({ spec, size = 18, image }: { spec: SymbolSpec; size?: number; image?: string }) {
  return <img className="symbol" src={symbolDataUrl(spec)} width={size} height={size} alt="" data-symbol={image} />;
}
