import { useI18n } from '../i18n/index.js';
import { allLayersGpkgUrl, layerExportUrl } from '../lib/exportUrls.js';
import { LAYERS } from './lib.js';

/**
 * Download links for every layer: GeoJSON and CSV in WGS 84 and in SWEREF 99 TM, and a
 * GeoPackage (SWEREF 99 TM), then everything in one GeoPackage. CSV links carry the
 * dialect of the page's language (Swedish Excel on a Swedish page).
 */
export function ExportLinks() {
  const { m, lang } = useI18n();
  const t = m.exports;
  const layerNames = m.import.layers;
  return (
    <>
      <h2>{t.title}</h2>
      <p>{t.intro}</p>
      <ul className="import-exports">
        {LAYERS.map((l) => (
          <li key={l}>
            {layerNames[l]}: <a href={layerExportUrl(l, 'geojson', lang)} download>{t.geojson}</a>{' · '}
            <a href={layerExportUrl(l, 'csv', lang)} download>{t.csv}</a>{' · '}
            <a href={layerExportUrl(l, 'gpkg', lang)} download>{t.gpkg}</a>{' · '}
            <a href={layerExportUrl(l, 'geojson', lang, true)} download>{t.inSweref(t.geojson)}</a>{' · '}
            <a href={layerExportUrl(l, 'csv', lang, true)} download>{t.inSweref(t.csv)}</a>
          </li>
        ))}
      </ul>
      <p>
        <a className="button button-small" href={allLayersGpkgUrl} download aria-describedby="export-all-hint">{t.all}</a>{' '}
        <span id="export-all-hint" className="muted small">{t.allHint}</span>
      </p>
    </>
  );
}
