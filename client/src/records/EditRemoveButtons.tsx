import { useI18n } from '../i18n/index.js';

/**
 * A record's "Ändra" and its removal (quiet, the rarer choice), both small; each
 * is named with the record for screen readers, since a list has many of them.
 */
export function EditRemoveButtons({
  editId,
  editLabel,
  onEdit,
  removeText,
  removeLabel,
  onRemove,
}: {
  editId?: string;
  editLabel: string;
  onEdit?: () => void;
  removeText: string;
  removeLabel: string;
  onRemove: () => void;
}) {
  const { m } = useI18n();
  return (
    <>
      <button id={editId} type="button" className="button button-small" aria-label={editLabel} onClick={onEdit}>
        {m.records.edit}
      </button>
      <button type="button" className="button button-small button-quiet" aria-label={removeLabel} onClick={onRemove}>
        {removeText}
      </button>
    </>
  );
}
