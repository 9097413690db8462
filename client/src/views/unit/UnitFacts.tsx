import { useEffect, useRef, useState } from 'react';
import { ConfirmDialog } from '../../forms/ConfirmDialog.js';
import { FormError } from '../../forms/Field.js';
import { isConflict } from '../../forms/errors.js';
import { useAction } from '../../hooks/useAction.js';
import { useAsync } from '../../hooks/useAsync.js';
import { api } from '../../lib/api.js';
import { Link } from '../../hooks/useRoute.js';
import { useI18n } from '../../i18n/index.js';
import type { Unit } from '../../lib/apiTypes.js';
import { RINGS } from '../../lib/codes.js';
import { routeHref } from '../../lib/route.js';
import { canEdit } from '../../outreach/api.js';
import { useMe } from '../../session.js';
import { ContactLinks } from './ContactCard.js';
import { unitApi } from './unitApi.js';
import { UnitForm } from './UnitForm.js';

/**
 * The unit's facts, its contact for neighbours and the link to the printable sheet.
 * Editors also get "Ändra" (the form in place of the list), "Stäng enheten" /
 * "Öppna igen" and "Ta bort", each confirmed; `onChanged` tells the view to reload
 * everything derived from the unit, `onRemoved` that it is gone.
 */
export function UnitFacts({ unit, onChanged, onRemoved }: { unit: Unit; onChanged?: (u: Unit) => void; onRemoved?: (u: Unit) => void }) {
  const { m } = useI18n();
  const t = m.unitEdit;
  const editor = canEdit(useMe()) && unit.properties.location_precision === 'exact';
  const [mode, setMode] = useState<'read' | 'edit'>('read');
  const [ask, setAsk] = useState<null | 'status' | 'remove'>(null);
  const [said, setSaid] = useState('');
  const editButton = useRef<HTMLButtonElement>(null);
  const statusButton = useRef<HTMLButtonElement>(null);
  const editHeading = useRef<HTMLHeadingElement>(null);
  const back = useRef<'edit' | 'status' | null>(null);

  useEffect(() => {
    if (mode === 'edit') editHeading.current?.focus();
    else if (back.current === 'edit') editButton.current?.focus();
    else if (back.current === 'status') statusButton.current?.focus();
    back.current = null;
  }, [mode, unit]);

  const p = unit.properties;
  if (mode === 'edit') {
    return (
      <section aria-labelledby="facts-edit-heading">
        <h2 id="facts-edit-heading" tabIndex={-1} ref={editHeading}>
          {t.editTitle(p.name)}
        </h2>
        <UnitForm
          unit={unit}
          onSaved={(u) => {
            back.current = 'edit';
            setSaid(t.saved);
            setMode('read');
            onChanged?.(u);
          }}
          onCancel={() => {
            back.current = 'edit';
            setMode('read');
          }}
        />
      </section>
    );
  }
  const optional: [string, string | null][] = [
    [m.unit.operator, p.operator],
    [m.unit.description, p.description],
  ];
  return (
    <section aria-labelledby="facts-heading">
      <h2 id="facts-heading">{m.unit.facts}</h2>
      <p className="unit-status-line" role="status">
        {said}
      </p>
      {editor ? (
        <div className="unit-actions">
          <button type="button" className="button button-primary" ref={editButton} aria-label={`${t.edit}: ${p.name}`} onClick={() => { setSaid(''); setMode('edit'); }}>
            {t.edit}
          </button>
          <button type="button" className="button" ref={statusButton} onClick={() => setAsk('status')}>
            {p.status === 'closed' ? t.reopen : t.close}
          </button>
          <button type="button" className="button unit-button-danger" aria-label={`${t.remove}: ${p.name}`} onClick={() => setAsk('remove')}>
            {t.remove}
          </button>
        </div>
      ) : null}
      {ask === 'status' ? (
        <StatusDialog
          unit={unit}
          onDone={(u, text) => {
            setAsk(null);
            back.current = 'status';
            if (text) setSaid(text);
            if (u) onChanged?.(u);
            else statusButton.current?.focus();
          }}
        />
      ) : null}
      {ask === 'remove' ? (
        <RemoveDialog
          unit={unit}
          onCancel={() => setAsk(null)}
          onRemoved={() => {
            setAsk(null);
            onRemoved?.(unit);
          }}
          onChangedMeanwhile={(u) => {
            setAsk(null);
            setSaid(t.changedMeanwhile);
            onChanged?.(u);
          }}
        />
      ) : null}
      <dl className="facts">
        <dt>{m.unit.kind}</dt>
        <dd>{m.unitKind[p.kind]}</dd>
        <dt>{m.unit.status}</dt>
        <dd>{m.unitStatus[p.status]}</dd>
        <dt>{m.unit.places}</dt>
        <dd>{m.number(p.places)}</dd>
        <dt>{m.unit.address}</dt>
        <dd>{p.address ?? (p.location_precision === 'coarse' ? m.units.coarse : '–')}</dd>
        {optional.map(([term, value]) =>
          value ? (
            <FactPair key={term} term={term} value={value} />
          ) : null,
        )}
        <dt>{m.unit.zones}</dt>
        <dd>{RINGS.map((r) => m.unit.zoneRadius(m.ring[r], p.radii[r])).join(', ')}</dd>
      </dl>
      <h2>{m.unit.neighbourContact}</h2>
      <p className="muted">{m.unit.neighbourContactIntro}</p>
      {p.contact_name || p.contact_phone || p.contact_email ? (
        <div className="contact-card">
          {p.contact_name ? <p className="person-name">{p.contact_name}</p> : null}
          <ContactLinks phone={p.contact_phone} email={p.contact_email} />
          {p.contact_hours ? (
            <p className="small">
              <span className="label">{m.unit.hours}: </span>
              {p.contact_hours}
            </p>
          ) : null}
        </div>
      ) : (
        <p>{m.unit.noNeighbourContact}</p>
      )}
      <p>
        <Link className="button" href={routeHref({ name: 'sheet', id: unit.id })}>
          {m.unit.printSheet}
        </Link>
      </p>
    </section>
  );
}

function FactPair({ term, value }: { term: string; value: string }) {
  return (
    <>
      <dt>{term}</dt>
      <dd>{value}</dd>
    </>
  );
}

/** Close or reopen, confirmed; a change meanwhile (412) reloads the unit and says so. */
function StatusDialog({ unit, onDone }: { unit: Unit; onDone: (u: Unit | null, said: string | null) => void }) {
  const { m } = useI18n();
  const t = m.unitEdit;
  const p = unit.properties;
  const closing = p.status !== 'closed';
  const { busy, error, run } = useAction(async () => {
    try {
      const u = await unitApi.update(unit.id, p.version, { properties: { status: closing ? 'closed' : 'open' } });
      onDone(u, closing ? t.closed(p.name) : t.reopened(p.name));
    } catch (e) {
      if (!isConflict(e)) throw e;
      onDone(await api.unit(unit.id), t.changedMeanwhile);
    }
  });
  return (
    <ConfirmDialog
      title={closing ? t.closeTitle(p.name) : t.reopenTitle(p.name)}
      confirm={closing ? t.confirmClose : t.confirmReopen}
      busy={busy}
      cancelable={!busy}
      onConfirm={run}
      onCancel={() => onDone(null, null)}
    >
      <p>{closing ? t.closeText : t.reopenText}</p>
      <FormError error={error} />
    </ConfirmDialog>
  );
}

/** "Ta bort" with what goes with the unit, counted by the server; the DELETE carries the version those counts were read at. */
function RemoveDialog({ unit, onCancel, onRemoved, onChangedMeanwhile }: { unit: Unit; onCancel: () => void; onRemoved: () => void; onChangedMeanwhile: (u: Unit) => void }) {
  const { m } = useI18n();
  const t = m.unitEdit;
  const deps = useAsync((signal) => unitApi.dependents(unit.id, signal), [unit.id]);
  const d = deps.data;
  const { busy, error, run } = useAction(async () => {
    if (!d) return;
    try {
      await unitApi.remove(unit.id, d.version);
      onRemoved();
    } catch (e) {
      if (!isConflict(e)) throw e;
      onChangedMeanwhile(await api.unit(unit.id));
    }
  });
  /** Until the counts are read, and while the removal runs, neither choice can be taken. */
  const locked = busy || !d;
  return (
    <ConfirmDialog title={t.removeTitle(unit.properties.name)} confirm={t.confirmRemove} danger busy={locked} cancelable={!locked} onConfirm={run} onCancel={onCancel}>
      {deps.status === 'error' ? <FormError error={deps.error} /> : null}
      {!d && deps.status !== 'error' ? <p role="status">{t.removeLoading}</p> : null}
      {d ? (
        <div data-testid="unit-dependents">
          {d.activities || d.principles ? (
            <>
              <p>{t.removeWhat}</p>
              <ul>
                {d.activities ? <li>{t.removeActivities(d.activities, d.information, d.open_follow_ups)}</li> : null}
                {d.principles ? <li>{t.removePrinciples(d.principles)}</li> : null}
              </ul>
            </>
          ) : (
            <p>{t.removeNothing}</p>
          )}
          <p>{t.removeKept}</p>
        </div>
      ) : null}
      <FormError error={error} />
    </ConfirmDialog>
  );
}
