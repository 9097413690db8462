import { useI18n } from '../i18n/index.js';
import { LAYERS } from './lib.js';

/** Download links for every layer: GeoJSON, CSV, and CSV with semicolons (for spreadsheet programs set to Swedish). */
export function ExportLinks() {
  const t = useI18n().m.import;
  return (
    <>
      <h2>{t.exportTitle}</h2>
      <p>{t.exportIntro}</p>
      <ul className="import-exports">
        {LAYERS.map((l) => (
          <li key={l}>
            {t.layers[l]}: <a href={`/api/exports/${l}?format=geojson`} download>{t.geojson}</a>{' · '}
            <a href={`/api/exports/${l}?format=csv`} download>{t.csv}</a>{' · '}
            <a href={`/api/exports/${l}?format=csv&separator=semicolon`} download>{t.csv} (;)</a>
          </li>
        ))}
      </ul>
    </>
  );
}
