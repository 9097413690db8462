import { useId, useRef, useState, type FormEvent } from 'react';
import { useConflict, type ConflictField } from '../forms/ConflictDialog.js';
import { fieldErrors, isConflict, isNotFound } from '../forms/errors.js';
import { useFocusFirstInvalid } from '../forms/Field.js';
import { useI18n } from '../i18n/index.js';

/** What a record form tells `useRecordForm` about its record; read afresh on every render. */
export interface RecordFormSpec<T, R> {
  /** The stored record, or undefined when the form creates one. */
  record: R | undefined;
  /** The values of a new record. */
  empty: T;
  valuesOf: (record: R) => T;
  versionOf: (record: R) => number;
  /** The fields the conflict dialog compares. */
  fields: ConflictField[];
  create: (values: T) => Promise<R>;
  /** Saves what differs between `from` and `values` with `If-Match: version`; null when nothing does. */
  patch: (from: T, values: T, version: number) => Promise<R | null>;
  /** The record as stored now (rejects with 404 when it was removed). */
  reload: () => Promise<R>;
  onSaved: (record: R, created: boolean) => void;
  /** Nothing was saved: the form had no change, or the record is gone and the user let it go. */
  onUnchanged: () => void;
  /** What the server's field paths start with (`properties.` for a feature). */
  errorPrefix?: string;
}

type TextKey<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;

/**
 * The state and the submit of a form that creates or changes one record. A stale
 * version (412) or a removal meanwhile (404) reloads the record and opens the conflict
 * dialog, and the save goes on as the user chooses there; any other refusal is kept
 * as `error`, shown at its fields, and the first invalid field gets focus.
 */
export function useRecordForm<T, R>(spec: RecordFormSpec<T, R>) {
  const { m } = useI18n();
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const [base, setBase] = useState<T>(() => (spec.record ? spec.valuesOf(spec.record) : spec.empty));
  const [version, setVersion] = useState(() => (spec.record ? spec.versionOf(spec.record) : 0));
  const [values, setValues] = useState<T>(base);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const conflict = useConflict<T>();
  useFocusFirstInvalid(formRef, error);

  const errors = fieldErrors(error, m);
  const prefix = spec.errorPrefix ?? '';
  const err = (key: string): string | undefined => errors[`${prefix}${key}`];
  const set = <K extends keyof T>(key: K, v: T[K]) => setValues((s) => ({ ...s, [key]: v }));
  /** The props of a text control bound to one value: its id, value, change and error. */
  const text = <K extends TextKey<T>>(key: K) => ({
    id: `${uid}-${key}`,
    value: values[key] as string,
    onChange: (v: string) => set(key, v as T[K]),
    error: err(key),
  });

  const resolveConflict = async () => {
    const current = await spec.reload().catch((e: unknown) => {
      if (isNotFound(e)) return null;
      throw e;
    });
    const theirs = current ? spec.valuesOf(current) : null;
    const choice = await conflict.open({ fields: spec.fields, base, mine: values, theirs, version: current ? spec.versionOf(current) : undefined });
    if (choice.action === 'overwrite' && current && theirs) spec.onSaved((await spec.patch(theirs, choice.values, choice.version)) ?? current, false);
    else if (choice.action === 'recreate') spec.onSaved(await spec.create(choice.values), true);
    else if (choice.action === 'discard') {
      if (current && theirs) {
        setBase(theirs);
        setValues(theirs);
        setVersion(spec.versionOf(current));
      } else spec.onUnchanged();
    }
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (!spec.record) {
        spec.onSaved(await spec.create(values), true);
        return;
      }
      try {
        const saved = await spec.patch(base, values, version);
        if (saved) spec.onSaved(saved, false);
        else spec.onUnchanged();
      } catch (e2) {
        if (!isConflict(e2) && !isNotFound(e2)) throw e2;
        await resolveConflict();
      }
    } catch (e3) {
      setError(e3);
    } finally {
      setBusy(false);
    }
  };

  return { uid, values, set, text, errors, err, error, busy, formRef, conflict, submit };
}
