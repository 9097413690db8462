import { FeatureList, type FeatureListItem } from '../../components/FeatureList.js';
import { actorItem, childItem } from '../../components/featureItems.js';
import { ErrorMessage, Skeleton } from '../../components/Status.js';
import { useI18n } from '../../i18n/index.js';
import type { Actor, ChildPlace } from '../../lib/apiTypes.js';
import { inBbox, sortByName, type Bbox } from '../../lib/features.js';
import type { OverviewData } from './useOverviewData.js';

/** Longest list per layer in "In the map view". */
const LIST_LIMIT = 40;

/** "In the map view": what the switched-on layers draw inside the visible extent, by name. */
export function InViewPanel({
  data,
  view,
  isSelected,
  onActor,
  onChild,
}: {
  data: OverviewData;
  view: Bbox | null;
  isSelected: (layer: 'actors' | 'children', id: number) => boolean;
  onActor: (a: Actor) => void;
  onChild: (c: ChildPlace) => void;
}) {
  const { m } = useI18n();
  const { anyActors, anyChildren, showAreas, actors, children, areas } = data;
  const inView = <F extends Actor | ChildPlace>(features: F[]) => (view ? sortByName(features.filter((f) => inBbox(f.geometry.coordinates, view)), m.locale) : []);
  const actorsInView = inView(data.actorFeatures);
  const childrenInView = inView(data.childFeatures);
  const areasInView = (areas.data?.features ?? []).slice().sort((a, b) => a.properties.name.localeCompare(b.properties.name, m.locale));
  const list = (title: string, all: number, items: FeatureListItem[]) => <FeatureList title={m.layers.inViewCount(all, title)} items={items.slice(0, LIST_LIMIT)} more={all - LIST_LIMIT} />;

  return (
    <section className="in-view" aria-labelledby="in-view-heading">
      <h2 id="in-view-heading">{m.layers.inView}</h2>
      {[actors, children, areas].map((s, i) => (s.status === 'error' ? <ErrorMessage key={i} error={s.error} onRetry={s.retry} /> : null))}
      {!anyActors && !anyChildren && !showAreas ? (
        <p className="muted">{m.layers.nothingInView}</p>
      ) : (
        <>
          <p className="muted small">{m.layers.inViewIntro}</p>
          <div aria-live="polite" className="visually-hidden">
            {[
              anyActors ? m.layers.inViewCount(actorsInView.length, m.layers.actors) : null,
              anyChildren ? m.layers.inViewCount(childrenInView.length, m.layers.childPlaces) : null,
              showAreas ? m.layers.inViewCount(areasInView.length, m.layers.areas) : null,
            ]
              .filter(Boolean)
              .join('. ')}
          </div>
          {(actors.status === 'loading' && anyActors) || (children.status === 'loading' && anyChildren) ? <Skeleton lines={3} /> : null}
          {anyChildren
            ? list(m.layers.childPlaces, childrenInView.length, childrenInView.map((c) => childItem(m, c, { selected: isSelected('children', c.id), onSelect: () => onChild(c) })))
            : null}
          {anyActors ? list(m.layers.actors, actorsInView.length, actorsInView.map((a) => actorItem(m, a, { selected: isSelected('actors', a.id), onSelect: () => onActor(a) }))) : null}
          {showAreas ? list(m.layers.areas, areasInView.length, areasInView.map((a) => ({ id: a.id, name: a.properties.name, meta: '', symbol: null }))) : null}
          {data.actorTiles || data.childTiles ? <p className="muted small">{m.layers.truncated}</p> : null}
        </>
      )}
    </section>
  );
}
