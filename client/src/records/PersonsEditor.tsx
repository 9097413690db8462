import { useEffect, useId, useState } from 'react';
import type { ConflictField } from '../forms/ConflictDialog.js';
import { isNotFound } from '../forms/errors.js';
import { FormError } from '../forms/Field.js';
import { TextField } from '../forms/TextField.js';
import { useI18n } from '../i18n/index.js';
import type { ContactPerson } from '../lib/apiTypes.js';
import { ContactLinks } from '../views/unit/ContactCard.js';
import { changedKeys, recordsApi, textOrNull, type PersonRecord } from './api.js';
import { ConfirmRemove } from './ConfirmRemove.js';
import { EditRemoveButtons } from './EditRemoveButtons.js';
import { PersonFields } from './PersonFields.js';
import { FormButtons } from './RecordFormFrame.js';
import { useRecordForm } from './useRecordForm.js';
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
  const [openError, setOpenError] = useState<unknown>(null);
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
                    <EditRemoveButtons
                      editId={editButtonId(person.id)}
                      editLabel={r.editPerson(person.name)}
                      onEdit={() => void startEdit(person)}
                      removeText={r.leftJob}
                      removeLabel={r.leftJobLabel(person.name)}
                      onRemove={() => setLeaving(person)}
                    />
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
        <ConfirmRemove
          title={r.leftJobTitle(leaving.name)}
          text={r.leftJobText}
          confirm={r.confirmLeftJob}
          action={async () => {
            const current = await recordsApi.person(leaving.id);
            await recordsApi.inactivatePerson(leaving.id, current.version);
          }}
          onDone={(how) => {
            if (how === 'done') {
              setStatus(r.personInactivated(leaving.name));
              focusLater(addId);
            }
            setLeaving(null);
            onChanged();
          }}
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
  const fields: ConflictField[] = [
    { key: 'name', label: r.personName },
    { key: 'role', label: r.personRole },
    { key: 'phone', label: r.personPhone },
    { key: 'email', label: r.personEmail },
    { key: 'note', label: r.personNote },
  ];
  const labels = Object.fromEntries(fields.map((f) => [f.key, f.label]));
  const f = useRecordForm<PersonValues, PersonRecord>({
    record: person,
    empty: EMPTY,
    valuesOf,
    versionOf: (p) => p.version,
    fields,
    create: (v) => recordsApi.addPerson(actorId, bodyOf(v)),
    patch: async (from, v, ver) => {
      const changes = changedKeys(bodyOf(from), bodyOf(v));
      if (Object.keys(changes).length === 0) return null;
      return recordsApi.patchPerson(person!.id, ver, changes);
    },
    reload: () => recordsApi.person(person!.id),
    onSaved: (saved) => onDone(saved),
    onUnchanged: () => onDone(null),
  });
  const { uid } = f;
  useEffect(() => {
    document.getElementById(`${uid}-name`)?.focus();
  }, [uid]);

  return (
    <form
      ref={f.formRef}
      className="person-form"
      aria-label={label}
      onSubmit={(e) => void f.submit(e)}
      onKeyDown={(e) => {
        if (e.key === 'Escape' && !f.conflict.isOpen) {
          e.preventDefault();
          onDone(null);
        }
      }}
      noValidate
    >
      <FormError error={f.error} labels={labels} />
      <PersonFields idOf={(k) => `${uid}-${k}`} values={f.values} onChange={(k, v) => f.set(k, v)} errorOf={f.err} nameRequired />
      <TextField label={r.personNote} hint={r.personNoteHint} {...f.text('note')} />
      <FormButtons busy={f.busy} submitLabel={r.save} onCancel={() => onDone(null)} small />
      {f.conflict.dialog}
    </form>
  );
}
