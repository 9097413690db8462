import { useState } from 'react';
import { ErrorMessage, Skeleton } from '../../components/Status.js';
import { useAsync } from '../../hooks/useAsync.js';
import { useI18n } from '../../i18n/index.js';
import { canEdit } from '../../outreach/api.js';
import { useMe } from '../../session.js';
import { baseDataApi, type Suggestion } from '../search/baseDataApi.js';
import './suggestions.css';

/**
 * "Förslag från OpenStreetMap" (editors): the points of interest inside the unit's
 * outer ring that are not actors or children's places yet, each added with one button
 * (as an actor of its category or a child place of its kind) or dismissed for good.
 * After an addition the unit view reloads its contacts and children (`onAccepted`).
 */
export function SuggestionsPanel({ unitId, onAccepted }: { unitId: number; onAccepted: (record: 'actor' | 'child_place') => void }) {
  const editor = canEdit(useMe());
  return editor ? <Suggestions unitId={unitId} onAccepted={onAccepted} /> : null;
}

function Suggestions({ unitId, onAccepted }: { unitId: number; onAccepted: (record: 'actor' | 'child_place') => void }) {
  const { m } = useI18n();
  const t = m.baseData.suggestions;
  const list = useAsync((signal) => baseDataApi.suggestions(unitId, signal), [unitId]);
  const [busy, setBusy] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [failed, setFailed] = useState(false);

  const act = async (s: Suggestion, what: 'accept' | 'dismiss') => {
    setBusy(s.id);
    setFailed(false);
    try {
      if (what === 'accept') {
        const made = await baseDataApi.acceptSuggestion(unitId, s);
        setStatus(t.added(s.properties.name));
        onAccepted(made.record);
      } else {
        await baseDataApi.dismissSuggestion(unitId, s);
        setStatus(t.dismissed(s.properties.name));
      }
      list.retry();
    } catch {
      setFailed(true);
    } finally {
      setBusy(null);
    }
  };

  const kindOf = (s: Suggestion) =>
    s.properties.record === 'actor'
      ? `${m.actorCategory[s.properties.category!]} (${t.asActor})`
      : `${m.childPlaceKind[s.properties.kind!]} (${t.asChildPlace})`;
  const features = list.data?.features ?? [];

  return (
    <section className="suggestions-panel" aria-labelledby="osm-suggestions-h">
      <h2 id="osm-suggestions-h">{t.title}</h2>
      <p className="muted">{t.intro}</p>
      <p role="status" aria-live="polite">{status}</p>
      {failed ? <p role="alert" className="form-error">{t.failed}</p> : null}
      {list.status === 'loading' && !list.data ? <Skeleton lines={3} /> : null}
      {list.status === 'error' ? <ErrorMessage error={list.error} onRetry={list.retry} /> : null}
      {list.data && !features.length ? <p>{list.data.pois_imported ? t.none : t.noPois}</p> : null}
      {features.length ? (
        <ul className="plain-list result-list">
          {features.map((s) => (
            <li key={s.id} className="suggestion-item">
              <span className="feature-name">{s.properties.name}{s.properties.named ? '' : ` (${t.unnamed})`}</span>
              <span className="feature-meta">
                {kindOf(s)} · {t.distance(s.properties.distance_m)}
                {s.properties.address ? ` · ${s.properties.address}` : ''}
              </span>
              <span className="suggestion-actions">
                <button type="button" className="button button-primary" disabled={busy !== null} aria-label={t.add(s.properties.name)} onClick={() => act(s, 'accept')}>
                  {t.addShort}
                </button>{' '}
                <button type="button" className="button" disabled={busy !== null} aria-label={t.dismiss(s.properties.name)} onClick={() => act(s, 'dismiss')}>
                  {t.dismissShort}
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
