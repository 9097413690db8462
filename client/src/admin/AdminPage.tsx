import { useCallback, useEffect, useState, type FormEvent } from 'react';
import './admin.css';
import { useI18n } from '../i18n/index.js';
import { useMe } from '../session.js';
import { ApiError } from '../lib/api.js';
import { adminApi, type AuditEntryT, type TokenCreatedT, type TokenInfoT, type UserT } from './adminApi.js';

const ROLES = ['viewer', 'editor', 'admin'] as const;
const ACTIONS = ['create', 'update', 'delete', 'read_exact', 'export', 'import', 'login', 'logout', 'purge'] as const;

/** The texts of these pages in the chosen language. */
function useTexts() {
  return useI18n().m.admin;
}

const messageOf = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** Administration for admins: user accounts and the audit log. Everyone else is told it is for admins. */
export function AdminPage() {
  const t = useTexts();
  const me = useMe();
  if (!me) return <p role="status">{t.loading}</p>;
  if (me.role !== 'admin') {
    return (
      <section className="admin-page">
        <h1 tabIndex={-1}>{t.navAdmin}</h1>
        <p>{t.adminOnly}</p>
      </section>
    );
  }
  return (
    <section className="admin-page">
      <h1 tabIndex={-1}>{t.navAdmin}</h1>
      <Users />
      <AuditLog />
    </section>
  );
}

function Users() {
  const t = useTexts();
  const [users, setUsers] = useState<UserT[]>();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const [form, setForm] = useState({ email: '', name: '', role: 'viewer', password: '' });
  const load = useCallback(() => adminApi.users().then((r) => setUsers(r.users), (e) => setError(messageOf(e))), []);
  useEffect(() => void load(), [load]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      const user = await adminApi.createUser(form);
      setStatus(t.created(user.email));
      setForm({ email: '', name: '', role: 'viewer', password: '' });
      await load();
    } catch (err) {
      setError(err instanceof ApiError && err.code === 'weak_password' ? t.weakPassword : messageOf(err));
    }
  };
  const change = async (user: UserT, body: Partial<{ role: string; active: boolean }>) => {
    setError('');
    try {
      await adminApi.changeUser(user, body);
      setStatus(t.saved);
      await load();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t.usersTitle}</h2>
      <p>{t.usersIntro}</p>
      <p role="status" aria-live="polite">{status}</p>
      {error && <p role="alert" className="error">{error}</p>}
      {users && (
        <table className="data-table">
          <caption>{t.userCount(users.length)}</caption>
          <thead>
            <tr><th scope="col">{t.name}</th><th scope="col">{t.email}</th><th scope="col">{t.role}</th><th scope="col">{t.active}</th></tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.name}</th>
                <td>{u.email}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`role-${u.id}`}>{`${t.role}: ${u.name}`}</label>
                  <select id={`role-${u.id}`} value={u.role} onChange={(e) => change(u, { role: e.target.value })}>
                    {ROLES.map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}
                  </select>
                </td>
                <td>
                  {u.active ? t.yes : t.no}{' '}
                  <button type="button" className="button button-quiet" onClick={() => change(u, { active: !u.active })}>
                    {u.active ? t.deactivate : t.activate}<span className="visually-hidden">{`: ${u.name}`}</span>
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form className="admin-form" onSubmit={create}>
        <h3>{t.create}</h3>
        <label>{t.email}<input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} autoComplete="off" /></label>
        <label>{t.name}<input required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} /></label>
        <div className="admin-field">
          <label htmlFor="new-user-role">{t.role}</label>
          <select id="new-user-role" value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            {ROLES.map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}
          </select>
        </div>
        <label>{t.password}<input type="password" required minLength={8} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} autoComplete="new-password" /></label>
        <button type="submit" className="button">{t.create}</button>
      </form>
    </section>
  );
}

function AuditLog() {
  const t = useTexts();
  const [filters, setFilters] = useState({ entity: '', action: '', from: '', to: '' });
  const [result, setResult] = useState<{ entries: AuditEntryT[]; number_matched: number }>();
  const [error, setError] = useState('');
  const search = useCallback(async (f: typeof filters) => {
    setError('');
    try {
      setResult(await adminApi.audit({
        entity: f.entity || undefined, action: f.action || undefined, limit: 100,
        from: f.from ? `${f.from}T00:00:00Z` : undefined, to: f.to ? `${f.to}T23:59:59Z` : undefined,
      }));
    } catch (err) {
      setError(messageOf(err));
    }
  }, []);
  useEffect(() => void search({ entity: '', action: '', from: '', to: '' }), [search]);

  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">{t.auditTitle}</h2>
      <p>{t.auditIntro}</p>
      <form className="admin-form" onSubmit={(e) => { e.preventDefault(); void search(filters); }}>
        <label>{t.entity}<input value={filters.entity} placeholder="unit, actor, user…" onChange={(e) => setFilters({ ...filters, entity: e.target.value })} /></label>
        <label>{t.action}
          <select value={filters.action} onChange={(e) => setFilters({ ...filters, action: e.target.value })}>
            <option value="">{t.all}</option>
            {ACTIONS.map((a) => <option key={a} value={a}>{a}</option>)}
          </select>
        </label>
        <label>{t.from}<input type="date" value={filters.from} onChange={(e) => setFilters({ ...filters, from: e.target.value })} /></label>
        <label>{t.to}<input type="date" value={filters.to} onChange={(e) => setFilters({ ...filters, to: e.target.value })} /></label>
        <button type="submit" className="button">{t.search}</button>
      </form>
      {error && <p role="alert" className="error">{error}</p>}
      <p role="status" aria-live="polite">{result ? t.entries(result.entries.length, result.number_matched) : ''}</p>
      {result && (
        <table className="data-table">
          <caption className="visually-hidden">{t.auditTitle}</caption>
          <thead><tr><th scope="col">{t.at}</th><th scope="col">{t.who}</th><th scope="col">{t.action}</th><th scope="col">{t.what}</th></tr></thead>
          <tbody>
            {result.entries.map((e) => (
              <tr key={e.id}>
                <td>{e.at.replace('T', ' ').slice(0, 19)}</td>
                <td>{e.user_email ?? '–'}</td>
                <td>{e.action}</td>
                <td>{e.entity}{e.entity_id ? ` ${e.entity_id}` : ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** Every user's own personal API tokens: create (shown once), list, revoke. */
export function TokensPage() {
  const t = useTexts();
  const [tokens, setTokens] = useState<TokenInfoT[]>();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<TokenCreatedT>();
  const [status, setStatus] = useState('');
  const [error, setError] = useState('');
  const load = useCallback(() => adminApi.tokens().then((r) => setTokens(r.tokens), (e) => setError(messageOf(e))), []);
  useEffect(() => void load(), [load]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError('');
    try {
      setCreated(await adminApi.createToken(name));
      setName('');
      await load();
    } catch (err) {
      setError(messageOf(err));
    }
  };
  const revoke = async (id: number) => {
    try {
      await adminApi.revokeToken(id);
      setStatus(t.revoked);
      setCreated(undefined);
      await load();
    } catch (err) {
      setError(messageOf(err));
    }
  };

  return (
    <section className="admin-page" aria-labelledby="tokens-title">
      <h1 id="tokens-title" tabIndex={-1}>{t.tokensTitle}</h1>
      <p>{t.tokensIntro}</p>
      <form className="admin-form" onSubmit={create}>
        <label>{t.tokenName}<input required maxLength={100} value={name} onChange={(e) => setName(e.target.value)} /></label>
        <button type="submit" className="button">{t.createToken}</button>
      </form>
      {created && (
        <div className="notice" role="status">
          <p>{t.tokenShown}</p>
          <code className="token-secret">{created.token}</code>
        </div>
      )}
      <p role="status" aria-live="polite">{status}</p>
      {error && <p role="alert" className="error">{error}</p>}
      {tokens && tokens.length === 0 && <p>{t.noTokens}</p>}
      {tokens && tokens.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t.tokensTitle}</caption>
          <thead><tr><th scope="col">{t.name}</th><th scope="col">{t.lastUsed}</th><th scope="col"><span className="visually-hidden">{t.revoke}</span></th></tr></thead>
          <tbody>
            {tokens.map((k) => (
              <tr key={k.id}>
                <th scope="row">{k.name}</th>
                <td>{k.last_used_at ? k.last_used_at.replace('T', ' ').slice(0, 16) : t.never}</td>
                <td><button type="button" className="button button-quiet" onClick={() => revoke(k.id)}>{t.revoke}<span className="visually-hidden">{`: ${k.name}`}</span></button></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** The navigation labels, in the chosen language. */
export function AdminNavLabel({ which }: { which: 'admin' | 'tokens' }) {
  const t = useTexts();
  return <>{which === 'admin' ? t.navAdmin : t.navTokens}</>;
}
