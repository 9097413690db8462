import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../i18n/index.js';

/** Recovery codes, shown once after they are made: a list to copy or print, focused so a screen reader reads the warning first. */
export function RecoveryCodesShown({ codes }: { codes: string[] }) {
  const t = useI18n().m.secondFactor;
  const box = useRef<HTMLDivElement>(null);
  const [status, setStatus] = useState('');
  useEffect(() => box.current?.focus(), [codes]);
  const copy = async () => {
    await navigator.clipboard?.writeText(codes.join('\n'));
    setStatus(t.copied);
  };
  return (
    <div ref={box} tabIndex={-1} className="notice sf-codes" role="status">
      <p>{t.codesShown}</p>
      <ol className="sf-code-list" aria-label={t.codesListLabel}>
        {codes.map((c) => <li key={c}><code>{c}</code></li>)}
      </ol>
      <button type="button" className="button button-quiet" onClick={copy}>{t.copy}</button>
      <button type="button" className="button button-quiet" onClick={() => window.print()}>{t.print}</button>
      <p aria-live="polite">{status}</p>
    </div>
  );
}
