import type { ExpressionSpecification, LayerSpecification } from 'maplibre-gl';
import { useMemo, useState } from 'react';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { useAsync } from '../hooks/useAsync.js';
import { Link } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { csvDialectOf } from '../lib/exportUrls.js';
import { useGeoJsonLayers } from '../map/hooks.js';
import { SLOT } from '../map/styles.js';
import { outreachApi } from './api.js';
import { IMPL_COLOURS, IMPL_TEXT, sortImplementation, type ImplSortKey } from './lib.js';
import './outreach.css';

const byCount = (values: readonly string[]): ExpressionSpecification =>
  ['match', ['get', 'in_place'], 0, values[0]!, 1, values[1]!, 2, values[2]!, 3, values[3]!, 4, values[4]!, values[5]!] as ExpressionSpecification;

/** Units as discs coloured by the number of principles in place, with that number written inside (never colour alone). */
const IMPL_LAYERS: LayerSpecification[] = [
  {
    id: 'impl-units-disc',
    type: 'circle',
    source: 'impl-units',
    metadata: { 'ps:slot': SLOT.units },
    paint: { 'circle-radius': 13, 'circle-color': byCount(IMPL_COLOURS), 'circle-stroke-color': '#111827', 'circle-stroke-width': 2 },
  },
  {
    id: 'impl-units-count',
    type: 'symbol',
    source: 'impl-units',
    metadata: { 'ps:slot': SLOT.labels },
    layout: {
      'text-field': ['to-string', ['get', 'in_place']],
      'text-font': ['Noto Sans Bold'],
      'text-size': 14,
      'text-allow-overlap': true,
      'text-ignore-placement': true,
    },
    paint: { 'text-color': byCount(IMPL_TEXT) },
  },
];

const COLUMNS: ImplSortKey[] = ['name', 'in_place', 'in_progress', 'not_started'];

/** The implementation overview across all units: a sortable table, per principle and per area, and the map. */
export function ImplementationPage() {
  const { m, lang } = useI18n();
  const o = m.outreach;
  const data = useAsync((signal) => outreachApi.implementation(signal), []);
  const [sort, setSort] = useState<{ key: ImplSortKey; desc: boolean }>({ key: 'in_place', desc: true });
  useGeoJsonLayers('impl-units', data.data?.units, IMPL_LAYERS);
  const rows = useMemo(() => (data.data ? sortImplementation(data.data.units.features, sort.key, sort.desc, m.locale) : []), [data.data, sort, m.locale]);
  const label: Record<ImplSortKey, string> = { name: o.unit, in_place: o.inPlace, in_progress: o.inProgress, not_started: o.notStarted };

  return (
    <section className="outreach outreach-page" aria-labelledby="impl-title">
      <h1 id="impl-title" tabIndex={-1}>{o.implementationTitle}</h1>
      <p>{o.implementationIntro}</p>
      <figure className="impl-legend" aria-label={o.legend}>
        <figcaption>{o.legend}</figcaption>
        <ul className="legend-list">
          {IMPL_COLOURS.map((c, i) => (
            <li key={c}>
              <span className="impl-disc" style={{ background: c, color: IMPL_TEXT[i] }}>{i}</span>
            </li>
          ))}
        </ul>
      </figure>
      <a className="button button-small" href={`/api/exports/implementation.csv?dialect=${csvDialectOf(lang)}`} download>{o.exportCsv}</a>
      <p role="status" aria-live="polite" className="outreach-status">{data.data ? m.units.count(data.data.units.features.length) : ''}</p>
      {data.status === 'error' ? <ErrorMessage error={data.error} onRetry={data.retry} /> : null}
      {!data.data && data.status === 'loading' ? <Skeleton lines={6} /> : null}
      {data.data ? (
        <>
          <div className="table-wrap">
            <table className="outreach-table">
              <caption className="visually-hidden">{o.implementationTitle}</caption>
              <thead>
                <tr>
                  {COLUMNS.map((k) => (
                    <th key={k} scope="col" aria-sort={sort.key === k ? (sort.desc ? 'descending' : 'ascending') : 'none'}>
                      <button type="button" className="sort-button" onClick={() => setSort((s) => ({ key: k, desc: s.key === k ? !s.desc : k !== 'name' }))}>
                        {label[k]}<span aria-hidden="true">{sort.key === k ? (sort.desc ? ' ▼' : ' ▲') : ''}</span>
                      </button>
                    </th>
                  ))}
                  {[1, 2, 3, 4, 5].map((p) => <th key={p} scope="col" title={data.data!.principles[p - 1]?.[lang === 'sv' ? 'title_sv' : 'title_en']}>{o.principle} {p}</th>)}
                </tr>
              </thead>
              <tbody>
                {rows.map((f) => (
                  <tr key={f.id}>
                    <th scope="row"><Link href={`/units/${f.id}?tab=principles`}>{f.properties.name}</Link></th>
                    <td className="num">{f.properties.in_place}</td>
                    <td className="num">{f.properties.in_progress}</td>
                    <td className="num">{f.properties.not_started}</td>
                    {f.properties.principles.map((s, i) => <td key={i}><span className={`tag tag-${s}`}>{o.principleStatus[s]}</span></td>)}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <h2>{o.perPrinciple}</h2>
          <div className="table-wrap">
            <table className="outreach-table">
              <thead>
                <tr><th scope="col">{o.principle}</th><th scope="col">{o.inPlace}</th><th scope="col">{o.inProgress}</th><th scope="col">{o.notStarted}</th></tr>
              </thead>
              <tbody>
                {data.data.principles.map((p) => (
                  <tr key={p.principle}>
                    <th scope="row">{p.principle}. {lang === 'sv' ? p.title_sv : p.title_en}</th>
                    <td className="num">{p.in_place}</td><td className="num">{p.in_progress}</td><td className="num">{p.not_started}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {data.data.areas.length > 0 ? (
            <>
              <h2>{o.perArea}</h2>
              <div className="table-wrap">
                <table className="outreach-table">
                  <thead>
                    <tr><th scope="col">{o.perArea}</th><th scope="col">{o.units}</th><th scope="col">{o.inPlace}</th><th scope="col">{o.inProgress}</th><th scope="col">{o.notStarted}</th></tr>
                  </thead>
                  <tbody>
                    {data.data.areas.map((a) => (
                      <tr key={a.area_id}>
                        <th scope="row">{a.name}</th>
                        <td className="num">{a.units}</td><td className="num">{a.in_place}</td><td className="num">{a.in_progress}</td><td className="num">{a.not_started}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          ) : null}
        </>
      ) : null}
    </section>
  );
}
