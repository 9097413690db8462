import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/index.js';
import { setAll, useLayers } from '../layers.js';
import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS } from '../lib/codes.js';
import { actorSymbol, childSymbol, UNIT_SYMBOL } from '../map/icons.js';
import { SymbolImg } from './SymbolImg.js';

/** Layer switches, each with its map symbol: the switches are the legend. */
export function LayerPanel({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const { m } = useI18n();
  const [layers, setLayers] = useLayers();
  const allActors = ACTOR_CATEGORIES.every((c) => layers.actors[c]);
  const someActors = ACTOR_CATEGORIES.some((c) => layers.actors[c]);
  const allChildren = CHILD_PLACE_KINDS.every((k) => layers.children[k]);
  const someChildren = CHILD_PLACE_KINDS.some((k) => layers.children[k]);

  return (
    <details className="layer-panel" open={defaultOpen || undefined}>
      <summary>
        <h2>{m.layers.title}</h2>
      </summary>
      <fieldset>
        <legend className="visually-hidden">{m.layers.units}</legend>
        <label className="check">
          <input type="checkbox" checked={layers.units} onChange={(e) => setLayers({ ...layers, units: e.target.checked })} />
          <SymbolImg spec={UNIT_SYMBOL} />
          {m.layers.units}
        </label>
      </fieldset>
      <fieldset>
        <legend>{m.layers.childPlaces}</legend>
        <GroupToggle
          label={m.layers.childPlaces}
          checked={allChildren}
          mixed={someChildren && !allChildren}
          onChange={(on) => setLayers({ ...layers, children: setAll(CHILD_PLACE_KINDS, on) })}
        />
        {CHILD_PLACE_KINDS.map((k) => (
          <label className="check" key={k}>
            <input
              type="checkbox"
              checked={layers.children[k]}
              onChange={(e) => setLayers({ ...layers, children: { ...layers.children, [k]: e.target.checked } })}
            />
            <SymbolImg spec={childSymbol(k)} />
            {m.childPlaceKindPlural[k]}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{m.layers.actors}</legend>
        <GroupToggle
          label={m.layers.allActors}
          checked={allActors}
          mixed={someActors && !allActors}
          onChange={(on) => setLayers({ ...layers, actors: setAll(ACTOR_CATEGORIES, on) })}
        />
        <div className="check-grid">
          {ACTOR_CATEGORIES.map((c) => (
            <label className="check" key={c}>
              <input
                type="checkbox"
                checked={layers.actors[c]}
                onChange={(e) => setLayers({ ...layers, actors: { ...layers.actors, [c]: e.target.checked } })}
              />
              <SymbolImg spec={actorSymbol(m.actorSymbol[c])} />
              {m.actorCategory[c]}
            </label>
          ))}
        </div>
      </fieldset>
      <fieldset>
        <legend className="visually-hidden">{m.layers.areas}</legend>
        <label className="check">
          <input type="checkbox" checked={layers.areas} onChange={(e) => setLayers({ ...layers, areas: e.target.checked })} />
          <span className="legend-area" aria-hidden="true" />
          {m.layers.areas}
        </label>
      </fieldset>
      <p className="legend-note">
        <span className="legend-cluster" aria-hidden="true">
          12
        </span>
        {m.layers.clusterLegend}
      </p>
    </details>
  );
}

/** A checkbox for a whole group, showing "mixed" when only some are on. */
function GroupToggle({ label, checked, mixed, onChange }: { label: string; checked: boolean; mixed: boolean; onChange: (on: boolean) => void }) {
  const ref = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = mixed;
  }, [mixed]);
  return (
    <label className="check check-group">
      <input ref={ref} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}
