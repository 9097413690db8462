import type { ReactNode } from 'react';
import { TableWrap } from '../../components/TableWrap.js';
import { Link } from '../../hooks/useRoute.js';
import { useI18n, type Messages } from '../../i18n/index.js';
import type { SiteAnalysis as Analysis } from '../../lib/apiTypes.js';
import { ACTOR_CATEGORIES, CHILD_PLACE_KINDS, RINGS } from '../../lib/codes.js';
import { routeHref } from '../../lib/route.js';
import { total, type Radii } from '../../lib/siteAnalysis.js';
import { siteName } from './siteName.js';
import type { Label, Site } from './useSites.js';

/** One column of the comparison: a site and the analysis shown for it (the server's, or the preview). */
export interface SiteColumn {
  site: Site;
  analysis: Analysis | undefined;
  isPreview: boolean;
}

/**
 * The sites side by side: each named by its address or area, then the nearest address, the
 * areas, coordinates, counts per ring and per walking band, the nearest places, overlapping
 * units. `printable` drops the buttons and links (the printed comparison sheet).
 */
export function CompareTable({ columns, active, radii, onActivate, onRemove, printable = false }: {
  columns: SiteColumn[]; active: Label | null; radii: Radii | undefined; onActivate?: (l: Label) => void; onRemove?: (l: Label) => void; printable?: boolean;
}) {
  const { m } = useI18n();
  const row = (key: string, head: string, cell: (c: SiteColumn) => ReactNode) => (
    <tr key={key}>
      <th scope="row">{head}</th>
      {columns.map((c) => cell(c))}
    </tr>
  );
  const ringName = (ring: (typeof RINGS)[number]) => m.ringWithRadius(m.ring[ring], radii?.[ring] ?? 0);
  const countsIn = (a: Analysis | undefined, ring: string) => a?.rings.find((r) => r.ring === ring);
  return (
    <TableWrap label={m.site.compareCaption}>
      <table className="data-table compare-table">
        <caption className="visually-hidden">{m.site.compareCaption}</caption>
        <thead>
          <tr>
            <th scope="col">{m.site.measure}</th>
            {columns.map(({ site, analysis, isPreview }) => {
              const name = siteName(m, site, analysis, isPreview);
              return (
                <th scope="col" key={site.label} className={site.label === active ? 'active-site' : undefined}>
                  {printable ? (
                    <span className="site-head">{m.site.site(site.label)}</span>
                  ) : (
                    <span className="site-head">
                      <button type="button" className="link-button" aria-pressed={site.label === active} onClick={() => onActivate?.(site.label)}>
                        {m.site.site(site.label)}
                      </button>
                      <button type="button" className="button button-small" aria-label={m.site.remove(site.label)} onClick={() => onRemove?.(site.label)}>
                        ×
                      </button>
                    </span>
                  )}
                  <span className="cell-sub" data-testid={`site-${site.label}-name`}>{name ?? m.site.analysing}</span>
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {row('where', m.site.where, ({ site, analysis, isPreview }) => (
            <td key={site.label} data-testid={`site-${site.label}-where`}>
              {isPreview ? '…' : analysis?.areas.length ? analysis.areas.map((a) => `${a.name} (${m.site.areaLevel[a.level]})`).join(', ') : m.site.noArea}
            </td>
          ))}
          {row('address', m.siteSaved.addressRow, ({ site, analysis, isPreview }) => (
            <td key={site.label} data-testid={`site-${site.label}-address`}>
              {isPreview ? '…' : analysis?.address ? <>{analysis.address.label}<span className="cell-sub">{m.distance(analysis.address.distance_m)}</span></> : m.siteSaved.noAddress}
            </td>
          ))}
          {row('coordinates', m.site.coordinates, ({ site, isPreview }) => (
            <td key={site.label}>
              {site.pos[1].toFixed(5)}, {site.pos[0].toFixed(5)}
              {printable ? null : (
                <span className={`cell-sub source-${isPreview ? 'preview' : 'server'}`} data-testid={`site-${site.label}-source`}>
                  {site.status === 'loading' ? m.site.analysing : isPreview ? m.site.preview : m.site.server}
                </span>
              )}
            </td>
          ))}
          {RINGS.map((ring) => row(`a-${ring}`, m.site.actorsInRing(ringName(ring)), ({ site, analysis }) => <CountCell key={site.label} m={m} counts={countsIn(analysis, ring)?.actors} kind="actors" />))}
          {RINGS.map((ring) => row(`c-${ring}`, m.site.childPlacesInRing(ringName(ring)), ({ site, analysis }) => <CountCell key={site.label} m={m} counts={countsIn(analysis, ring)?.child_places} kind="children" />))}
          <WalkRows columns={columns} row={row} />
          {(['school', 'preschool', 'playground'] as const).map((k) =>
            row(k, m.site.nearest(m.childPlaceKindDefinite[k]), ({ site, analysis }) => {
              const n = analysis?.nearest[k];
              return <td key={site.label}>{n ? <>{n.name}<span className="cell-sub">{m.distance(n.distance_m)}</span></> : m.site.none}</td>;
            }),
          )}
          {row('overlapping', m.site.overlapping, ({ site, analysis }) => (
            <td key={site.label}>
              {analysis?.overlapping_units.length ? (
                <ul className="plain-list">
                  {analysis.overlapping_units.map((u) => (
                    <li key={u.id}>
                      {printable ? u.name : <Link href={routeHref({ name: 'unit', id: u.id, tab: 'contacts' })}>{u.name}</Link>}
                      <span className="cell-sub">{m.distance(u.distance_m)}</span>
                    </li>
                  ))}
                </ul>
              ) : (
                m.site.noOverlap
              )}
            </td>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function CountCell({ m, counts, kind }: { m: Messages; counts: Record<string, number> | undefined; kind: 'actors' | 'children' }) {
  if (!counts) return <td>–</td>;
  const parts =
    kind === 'actors'
      ? ACTOR_CATEGORIES.filter((c) => counts[c]).map((c) => `${m.actorCategory[c]} ${m.number(counts[c]!)}`)
      : CHILD_PLACE_KINDS.filter((k) => counts[k]).map((k) => `${m.childPlaceKindPlural[k]} ${m.number(counts[k]!)}`);
  return (
    <td>
      <strong>{m.number(total(counts))}</strong>
      {parts.length ? <span className="cell-sub wrap">{parts.join(', ')}</span> : null}
    </td>
  );
}

type Row = (key: string, head: string, cell: (c: SiteColumn) => ReactNode) => ReactNode;

/**
 * The places inside the outer ring counted by walking band (each band after the one
 * before), and those farther on foot; one line saying why when no site has walks.
 */
function WalkRows({ columns, row }: { columns: SiteColumn[]; row: Row }) {
  const { m } = useI18n();
  const bands = columns.find((c) => c.analysis?.walking)?.analysis?.walking?.bands;
  if (!bands) {
    const waiting = columns.some((c) => c.isPreview || c.site.status === 'loading');
    return <>{row('walking', m.site.walking, ({ site }) => <td key={site.label}>{waiting ? '…' : m.site.noWalking}</td>)}</>;
  }
  const cell = (c: SiteColumn, body: (w: NonNullable<Analysis['walking']>) => ReactNode) =>
    c.isPreview ? <td key={c.site.label}>…</td> : c.analysis?.walking ? body(c.analysis.walking) : <td key={c.site.label}>{m.site.offNetwork}</td>;
  const last = bands[bands.length - 1]!.minutes;
  return (
    <>
      {bands.map((b, i) => {
        const from = i === 0 ? 0 : bands[i - 1]!.minutes;
        return [
          row(`wa-${b.minutes}`, m.site.actorsInWalk(from, b.minutes), (c) => cell(c, (w) => <CountCell key={c.site.label} m={m} counts={w.bands[i]?.actors} kind="actors" />)),
          row(`wc-${b.minutes}`, m.site.childPlacesInWalk(from, b.minutes), (c) => cell(c, (w) => <CountCell key={c.site.label} m={m} counts={w.bands[i]?.child_places} kind="children" />)),
        ];
      })}
      {row('walk-beyond', m.site.walkBeyond(last), (c) => cell(c, (w) => <td key={c.site.label}>{m.site.walkBeyondCounts(w.beyond.actors, w.beyond.child_places)}</td>))}
    </>
  );
}
