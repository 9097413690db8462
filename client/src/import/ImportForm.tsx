import type { ChangeEvent } from 'react';
import { useI18n } from '../i18n/index.js';
import { ACTOR_CATEGORIES, AREA_LEVELS, CHILD_PLACE_KINDS, UNIT_KINDS } from '../lib/codes.js';
import { ACCEPT, FORMATS, LAYERS, type Format, type Layer } from './lib.js';

/**
 * The import's choices: layer, file, format ("recognise automatically" by default),
 * the layer inside the file when it holds several, and a kind (category, level) for
 * every row or "from the file".
 */
export function ImportForm({
  layer,
  format,
  fixed,
  canRun,
  onLayer,
  onFile,
  onFormat,
  onFixed,
  onDryRun,
  layerChoices,
  sourceLayer,
  onSourceLayer,
}: {
  layer: Layer;
  format: Format;
  fixed: string;
  canRun: boolean;
  onLayer: (l: Layer) => void;
  onFile: (e: ChangeEvent<HTMLInputElement>) => void;
  onFormat: (f: Format) => void;
  onFixed: (code: string) => void;
  onDryRun: () => void;
  /** The layers (tables, Shapefiles, sheets) of the file, once the server has named them. */
  layerChoices: string[];
  sourceLayer: string;
  onSourceLayer: (l: string) => void;
}) {
  const { m } = useI18n();
  const t = m.import;
  const fixedOptions: readonly string[] =
    layer === 'units' ? UNIT_KINDS : layer === 'child-places' ? CHILD_PLACE_KINDS : layer === 'actors' ? ACTOR_CATEGORIES : AREA_LEVELS;
  const fixedLabel = (code: string): string =>
    layer === 'units' ? (m.unitKind as Record<string, string>)[code] ?? code
    : layer === 'child-places' ? (m.childPlaceKind as Record<string, string>)[code] ?? code
    : layer === 'actors' ? (m.actorCategory as Record<string, string>)[code] ?? code
    : code;
  return (
    <form className="import-form" onSubmit={(e) => { e.preventDefault(); onDryRun(); }}>
      {/* Each label sits above its own control, so a wrapping row never parts them. */}
      <div className="import-field">
        <label htmlFor="import-layer">{t.layer}</label>
        <select id="import-layer" value={layer} onChange={(e) => onLayer(e.target.value as Layer)}>
          {LAYERS.map((l) => <option key={l} value={l}>{t.layers[l]}</option>)}
        </select>
      </div>
      <div className="import-field">
        <label htmlFor="import-file">{t.file}</label>
        <input id="import-file" type="file" accept={ACCEPT} onChange={onFile} />
      </div>
      <div className="import-field">
        <label htmlFor="import-format">{t.format}</label>
        <select id="import-format" value={format} onChange={(e) => onFormat(e.target.value as Format)}>
          {FORMATS.map((f) => <option key={f} value={f}>{t.formats[f]}</option>)}
        </select>
      </div>
      {layerChoices.length > 1 && (
        <div className="import-field">
          <label htmlFor="import-source-layer">{t.sourceLayer}</label>
          <select id="import-source-layer" value={sourceLayer} onChange={(e) => onSourceLayer(e.target.value)}>
            <option value="">{t.none}</option>
            {layerChoices.map((l) => <option key={l} value={l}>{l}</option>)}
          </select>
        </div>
      )}
      <div className="import-field">
        <label htmlFor="import-fixed">{layer === 'actors' ? t.category : layer === 'areas' ? t.level : t.kind}</label>
        <select id="import-fixed" value={fixed} onChange={(e) => onFixed(e.target.value)}>
          <option value="">{t.fromFile}</option>
          {fixedOptions.map((c) => <option key={c} value={c}>{fixedLabel(c)}</option>)}
        </select>
      </div>
      <button type="submit" className="button button-primary" disabled={!canRun}>{t.dryRun}</button>
    </form>
  );
}
