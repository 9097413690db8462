/**
 * Concurrent edits: when a save answers 412 (someone else saved first) or the record was
 * removed meanwhile, this dialog shows field by field what was read, what the other
 * person saved and what the user typed, and lets the user choose. Nothing is lost
 * silently: fields only the other person changed keep their value, fields only the user
 * changed keep the user's, and fields both changed are the user's choice.
 *
 * ```ts
 * const conflict = useConflict<Values>();
 * try { await save(values, version) } catch (e) {
 *   if (!isConflict(e)) throw e;
 *   const current = await reload(); // null when removed (404)
 *   const r = await conflict.open({ fields, base, mine, theirs: current, version: currentVersion });
 *   if (r.action === 'overwrite') await save(r.values, r.version);
 *   else if (r.action === 'recreate') await create(r.values);
 *   else if (r.action === 'discard') showCurrent();
 *   // 'cancel' (Escape): keep the form as it is, the user's edit untouched.
 * }
 * // and render {conflict.dialog} in the form
 * ```
 */
import { useCallback, useId, useRef, useState, type ReactElement } from 'react';
import { useI18n } from '../i18n/index.js';
import type { Messages } from '../i18n/index.js';
import { ModalDialog } from './ModalDialog.js';
import './forms.css';

export { isConflict } from './errors.js';

/** One field the dialog compares; `key` may be a dotted path into the values (`properties.name`). */
export interface ConflictField {
  key: string;
  label: string;
  /** The value as the user should read it (a label for a code, a date in words); default: the text of the value. */
  format?: (v: unknown) => string;
}

export interface ConflictInput<T> {
  fields: ConflictField[];
  /** The values as read before editing. */
  base: T;
  /** The values the user typed. */
  mine: T;
  /** The server's values now, or null when the record was removed meanwhile. */
  theirs: T | null;
  /** The server's version now (its ETag); default: `theirs.version` or `theirs.properties.version`. */
  version?: number;
}

export type ConflictResolution<T> =
  /** Save `values` (theirs with the user's choices) with `If-Match: version`. */
  | { action: 'overwrite'; values: T; version: number }
  /** Drop the user's edit and show the server's record. */
  | { action: 'discard' }
  /** The record was removed: create it again with the user's values. */
  | { action: 'recreate'; values: T }
  /** Closed with Escape or "Avbryt": keep editing, nothing saved, nothing dropped. */
  | { action: 'cancel' };

/** How one field stands between the three versions. */
export type FieldState = 'unchanged' | 'theirs' | 'mine' | 'same' | 'both';

/** The value at a dotted path (`properties.radii.immediate`). */
export function getPath(obj: unknown, key: string): unknown {
  let cur: unknown = obj;
  for (const part of key.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<string, unknown>)[part];
  }
  return cur;
}

/** A copy of `obj` with the value at a dotted path replaced (objects on the way are copied, never shared). */
export function setPath<T>(obj: T, key: string, value: unknown): T {
  const parts = key.split('.');
  const root: Record<string, unknown> = { ...(obj as Record<string, unknown>) };
  let cur = root;
  for (let i = 0; i < parts.length - 1; i++) {
    const next = cur[parts[i]!];
    const copy = next && typeof next === 'object' ? { ...(next as Record<string, unknown>) } : {};
    cur[parts[i]!] = copy;
    cur = copy;
  }
  cur[parts[parts.length - 1]!] = value;
  return root as T;
}

const norm = (v: unknown) => (v === undefined || v === '' ? null : v);
/** Equality of two field values (null, undefined and '' are the same "empty"). */
export const sameValue = (a: unknown, b: unknown) => JSON.stringify(norm(a)) === JSON.stringify(norm(b));

/** Where a field stands: changed by nobody, only by them, only by me, by both alike, or by both differently. */
export function fieldState(base: unknown, mine: unknown, theirs: unknown): FieldState {
  const mineChanged = !sameValue(base, mine);
  const theirsChanged = !sameValue(base, theirs);
  if (!mineChanged && !theirsChanged) return 'unchanged';
  if (!mineChanged) return 'theirs';
  if (!theirsChanged) return 'mine';
  return sameValue(mine, theirs) ? 'same' : 'both';
}

/**
 * The values to save: the server's record, with the user's value where only the user
 * changed a field, and the chosen side where both did. Fields not listed keep theirs.
 */
export function mergeValues<T>(input: ConflictInput<T>, choices: Record<string, 'mine' | 'theirs'>): T {
  let out = structuredCloneSafe(input.theirs ?? input.mine);
  for (const f of input.fields) {
    const state = fieldState(getPath(input.base, f.key), getPath(input.mine, f.key), getPath(input.theirs, f.key));
    if (state === 'mine' || (state === 'both' && choices[f.key] === 'mine')) out = setPath(out, f.key, getPath(input.mine, f.key));
  }
  return out;
}

function structuredCloneSafe<T>(v: T): T {
  try {
    return structuredClone(v);
  } catch {
    return JSON.parse(JSON.stringify(v)) as T;
  }
}

/** The version to send after the dialog: given, or read from the server's values. */
export function versionOf(input: ConflictInput<unknown>): number {
  if (typeof input.version === 'number') return input.version;
  const v = getPath(input.theirs, 'version') ?? getPath(input.theirs, 'properties.version');
  return typeof v === 'number' ? v : Number.NaN;
}

function show(v: unknown, f: ConflictField, m: Messages): string {
  const t = m.forms.conflict;
  if (f.format) return f.format(v);
  if (v === null || v === undefined || v === '') return t.empty;
  if (typeof v === 'boolean') return v ? t.yes : t.no;
  if (Array.isArray(v)) return v.length ? v.map(String).join(', ') : t.empty;
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The modal dialog itself; `useConflict` renders it for you. */
export function ConflictDialog<T>({ input, onResolve }: { input: ConflictInput<T>; onResolve: (r: ConflictResolution<T>) => void }) {
  const { m } = useI18n();
  const t = m.forms.conflict;
  const ref = useRef<HTMLDialogElement>(null);
  const uid = useId();
  const [choices, setChoices] = useState<Record<string, 'mine' | 'theirs'>>({});
  const [missing, setMissing] = useState<string[]>([]);
  const deleted = input.theirs === null;

  const rows = input.fields.map((f) => {
    const base = getPath(input.base, f.key);
    const mine = getPath(input.mine, f.key);
    const theirs = getPath(input.theirs, f.key);
    return { f, base, mine, theirs, state: deleted ? ('mine' as FieldState) : fieldState(base, mine, theirs) };
  });
  const shown = deleted ? rows : rows.filter((r) => r.state !== 'unchanged');

  const finish = useCallback(
    (r: ConflictResolution<T>) => {
      ref.current?.close();
      onResolve(r);
    },
    [onResolve],
  );

  const save = () => {
    const open = rows.filter((r) => r.state === 'both' && !choices[r.f.key]);
    if (open.length) {
      setMissing(open.map((r) => r.f.key));
      ref.current?.querySelector<HTMLInputElement>(`input[data-field="${CSS.escape(open[0]!.f.key)}"]`)?.focus();
      return;
    }
    finish({ action: 'overwrite', values: mergeValues(input, choices), version: versionOf(input as ConflictInput<unknown>) });
  };

  const firstBoth = rows.find((r) => r.state === 'both')?.f.key;
  return (
    <ModalDialog
      dialogRef={ref}
      className="conflict-dialog"
      title={deleted ? t.deletedTitle : t.title}
      intro={<p>{deleted ? t.deletedIntro : t.intro}</p>}
      onEscape={() => finish({ action: 'cancel' })}
    >
      {shown.length === 0 ? <p>{t.noChanges}</p> : null}
      <ul className="conflict-fields">
        {shown.map(({ f, base, mine, theirs, state }) => {
          const values = (
            <dl className="conflict-values">
              <dt>{t.base}</dt>
              <dd>{show(base, f, m)}</dd>
              {deleted ? null : (
                <>
                  <dt>{t.theirs}</dt>
                  <dd>{show(theirs, f, m)}</dd>
                </>
              )}
              <dt>{t.mine}</dt>
              <dd>{show(mine, f, m)}</dd>
            </dl>
          );
          if (state !== 'both') {
            return (
              <li key={f.key} className="conflict-field" data-state={state}>
                <p className="conflict-field-name">{f.label}</p>
                {values}
                {deleted ? null : <p className="conflict-note">{state === 'theirs' ? t.takenTheirs : state === 'mine' ? t.takenMine : t.same}</p>}
              </li>
            );
          }
          const name = `${uid}-${f.key}`;
          const invalid = missing.includes(f.key) && !choices[f.key];
          return (
            <li key={f.key} className="conflict-field conflict-both" data-state={state}>
              <fieldset aria-describedby={invalid ? `${name}-missing` : undefined}>
                <legend>{f.label}</legend>
                {values}
                <p className="conflict-note">{t.bothChanged}</p>
                <div className="conflict-choice">
                  {(['mine', 'theirs'] as const).map((side) => (
                    <label key={side}>
                      <input
                        type="radio"
                        name={name}
                        value={side}
                        data-field={f.key}
                        checked={choices[f.key] === side}
                        autoFocus={side === 'mine' && f.key === firstBoth}
                        onChange={() => setChoices((c) => ({ ...c, [f.key]: side }))}
                      />
                      {side === 'mine' ? t.chooseMine : t.chooseTheirs}: {show(side === 'mine' ? mine : theirs, f, m)}
                    </label>
                  ))}
                </div>
                {invalid ? (
                  <p id={`${name}-missing`} className="field-error">
                    {t.bothChanged}
                  </p>
                ) : null}
              </fieldset>
            </li>
          );
        })}
      </ul>
      {missing.some((k) => !choices[k]) ? (
        <p className="form-alert" role="alert">
          {t.unchosen(rows.filter((r) => missing.includes(r.f.key) && !choices[r.f.key]).map((r) => r.f.label))}
        </p>
      ) : null}
      <div className="button-row">
        {deleted ? (
          <button type="button" className="button button-primary" autoFocus onClick={() => finish({ action: 'recreate', values: structuredCloneSafe(input.mine) })}>
            {t.recreate}
          </button>
        ) : (
          <button type="button" className="button button-primary" autoFocus={!firstBoth} onClick={save}>
            {t.save}
          </button>
        )}
        <button type="button" className="button" onClick={() => finish({ action: 'discard' })}>
          {t.discard}
        </button>
        <button type="button" className="button button-quiet" onClick={() => finish({ action: 'cancel' })}>
          {t.cancel}
        </button>
      </div>
    </ModalDialog>
  );
}

/**
 * The conflict dialog as a hook: `open(input)` shows it and resolves with the user's
 * choice; render `dialog` somewhere in the form. Focus returns to where it was.
 */
export function useConflict<T>(): {
  open: (input: ConflictInput<T>) => Promise<ConflictResolution<T>>;
  dialog: ReactElement | null;
  isOpen: boolean;
} {
  const [pending, setPending] = useState<{ input: ConflictInput<T>; resolve: (r: ConflictResolution<T>) => void; opener: Element | null } | null>(null);
  const open = useCallback(
    (input: ConflictInput<T>) =>
      new Promise<ConflictResolution<T>>((resolve) => setPending({ input, resolve, opener: document.activeElement })),
    [],
  );
  const current = useRef(pending);
  current.current = pending;
  const onResolve = useCallback((r: ConflictResolution<T>) => {
    const p = current.current;
    current.current = null;
    setPending(null);
    if (!p) return;
    p.resolve(r);
    const opener = p.opener;
    setTimeout(() => {
      if (opener instanceof HTMLElement && opener.isConnected && !document.querySelector('dialog[open]') && document.activeElement === document.body) opener.focus();
    }, 0);
  }, []);
  const dialog = pending ? <ConflictDialog input={pending.input} onResolve={onResolve} /> : null;
  return { open, dialog, isOpen: pending !== null };
}
