import { useI18n } from '../../i18n/index.js';
import type { Address, AddressCollection } from './baseDataApi.js';
import { ResultSection } from './ResultSection.js';

/**
 * The search's "Adresser" section: each address a button that shows it on the map
 * (pressed while shown; its name is the address as written).
 * Says so when no address is imported at all, so an empty list is not read as "no such
 * address".
 */
export function AddressResults({ result, chosen, onChoose }: { result: AddressCollection | null | undefined; chosen: Address | null; onChoose: (a: Address) => void }) {
  const { m } = useI18n();
  if (!result) return null;
  if (!result.addresses_imported) {
    return (
      <section aria-labelledby="found-addresses-h">
        <h2 id="found-addresses-h">{m.baseData.addresses}</h2>
        <p className="muted">{m.baseData.noAddressesImported}</p>
      </section>
    );
  }
  if (!result.features.length) return null;
  return (
    <ResultSection id="found-addresses-h" title={m.baseData.addresses} count={result.features.length}>
      {result.features.map((a) => (
        <li key={a.id}>
          <button
            type="button"
            className="feature-item"
            aria-pressed={chosen?.id === a.id}
            onClick={() => onChoose(a)}
          >
            <span className="feature-name">{[a.properties.street, a.properties.housenumber].filter(Boolean).join(' ')}</span>
            {a.properties.postcode || a.properties.city ? <span className="visually-hidden">, </span> : null}
            <span className="feature-meta">{[a.properties.postcode && a.properties.postcode.replace(/^(\d{3})(\d{2})$/, '$1 $2'), a.properties.city].filter(Boolean).join(' ')}</span>
          </button>
        </li>
      ))}
    </ResultSection>
  );
}
