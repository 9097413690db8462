import { useEffect, useMemo, useState } from 'react';
import { actorItem, childItem } from '../components/featureItems.js';
import { ErrorMessage, Skeleton } from '../components/Status.js';
import { SymbolImg } from '../components/SymbolImg.js';
import { useAsync } from '../hooks/useAsync.js';
import { Link, useRouter } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { api } from '../lib/api.js';
import { matchesQuery, sortByName } from '../lib/features.js';
import { routeHref } from '../lib/route.js';
import { UNIT_SYMBOL } from '../map/icons.js';
import { useSearchMap } from '../map/useSearchMap.js';
import { useUnits } from '../units.js';
import { AddressResults } from './search/AddressResults.js';
import { baseDataApi, type Address } from './search/baseDataApi.js';
import { FeatureResults, ResultSection } from './search/ResultSection.js';
import { useAddressMarker } from './search/useAddressMarker.js';

const RESULT_LIMIT = 50;
const ADDRESS_LIMIT = 10;

/**
 * Search by name or address across units (in the browser), actors and children's
 * places (`q` on the API), and the imported street addresses (typo-tolerant, on the
 * API): results as lists, the same results on the map; a chosen address is marked
 * and the map flies there. Typing
 * updates the results and the address; Enter in the header's field lands here.
 */
export function SearchView({ q }: { q: string }) {
  const { m } = useI18n();
  const { navigate } = useRouter();
  const units = useUnits();
  const [text, setText] = useState(q);
  const query = q.trim();
  const enough = query.length >= 2;

  useEffect(() => setText(q), [q]);
  useEffect(() => {
    document.title = `${query ? m.search.resultsFor(query) : m.search.title} – ${m.app.name}`;
  }, [m, query]);

  // Typing searches after a pause; the address follows so the search can be shared.
  const search = (value: string) => navigate(routeHref({ name: 'search', q: value }), { replace: true });
  useEffect(() => {
    if (text === q) return;
    const t = setTimeout(() => search(text), 300);
    return () => clearTimeout(t);
  }, [text, q, navigate]);

  const actors = useAsync((signal) => (enough ? api.actors({ q: query, limit: RESULT_LIMIT, signal }) : Promise.resolve(null)), [query]);
  const children = useAsync((signal) => (enough ? api.childPlaces({ q: query, limit: RESULT_LIMIT, signal }) : Promise.resolve(null)), [query]);
  const addresses = useAsync((signal) => (enough ? baseDataApi.addresses(query, { limit: ADDRESS_LIMIT, signal }) : Promise.resolve(null)), [query]);
  const [chosenAddress, setChosenAddress] = useState<Address | null>(null);
  useEffect(() => setChosenAddress(null), [query]);
  useAddressMarker(chosenAddress);
  const foundUnits = useMemo(
    () => (enough ? (units.data ?? []).filter((u) => matchesQuery(query, u.properties.name, u.properties.address)) : []),
    [units.data, query, enough],
  );
  const foundActors = useMemo(() => sortByName(actors.data?.features ?? [], m.locale), [actors.data, m.locale]);
  const foundChildren = useMemo(() => sortByName(children.data?.features ?? [], m.locale), [children.data, m.locale]);
  const loaded = actors.status !== 'loading' && children.status !== 'loading' && addresses.status !== 'loading';
  const focus = useSearchMap({ query, loaded, units: foundUnits, actors: foundActors, children: foundChildren });

  const foundAddresses = addresses.data?.features ?? [];
  const count = foundUnits.length + foundActors.length + foundChildren.length + foundAddresses.length;
  const error = actors.status === 'error' ? actors : children.status === 'error' ? children : addresses.status === 'error' ? addresses : null;

  return (
    <div className="view search-view">
      <h1 tabIndex={-1}>{query ? m.search.resultsFor(query) : m.search.title}</h1>
      <form role="search" className="searchbox searchbox-panel" aria-label={m.search.viewLandmark} onSubmit={(e) => (e.preventDefault(), search(text))}>
        <label htmlFor="search-panel-input" className="visually-hidden">
          {m.search.label}
        </label>
        <input id="search-panel-input" type="search" value={text} placeholder={m.search.placeholder} onChange={(e) => setText(e.target.value)} />
        <button type="submit" className="button">
          {m.search.submit}
        </button>
      </form>
      <p className="count" aria-live="polite" aria-atomic="true">
        {!enough ? m.search.tooShort : loaded ? (count ? m.search.count(count) : m.search.none) : ''}
      </p>
      {enough && !loaded ? <Skeleton lines={5} /> : null}
      {error ? <ErrorMessage error={error.error} onRetry={error.retry} /> : null}
      {enough && foundUnits.length ? (
        <ResultSection id="found-units-h" title={m.search.units} count={foundUnits.length}>
          {foundUnits.map((u) => (
            <li key={u.id}>
              <Link className="feature-item" href={routeHref({ name: 'unit', id: u.id, tab: 'contacts' })}>
                <SymbolImg spec={UNIT_SYMBOL} />
                <span className="feature-name">{u.properties.name}</span>
                <span className="feature-meta">{u.properties.address ?? m.unitKind[u.properties.kind]}</span>
              </Link>
            </li>
          ))}
        </ResultSection>
      ) : null}
      {enough ? <AddressResults result={addresses.data} chosen={chosenAddress} onChoose={setChosenAddress} /> : null}
      <p className="visually-hidden" aria-live="polite">{chosenAddress ? m.baseData.addressShown(chosenAddress.properties.label) : ''}</p>
      <FeatureResults
        id="found-actors-h"
        title={m.search.actors}
        items={foundActors.map((a) => actorItem(m, a, { selected: focus.isSelected('found-actors', a.id), onSelect: () => focus.openActor(a, true) }, true))}
      />
      <FeatureResults
        id="found-children-h"
        title={m.search.childPlaces}
        items={foundChildren.map((c) => childItem(m, c, { selected: focus.isSelected('found-children', c.id), onSelect: () => focus.openChild(c, true) }, true))}
      />
    </div>
  );
}
