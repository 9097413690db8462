import { useI18n } from '../i18n/index.js';
import { ApiError } from '../lib/api.js';
import { errorText } from '../forms/errors.js';

/** Grey placeholder lines while content loads (announced once as busy). */
export function Skeleton({ lines = 4, label }: { lines?: number; label?: string }) {
  const { m } = useI18n();
  return (
    <div className="skeleton" role="status" aria-live="polite" aria-busy="true">
      <span className="visually-hidden">{label ?? m.app.loading}</span>
      {Array.from({ length: lines }, (_, i) => (
        <span key={i} className="skeleton-line" style={{ width: `${92 - ((i * 17) % 40)}%` }} aria-hidden="true" />
      ))}
    </div>
  );
}

/** What went wrong, in the user's language (from the error's code and params, never the server's English), with a retry button. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { m } = useI18n();
  const e = error instanceof ApiError ? error : undefined;
  const text = e && m.errors.byCode[e.code] ? m.errors.byCode[e.code] : errorText(error, m);
  return (
    <div className="error-box" role="alert">
      <p className="error-title">{m.errors.title}</p>
      <p>{text}</p>
      {e?.requestId && e.status >= 500 ? <p className="muted small">{m.errors.requestId(e.requestId)}</p> : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {m.errors.retry}
        </button>
      ) : null}
    </div>
  );
}
