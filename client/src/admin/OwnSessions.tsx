import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { OwnSession } from '../../../api/routes/auth.js';
import { FormError } from '../forms/Field.js';
import { useI18n } from '../i18n/index.js';
import { request } from '../lib/api.js';
import { formatAuditTime } from './auditView.js';
import { browserName } from './browserName.js';

type OwnSessionT = z.infer<typeof OwnSession>;

const sessionsApi = {
  list: () => request<{ sessions: OwnSessionT[] }>('/api/auth/sessions'),
  end: (id: number) => request<void>(`/api/auth/sessions/${id}`, { method: 'DELETE' }),
};

/**
 * The signed-in user's own live sessions (browser, system, address, when), each other
 * than this one ended with one button: a lost phone or a forgotten shared computer is
 * signed out at once. After ending one, focus moves to the status line that says so.
 */
export function OwnSessions() {
  const t = useI18n().m.sessions;
  const [sessions, setSessions] = useState<OwnSessionT[]>();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const statusRef = useRef<HTMLParagraphElement>(null);
  const load = useCallback(() => sessionsApi.list().then((r) => setSessions(r.sessions), setError), []);
  useEffect(() => void load(), [load]);

  const end = async (id: number) => {
    setError(null);
    try {
      await sessionsApi.end(id);
      setStatus(t.ended);
      await load();
      statusRef.current?.focus();
    } catch (err) {
      setError(err);
    }
  };

  const others = sessions?.filter((s) => !s.current) ?? [];
  return (
    <section aria-labelledby="own-sessions-title">
      <h2 id="own-sessions-title">{t.title}</h2>
      <p>{t.intro}</p>
      {sessions && (
        <ul className="session-list" aria-label={t.title}>
          {sessions.map((s) => {
            const name = browserName(s.user_agent, t);
            return (
              <li key={s.id} className="session-item">
                <p className="session-name"><strong>{name}</strong>{s.current && <> <span className="badge">{t.thisOne}</span></>}</p>
                <dl className="session-facts">
                  <dt>{t.signedIn}</dt><dd>{formatAuditTime(s.created_at)}</dd>
                  <dt>{t.lastSeen}</dt><dd>{formatAuditTime(s.last_seen_at)}</dd>
                  <dt>{t.address}</dt><dd>{s.address ?? '–'}</dd>
                </dl>
                {!s.current && (
                  <button type="button" className="button button-quiet" onClick={() => end(s.id)}>
                    {t.endOne}<span className="visually-hidden">{`: ${name}, ${formatAuditTime(s.last_seen_at)}`}</span>
                  </button>
                )}
              </li>
            );
          })}
        </ul>
      )}
      {sessions && others.length === 0 && <p>{t.none}</p>}
      <p ref={statusRef} tabIndex={-1} role="status" aria-live="polite">{status}</p>
      <FormError error={error} />
    </section>
  );
}
