import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useConflict, type ConflictField } from '../forms/ConflictDialog.js';
import { fieldErrors, isConflict, isNotFound } from '../forms/errors.js';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.js';
import { useI18n } from '../i18n/index.js';
import type { ContactPerson } from '../lib/apiTypes.js';
import { ContactLinks } from '../views/unit/ContactCard.js';
import { changedKeys, recordsApi, textOrNull, type PersonRecord } from './api.js';
import { ConfirmDialog } from './ConfirmDialog.js';
import './records.css';

interface PersonValues {
  name: string;
  role: string;
  phone: string;
  email: string;
  note: string;
}

const EMPTY: PersonValues = { name: '', role: '', phone: '', email: '', note: '' };
const valuesOf = (p: PersonRecord): PersonValues => ({ name: p.name, role: p.role ?? '', phone: p.phone ?? '', email: p.email ?? '', note: p.note ?? '' });
const bodyOf = (v: PersonValues) => ({ name: v.name.trim(), role: textOrNull(v.role), phone: textOrNull(v.phone), email: textOrNull(v.email), note: textOrNull(v.note) });

/**
 * An actor's contact persons on its card. Editors change a person inline (a quick
 * phone correction is "Ändra", the field, Enter), add one, or mark one as having left
 * (hidden at once); viewers see the list only.
 */
export function PersonsEditor({
  actorId,
  actorName,
  persons,
  editable,
  onChanged,
}: {
  actorId: number;
  actorName: string;
  persons: ContactPerson[];
  editable: boolean;
  onChanged: () => void;
}) {
  const { m } = useI18n();
  const r = m.records;
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  /** The person being edited (their stored record), 'new' while adding, or null. */
  const [editing, setEditing] = useState<PersonRecord | 'new' | null>(null);
  const [leaving, setLeaving] = useState<ContactPerson | null>(null);
  const [busy, setBusy] = useState(false);
  const [openError, setOpenError] = useState<unknown>(null);
  const [leaveError, setLeaveError] = useState<unknown>(null);
  const [status, setStatus] = useState('');

  /** The element to focus once the next render is on screen (an edit button, or the add button). */
  const [focusTarget, setFocusTarget] = useState<string | null>(null);
  const focusLater = (id: string) => setFocusTarget(id);
  const editButtonId = (id: number) => `${uid}-edit-${id}`;
  const addId = `${uid}-add`;
  useEffect(() => {
    if (!focusTarget) return;
    const el = document.getElementById(focusTarget);
    if (el) {
      el.focus();
      setFocusTarget(null);
    }
  }, [focusTarget, editing, persons]);

  const startEdit = async (p: ContactPerson) => {
    setOpenError(null);
    try {
      setEditing(await recordsApi.person(p.id));
    } catch (e) {
      setOpenError(e);
      if (isNotFound(e)) onChanged();
    }
  };

  const leave = async () => {
    if (!leaving) return;
    setBusy(true);
    setLeaveError(null);
    try {
      const current = await recordsApi.person(leaving.id);
      await recordsApi.inactivatePerson(leaving.id, current.version);
      setStatus(r.personInactivated(leaving.name));
      setLeaving(null);
      onChanged();
      focusLater(addId);
    } catch (e) {
      if (isNotFound(e)) {
        setLeaving(null);
        onChanged();
      } else setLeaveError(e);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="persons-editor">
      {persons.length ? (
        <ul className="persons" aria-label={m.contacts.persons}>
          {persons.map((person) =>
            editing !== null && editing !== 'new' && editing.id === person.id ? (
              <li key={person.id}>
                <PersonForm
                  actorId={actorId}
                  person={editing}
                  label={r.personFormLabel(person.name)}
                  onDone={(saved) => {
                    setEditing(null);
                    if (saved) {
                      setStatus(r.personSaved(saved.name));
                      onChanged();
                    }
                    focusLater(editButtonId(person.id));
                  }}
                />
              </li>
            ) : (
              <li key={person.id} className="person-row">
                <div className="person-text">
                  <span className="person-name">{person.name}</span>
                  {person.role ? <span className="muted">, {person.role}</span> : null}
                  <ContactLinks phone={person.phone} email={person.email} />
                </div>
                {editable ? (
                  <div className="person-actions">
                    <button id={editButtonId(person.id)} type="button" className="button button-small" aria-label={r.editPerson(person.name)} onClick={() => void startEdit(person)}>
                      {r.edit}
                    </button>
                    <button
                      type="button"
                      className="button button-small button-quiet"
                      aria-label={r.leftJobLabel(person.name)}
                      onClick={() => {
                        setLeaveError(null);
                        setLeaving(person);
                      }}
                    >
                      {r.leftJob}
                    </button>
                  </div>
                ) : null}
              </li>
            ),
          )}
        </ul>
      ) : null}
      {openError ? <FormError error={openError} /> : null}
      {editable ? (
        editing === 'new' ? (
          <PersonForm
            actorId={actorId}
            label={r.newPersonFormLabel}
            onDone={(saved) => {
              setEditing(null);
              if (saved) {
                setStatus(r.personAdded(saved.name));
                onChanged();
              }
              focusLater(addId);
            }}
          />
        ) : (
          <button id={addId} type="button" className="button button-small" aria-label={r.addPersonTo(actorName)} onClick={() => setEditing('new')}>
            {r.addPerson}
          </button>
        )
      ) : null}
      <p className="small person-status" role="status">
        {status}
      </p>
      {leaving ? (
        <ConfirmDialog
          title={r.leftJobTitle(leaving.name)}
          text={r.leftJobText}
          confirm={r.confirmLeftJob}
          busy={busy}
          error={leaveError ? <FormError error={leaveError} /> : null}
          onConfirm={() => void leave()}
          onCancel={() => setLeaving(null)}
        />
      ) : null}
    </div>
  );
}

/** Adds (no `person`) or changes one contact person; a 412 or a removal meanwhile opens the conflict dialog. */
function PersonForm({ actorId, person, label, onDone }: { actorId: number; person?: PersonRecord; label: string; onDone: (saved: PersonRecord | null) => void }) {
  const { m } = useI18n();
  const r = m.records;
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const [base, setBase] = useState<PersonValues>(person ? valuesOf(person) : EMPTY);
  const [version, setVersion] = useState(person?.version ?? 0);
  const [values, setValues] = useState<PersonValues>(base);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const conflict = useConflict<PersonValues>();
  useFocusFirstInvalid(formRef, error);
  useEffect(() => {
    document.getElementById(`${uid}-name`)?.focus();
  }, [uid]);

  const errors = fieldErrors(error, m);
  const set = (k: keyof PersonValues, v: string) => setValues((s) => ({ ...s, [k]: v }));
  const fields: ConflictField[] = [
    { key: 'name', label: r.personName },
    { key: 'role', label: r.personRole },
    { key: 'phone', label: r.personPhone },
    { key: 'email', label: r.personEmail },
    { key: 'note', label: r.personNote },
  ];
  const labels = Object.fromEntries(fields.map((f) => [f.key, f.label]));

  const save = async (from: PersonValues, v: PersonValues, ver: number) => {
    const changes = changedKeys(bodyOf(from), bodyOf(v));
    if (Object.keys(changes).length === 0) return null;
    return recordsApi.patchPerson(person!.id, ver, changes);
  };

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      if (!person) {
        onDone(await recordsApi.addPerson(actorId, bodyOf(values)));
        return;
      }
      try {
        onDone(await save(base, values, version));
      } catch (e2) {
        if (!isConflict(e2) && !isNotFound(e2)) throw e2;
        let current: PersonRecord | null = null;
        try {
          current = await recordsApi.person(person.id);
        } catch (e3) {
          if (!isNotFound(e3)) throw e3;
        }
        const theirs = current ? valuesOf(current) : null;
        const choice = await conflict.open({ fields, base, mine: values, theirs, version: current?.version });
        if (choice.action === 'overwrite' && current && theirs) onDone((await save(theirs, choice.values, choice.version)) ?? current);
        else if (choice.action === 'recreate') onDone(await recordsApi.addPerson(actorId, bodyOf(choice.values)));
        else if (choice.action === 'discard') {
          if (current && theirs) {
            setBase(theirs);
            setValues(theirs);
            setVersion(current.version);
          } else onDone(null);
        }
      }
    } catch (e3) {
      setError(e3);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      ref={formRef}
      className="person-form"
      aria-label={label}
      onSubmit={(e) => void submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !conflict.isOpen) {
          e.preventDefault();
          onDone(null);
        }
      }}
      noValidate
    >
      <FormError error={error} labels={labels} />
      <div className="record-form-pair">
        <Field id={`${uid}-name`} label={r.personName} error={errors.name}>
          <input type="text" value={values.name} onChange={(e) => set('name', e.target.value)} required />
        </Field>
        <Field id={`${uid}-role`} label={r.personRole} error={errors.role}>
          <input type="text" value={values.role} onChange={(e) => set('role', e.target.value)} />
        </Field>
        <Field id={`${uid}-phone`} label={r.personPhone} error={errors.phone}>
          <input type="tel" value={values.phone} onChange={(e) => set('phone', e.target.value)} />
        </Field>
        <Field id={`${uid}-email`} label={r.personEmail} error={errors.email}>
          <input type="email" value={values.email} onChange={(e) => set('email', e.target.value)} />
        </Field>
      </div>
      <Field id={`${uid}-note`} label={r.personNote} hint={r.personNoteHint} error={errors.note}>
        <input type="text" value={values.note} onChange={(e) => set('note', e.target.value)} />
      </Field>
      <div className="button-row">
        <button type="submit" className="button button-primary button-small" disabled={busy}>
          {busy ? r.saving : r.save}
        </button>
        <button type="button" className="button button-small" onClick={() => onDone(null)}>
          {r.cancel}
        </button>
      </div>
      {conflict.dialog}
    </form>
  );
}

