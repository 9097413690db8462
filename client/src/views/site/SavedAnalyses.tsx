import './site.css';
import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { FormError } from '../../forms/Field.js';
import { useI18n } from '../../i18n/index.js';
import { formatDate } from '../../lib/format.js';
import { savedApi, type SavedAnalysis } from './savedApi.js';
import type { Site } from './useSites.js';

/**
 * "Spara analys" with a name, and the list of the user's saved analyses: open, rename
 * (inline) and delete (after an inline confirmation). Only the sites' points, letters and
 * the address a site was added by are sent; the analysis is asked for again on opening.
 * `current` is the saved analysis open now (its sites can be saved again under its name).
 */
export function SavedAnalyses({ sites, current, onOpen, onCurrent, announce }: {
  sites: readonly Site[];
  current: number | undefined;
  onOpen: (a: SavedAnalysis) => void;
  onCurrent: (id: number | undefined) => void;
  announce: (text: string) => void;
}) {
  const { m } = useI18n();
  const t = m.siteSaved;
  const [list, setList] = useState<SavedAnalysis[]>();
  const [error, setError] = useState<unknown>(null);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState('');
  const [busy, setBusy] = useState(false);
  const [renaming, setRenaming] = useState<number>();
  const [newName, setNewName] = useState('');
  const [confirming, setConfirming] = useState<number>();
  const nameInput = useRef<HTMLInputElement>(null);
  const listHeading = useRef<HTMLHeadingElement>(null);

  const load = useCallback(() => savedApi.list().then(setList, setError), []);
  useEffect(() => void load(), [load]);

  const body = () => sites.map((s) => ({ label: s.label, lon: round(s.pos[0]), lat: round(s.pos[1]), ...(s.name ? { name: s.name } : {}) }));
  const open = list?.find((a) => a.id === current);
  // "Spara ändrade platser" only when the sites on the map differ from the saved ones.
  const changed = open !== undefined && !sameSites(body(), open.sites);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    if (!name.trim()) {
      setNameError(t.nameRequired);
      nameInput.current?.focus();
      return;
    }
    setNameError('');
    setBusy(true);
    try {
      const saved = await savedApi.create({ name: name.trim(), sites: body() });
      setName('');
      onCurrent(saved.id);
      announce(t.saved(saved.name));
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const saveSites = async (a: SavedAnalysis) => {
    setError(null);
    try {
      await savedApi.update(a.id, { sites: body() });
      announce(t.updated(a.name));
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const rename = async (e: FormEvent, a: SavedAnalysis) => {
    e.preventDefault();
    setError(null);
    try {
      const changed = await savedApi.update(a.id, { name: newName.trim() });
      setRenaming(undefined);
      announce(t.renamed(changed.name));
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (a: SavedAnalysis) => {
    setError(null);
    try {
      await savedApi.remove(a.id);
      setConfirming(undefined);
      if (current === a.id) onCurrent(undefined);
      announce(t.removed(a.name));
      await load();
      listHeading.current?.focus();
    } catch (err) {
      setError(err);
    }
  };

  return (
    <section className="saved-analyses" aria-labelledby="saved-analyses-h">
      <h2 id="saved-analyses-h" ref={listHeading} tabIndex={-1}>{t.savedTitle}</h2>
      {sites.length ? (
        <form className="saved-form" onSubmit={save} noValidate>
          <div className="field">
            <label htmlFor="saved-name">{t.saveName}</label>
            <span id="saved-name-hint" className="muted small">{t.saveNameHint}</span>
            <input
              id="saved-name" ref={nameInput} type="text" maxLength={100} value={name} onChange={(e) => setName(e.target.value)}
              aria-describedby={nameError ? 'saved-name-hint saved-name-error' : 'saved-name-hint'} aria-invalid={nameError ? true : undefined}
            />
            {nameError ? <p id="saved-name-error" className="field-error">{nameError}</p> : null}
          </div>
          <div className="button-row">
            <button type="submit" className="button button-primary" disabled={busy}>{busy ? t.saving : t.save}</button>
            {open && changed ? <button type="button" className="button" onClick={() => saveSites(open)}>{t.saveChanges}</button> : null}
          </div>
        </form>
      ) : (
        <p className="muted small">{t.nothingToSave}</p>
      )}
      <FormError error={error} />
      {list && list.length === 0 ? <p className="muted">{t.none}</p> : null}
      {list && list.length ? (
        <ul className="saved-list" aria-label={t.listCaption}>
          {list.map((a) => (
            <li key={a.id} className={a.id === current ? 'saved-current' : undefined}>
              {renaming === a.id ? (
                <form className="saved-rename" onSubmit={(e) => rename(e, a)}>
                  <label htmlFor={`rename-${a.id}`}>{t.newName}</label>
                  <input id={`rename-${a.id}`} type="text" required maxLength={100} value={newName} onChange={(e) => setNewName(e.target.value)} autoFocus />
                  <button type="submit" className="button button-small">{t.saveName2}</button>
                  <button type="button" className="button button-small button-quiet" onClick={() => setRenaming(undefined)}>{t.cancel}</button>
                </form>
              ) : (
                <>
                  <span className="saved-name">
                    <strong>{a.name}</strong>
                    <span className="muted small">
                      {' · '}{t.sitesCount(a.sites.length)} · {t.changedAt(formatDate(m.locale, a.updated_at))}
                      {a.id === current ? ` · ${t.current}` : ''}
                    </span>
                  </span>
                  <span className="saved-actions">
                    <button type="button" className="button button-small" aria-label={t.openNamed(a.name)} onClick={() => { onOpen(a); announce(t.opened(a.name)); }}>{t.open}</button>
                    <button type="button" className="button button-small button-quiet" aria-label={t.renameNamed(a.name)} onClick={() => { setRenaming(a.id); setNewName(a.name); setConfirming(undefined); }}>{t.rename}</button>
                    <button type="button" className="button button-small button-quiet" aria-label={t.removeNamed(a.name)} onClick={() => setConfirming(a.id)}>{t.remove}</button>
                  </span>
                  {confirming === a.id ? (
                    <div className="saved-confirm" role="alertdialog" aria-labelledby={`confirm-${a.id}`}>
                      <p id={`confirm-${a.id}`}>{t.confirmRemove(a.name)}</p>
                      <button type="button" className="button button-small button-danger" onClick={() => remove(a)} autoFocus>{t.confirmRemoveButton}</button>
                      <button type="button" className="button button-small button-quiet" onClick={() => setConfirming(undefined)}>{t.cancel}</button>
                    </div>
                  ) : null}
                </>
              )}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

/** Five decimals (about a metre), as the address keeps them. */
const round = (x: number) => Math.round(x * 1e5) / 1e5;

/** Whether two lists of sites are the same sites: letters and points (to the stored precision) in the same order. */
function sameSites(a: readonly { label: string; lon: number; lat: number }[], b: readonly { label: string; lon: number; lat: number }[]): boolean {
  return a.length === b.length && a.every((s, i) => s.label === b[i]!.label && s.lon === round(b[i]!.lon) && s.lat === round(b[i]!.lat));
}
