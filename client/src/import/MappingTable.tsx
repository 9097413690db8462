import { useI18n } from '../i18n/index.js';
import { setRef, showRef, type Mapping } from './lib.js';

const CRS = ['EPSG:3006', 'EPSG:3007'] as const;
const CRS_NAMES: Record<(typeof CRS)[number], string> = { 'EPSG:3006': 'SWEREF 99 TM (EPSG:3006)', 'EPSG:3007': 'SWEREF 99 12 00 (EPSG:3007)' };

/** Which column of the file feeds each field, the guessed ones marked; and the coordinate system for x/y columns. */
export function MappingTable({ keys, fields, guessed, mapping, showCrs, onChange }: { keys: (keyof Mapping)[]; fields: string[]; guessed: string[]; mapping: Mapping; showCrs: boolean; onChange: (m: Mapping) => void }) {
  const t = useI18n().m.import;
  const guessMark = (k: string) => guessed.includes(k) && <span className="import-guessed"> ({t.guessed})</span>;
  return (
    <table className="import-table import-mapping">
      <tbody>
        {keys.map((k) => {
          const value = showRef(mapping[k]);
          const options = value && !fields.includes(value) ? [value, ...fields] : fields;
          return (
            <tr key={k}>
              <th scope="row"><label htmlFor={`map-${k}`}>{t.field[k] ?? k}</label></th>
              <td>
                <select id={`map-${k}`} value={value} onChange={(e) => { onChange(setRef(mapping, k, e.target.value)); }}>
                  <option value="">{t.none}</option>
                  {options.map((f) => <option key={f} value={f}>{f}</option>)}
                </select>
                {guessMark(k)}
              </td>
            </tr>
          );
        })}
        {showCrs && (
          <tr>
            <th scope="row"><label htmlFor="map-crs">{t.field.crs}</label></th>
            <td>
              <select id="map-crs" value={mapping.crs ?? ''} onChange={(e) => onChange(setRef(mapping, 'crs', e.target.value))}>
                <option value="">{t.none}</option>
                {CRS.map((c) => <option key={c} value={c}>{CRS_NAMES[c]}</option>)}
              </select>
              {guessMark('crs')}
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
