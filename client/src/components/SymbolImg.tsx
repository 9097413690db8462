import { symbolDataUrl, type SymbolSpec } from '../map/icons.js';

/** The map symbol as a small image beside a text label (decorative: the label says it). */
export function SymbolImg({ spec, size = 18 }: { spec: SymbolSpec; size?: number }) {
  return <img className="symbol" src={symbolDataUrl(spec)} width={size} height={size} alt="" />;
}
