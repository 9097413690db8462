import { useEffect } from 'react';
import { Link } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';

export function NotFound() {
  const { m } = useI18n();
  useEffect(() => {
    document.title = `${m.app.notFoundTitle} – ${m.app.name}`;
  }, [m]);
  return (
    <div className="view">
      <h1 tabIndex={-1}>{m.app.notFoundTitle}</h1>
      <p>{m.app.notFoundText}</p>
      <Link href="/" className="button">
        {m.app.backToMap}
      </Link>
    </div>
  );
}
