import { ConfirmDialog } from '../forms/ConfirmDialog.js';
import { isNotFound } from '../forms/errors.js';
import { FormError } from '../forms/Field.js';
import { useAction } from '../hooks/useAction.js';
import { useI18n } from '../i18n/index.js';

/**
 * The confirmation before a record is removed (or marked as gone): runs `action`, and
 * calls `onDone` when it succeeded or the record had been removed meanwhile (404), with
 * which of the two; any other failure is shown in the dialog, which stays open.
 */
export function ConfirmRemove({
  title,
  text,
  confirm,
  action,
  onDone,
  onCancel,
}: {
  title: string;
  text: string;
  confirm: string;
  action: () => Promise<unknown>;
  onDone: (how: 'done' | 'gone') => void;
  onCancel: () => void;
}) {
  const { m } = useI18n();
  const { busy, error, run } = useAction(async () => {
    try {
      await action();
      onDone('done');
    } catch (e) {
      if (!isNotFound(e)) throw e;
      onDone('gone');
    }
  });
  return (
    <ConfirmDialog
      title={title}
      confirm={busy ? m.records.saving : confirm}
      danger
      busy={busy}
      error={error ? <FormError error={error} /> : null}
      onConfirm={() => void run()}
      onCancel={onCancel}
    >
      <p>{text}</p>
    </ConfirmDialog>
  );
}
