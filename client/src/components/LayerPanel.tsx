import { useEffect, useRef } from 'react';
import { useI18n } from '../i18n/index.js';
import { setAll, useLayers } from '../layers.js';
import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS, UNIT_STATUSES } from '../lib/codes.js';
import { actorSymbol, childSymbol, clusterSymbol, MIXED_CLUSTER_RING, UNIT_SYMBOL, unitImage, unitSymbol, type SymbolSpec } from '../map/icons.js';
import { PALETTE } from '../map/styles.js';
import { SymbolImg } from './SymbolImg.js';

/** Layer switches, each with its map symbol: the switches are the legend. */
export function LayerPanel({ defaultOpen = false }: { defaultOpen?: boolean }) {
  const { m } = useI18n();
  const [layers, setLayers] = useLayers();

  return (
    <details className="layer-panel" open={defaultOpen || undefined}>
      <summary>
        <h2>{m.layers.title}</h2>
      </summary>
      <fieldset>
        <legend className="visually-hidden">{m.layers.units}</legend>
        <label className="check">
          <input type="checkbox" checked={layers.units} onChange={(e) => setLayers({ ...layers, units: e.target.checked })} />
          <SymbolImg spec={UNIT_SYMBOL} image="ps-unit" />
          {m.layers.units}
        </label>
        <ul className="legend-list legend-status" aria-label={m.mapTools.unitStatusLegend}>
          {UNIT_STATUSES.map((st) => (
            <li key={st}>
              <SymbolImg spec={unitSymbol(st)} image={unitImage(st)} />
              {m.unitStatus[st]}
            </li>
          ))}
        </ul>
      </fieldset>
      <CodeGroup
        legend={m.layers.childPlaces}
        allLabel={m.layers.childPlaces}
        codes={CHILD_PLACE_KINDS}
        on={layers.children}
        onChange={(children) => setLayers({ ...layers, children })}
        symbolOf={childSymbol}
        imageOf={(k) => `ps-child-${k}`}
        labelOf={(k) => m.childPlaceKindPlural[k]}
      />
      <CodeGroup
        legend={m.layers.actors}
        allLabel={m.layers.allActors}
        codes={ACTOR_CATEGORIES}
        on={layers.actors}
        onChange={(actors) => setLayers({ ...layers, actors })}
        symbolOf={actorSymbol}
        imageOf={(c) => `ps-actor-${c}`}
        labelOf={(c) => m.actorCategory[c]}
        grid
      />
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
          <SymbolImg spec={clusterSymbol(MIXED_CLUSTER_RING)} size={30} image="ps-cluster-mixed" />
          <span className="legend-cluster-counts">
            <span style={{ color: PALETTE.actor }}>12</span>
            <span style={{ color: PALETTE.child }}>5</span>
          </span>
        </span>
        {m.layers.clusterLegend}
      </p>
    </details>
  );
}

/** A group of code switches (children's place kinds, actor categories) under a switch for the whole group. */
function CodeGroup<C extends string>({
  legend,
  allLabel,
  codes,
  on,
  onChange,
  symbolOf,
  imageOf,
  labelOf,
  grid = false,
}: {
  legend: string;
  allLabel: string;
  codes: readonly C[];
  on: Record<C, boolean>;
  onChange: (next: Record<C, boolean>) => void;
  symbolOf: (code: C) => SymbolSpec;
  imageOf: (code: C) => string;
  labelOf: (code: C) => string;
  grid?: boolean;
}) {
  const all = codes.every((c) => on[c]);
  const some = codes.some((c) => on[c]);
  const checks = codes.map((c) => (
    <label className="check" key={c}>
      <input type="checkbox" checked={on[c]} onChange={(e) => onChange({ ...on, [c]: e.target.checked })} />
      <SymbolImg spec={symbolOf(c)} image={imageOf(c)} />
      {labelOf(c)}
    </label>
  ));
  return (
    <fieldset>
      <legend>{legend}</legend>
      <GroupToggle label={allLabel} checked={all} mixed={some && !all} onChange={(value) => onChange(setAll(codes, value))} />
      {grid ? <div className="check-grid">{checks}</div> : checks}
    </fieldset>
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
