import { SymbolImg } from '../../components/SymbolImg.js';
import { ZoneLegend } from '../../components/ZoneLegend.js';
import { useI18n } from '../../i18n/index.js';
import type { Unit, ZoneCollection } from '../../lib/apiTypes.js';
import type { SheetNumbers } from '../../lib/sheet.js';
import { UNIT_SYMBOL } from '../../map/icons.js';
import { MapView } from '../../map/MapView.js';
import { ACTOR_FILL, CHILD_FILL, CHILD_STROKE } from './sheetLayers.js';
import { useSheetMap } from './useSheetMap.js';

/** The sheet's map section: the zones map with its north arrow, then the legend of rings and markers. */
export function SheetMap({ unit, zones, numbers }: { unit: Unit; zones: ZoneCollection | undefined; numbers: SheetNumbers | null }) {
  const { m } = useI18n();
  return (
    <section className="sheet-map-section" aria-labelledby="sheet-map-h">
      <h2 id="sheet-map-h">{m.sheet.mapTitle}</h2>
      <MapView interactive={false} preserveDrawingBuffer className="sheet-map-wrap" label={m.map.sheetLabel} overlay={<NorthArrow />}>
        {zones && numbers ? <SheetLayers unit={unit} zones={zones} numbers={numbers} /> : null}
      </MapView>
      <div className="sheet-legend">
        <ZoneLegend radii={unit.properties.radii} />
        <ul className="legend-list">
          <li>
            <SymbolImg spec={UNIT_SYMBOL} size={16} />
            {m.layers.units}
          </li>
          <li>
            <NumberDisc fill={ACTOR_FILL} stroke="#ffffff" text="#ffffff" />
            {m.sheet.numberedActor}
          </li>
          <li>
            <NumberDisc fill={CHILD_FILL} stroke={CHILD_STROKE} text={CHILD_STROKE} />
            {m.sheet.numberedChild}
          </li>
        </ul>
        <p className="small">{m.sheet.mapKey}</p>
      </div>
    </section>
  );
}

/** Rendered inside MapView, where the map context exists. */
function SheetLayers({ unit, zones, numbers }: { unit: Unit; zones: ZoneCollection; numbers: SheetNumbers }) {
  useSheetMap(unit, zones, numbers);
  return null;
}

function NorthArrow() {
  const { m } = useI18n();
  return (
    <svg className="north-arrow" viewBox="0 0 40 52" role="img" aria-label={m.map.northArrow}>
      <circle cx="20" cy="30" r="18" fill="#ffffff" stroke="#1f2328" strokeWidth="1.5" />
      <path d="M20 14 L27 38 L20 33 L13 38 Z" fill="#1f2328" />
      <text x="20" y="11" textAnchor="middle" fontSize="11" fontWeight="700" fill="#1f2328">
        {m.map.north}
      </text>
    </svg>
  );
}

/** A numbered disc as on the map, for the legend. */
function NumberDisc({ fill, stroke, text }: { fill: string; stroke: string; text: string }) {
  return (
    <svg width="18" height="18" viewBox="0 0 18 18" aria-hidden="true" className="legend-disc">
      <circle cx="9" cy="9" r="7.5" fill={fill} stroke={stroke} strokeWidth="1.5" />
      <text x="9" y="12.5" textAnchor="middle" fontSize="9" fontWeight="700" fill={text}>
        1
      </text>
    </svg>
  );
}
