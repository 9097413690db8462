import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import './admin.css';
import { useI18n } from '../i18n/index.js';
import { useMe } from '../session.js';
import { ConfirmDialog } from '../forms/ConfirmDialog.js';
import { useConflict } from '../forms/ConflictDialog.js';
import { fieldErrors, isConflict, isNotFound } from '../forms/errors.js';
import { Field, FormError, useFocusFirstInvalid } from '../forms/Field.js';
import { AuditLog } from './AuditLog.js';
import { OwnPassword } from './OwnPassword.js';
import { OwnSessions } from './OwnSessions.js';
import { SecondFactor } from './SecondFactor.js';
import { ResetSecondFactor } from './ResetSecondFactor.js';
import { ResetPassword, usePasswordResetTexts } from './ResetPassword.js';
import { Settings } from './Settings.js';
import { adminApi, type TokenCreatedT, type TokenInfoT, type UserT } from './adminApi.js';

const ROLES = ['viewer', 'editor', 'admin'] as const;

/** The texts of these pages in the chosen language. */
function useTexts() {
  return useI18n().m.admin;
}


/** Administration for admins: user accounts, the shared settings and the audit log. Everyone else is told it is for admins. */
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
      <Settings />
      <AuditLog />
    </section>
  );
}

type UserValues = { name: string; role: string; active: boolean };
const userValues = (u: UserT): UserValues => ({ name: u.name, role: u.role, active: u.active });

function Users() {
  const t = useTexts();
  const pr = usePasswordResetTexts();
  const { m } = useI18n();
  const [users, setUsers] = useState<UserT[]>();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [createError, setCreateError] = useState<unknown>(null);
  const [form, setForm] = useState({ email: '', name: '', role: 'viewer', password: '' });
  const formRef = useRef<HTMLFormElement>(null);
  const conflict = useConflict<UserValues>();
  /**
   * A role chosen in a user's select, waiting for confirmation: the select stays at the
   * stored role until then, so an arrow key on a focused select (which fires a change at
   * once) never grants a role by itself.
   */
  const [pendingRole, setPendingRole] = useState<{ user: UserT; role: string }>();
  const load = useCallback(() => adminApi.users().then((r) => setUsers(r.users), (e) => setError(e)), []);
  useEffect(() => void load(), [load]);
  useFocusFirstInvalid(formRef, createError);
  const errs = fieldErrors(createError, m);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setCreateError(null);
    try {
      const user = await adminApi.createUser(form);
      setStatus(t.created(user.email));
      setForm({ email: '', name: '', role: 'viewer', password: '' });
      await load();
    } catch (err) {
      setCreateError(err);
    }
  };

  /** Saves a change at the version read; on 412 shows what the other administrator changed and lets the user choose. */
  const change = async (user: UserT, body: Partial<UserValues>) => {
    setError(null);
    setStatus('');
    try {
      await adminApi.changeUser(user, body);
      setStatus(t.saved);
      await load();
    } catch (err) {
      if (!isConflict(err)) return setError(err);
      let current: UserT | null;
      try {
        current = await adminApi.user(user.id);
      } catch (e) {
        if (!isNotFound(e)) return setError(e);
        current = null;
      }
      const labels = t.conflictFields;
      const r = await conflict.open({
        fields: [
          { key: 'name', label: labels.name },
          { key: 'role', label: labels.role, format: (v) => t.roles[String(v)] ?? String(v) },
          { key: 'active', label: labels.active, format: (v) => (v ? t.yes : t.no) },
        ],
        base: userValues(user),
        mine: { ...userValues(user), ...body },
        theirs: current && userValues(current),
        version: current?.version,
      });
      if (r.action === 'overwrite' && current) {
        const now = userValues(current);
        const diff = Object.fromEntries(Object.entries(r.values).filter(([k, v]) => now[k as keyof UserValues] !== v)) as Partial<UserValues>;
        if (Object.keys(diff).length) return change(current, diff);
        setStatus(t.saved);
      }
      if (r.action !== 'cancel') await load();
    }
  };

  /** Where the role comes from, for accounts the work account made; nothing for the others. */
  const roleNote = (u: UserT): string | undefined =>
    u.waiting ? t.waitingHint : u.role_source === 'groups' ? t.roleFromGroups : u.role_source === 'override' ? t.roleOverride : undefined;

  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">{t.usersTitle}</h2>
      <p>{t.usersIntro}</p>
      <p role="status" aria-live="polite">{status}</p>
      <FormError error={error} />
      {conflict.dialog}
      {pendingRole && (
        <ConfirmDialog
          title={t.roleChangeTitle(pendingRole.user.name)}
          confirm={t.roleChangeConfirm(t.roles[pendingRole.role] ?? pendingRole.role)}
          danger={pendingRole.role === 'admin'}
          onConfirm={() => {
            const { user, role } = pendingRole;
            setPendingRole(undefined);
            // a waiting account is let in with the role it is given
            void change(user, user.waiting ? { role, active: true } : { role });
          }}
          onCancel={() => setPendingRole(undefined)}
        >
          {pendingRole.user.waiting
            ? <p>{t.giveRoleBody(pendingRole.user.name, t.roles[pendingRole.role] ?? pendingRole.role)}</p>
            : <p>{t.roleChangeBody(pendingRole.user.name, t.roles[pendingRole.user.role] ?? pendingRole.user.role, t.roles[pendingRole.role] ?? pendingRole.role)}</p>}
          {pendingRole.user.role_source === 'groups' && !pendingRole.user.waiting && <p>{t.roleChangeGroupsNote}</p>}
          {pendingRole.role === 'admin' && <p>{t.roleChangeToAdmin}</p>}
        </ConfirmDialog>
      )}
      {users && (
        <table className="data-table">
          <caption>{t.userCount(users.length)}</caption>
          <thead>
            <tr><th scope="col">{t.name}</th><th scope="col">{t.email}</th><th scope="col">{t.role}</th><th scope="col">{t.active}</th><th scope="col">{pr.column}</th><th scope="col">{m.secondFactor.resetColumn}</th></tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <th scope="row">{u.name}</th>
                <td data-raw-ok="">{u.email}</td>
                <td>
                  <label className="visually-hidden" htmlFor={`role-${u.id}`}>{`${t.role}: ${u.name}`}</label>
                  <select
                    id={`role-${u.id}`} value={u.waiting ? '' : u.role} aria-describedby={roleNote(u) ? `role-note-${u.id}` : undefined}
                    onChange={(e) => e.target.value && e.target.value !== (u.waiting ? '' : u.role) && setPendingRole({ user: u, role: e.target.value })}
                  >
                    {u.waiting && <option value="" disabled>{t.waiting}</option>}
                    {ROLES.map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}
                  </select>
                  {roleNote(u) && <p id={`role-note-${u.id}`} className="muted role-note">{roleNote(u)}</p>}
                </td>
                <td>
                  {u.waiting ? <span className="badge badge-waiting">{t.waiting}</span> : u.active ? t.yes : t.no}{' '}
                  <button type="button" className="button button-quiet" onClick={() => change(u, { active: !u.active })}>
                    {u.active ? t.deactivate : t.activate}<span className="visually-hidden">{`: ${u.name}`}</span>
                  </button>
                </td>
                <td>
                  {u.must_change_password && <><span className="badge">{pr.temporary}</span>{' '}</>}
                  <ResetPassword user={u} onDone={async (message) => { await load(); setStatus(message); }} />
                </td>
                <td><ResetSecondFactor user={u} onDone={(message) => setStatus(message)} /></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form ref={formRef} className="admin-form" onSubmit={create} noValidate>
        <h3>{t.create}</h3>
        <Field id="new-user-email" label={t.email} error={errs.email}>
          <input type="email" required value={form.email} onChange={(e) => setForm({ ...form, email: e.target.value })} autoComplete="off" />
        </Field>
        <Field id="new-user-name" label={t.name} error={errs.name}>
          <input type="text" required value={form.name} onChange={(e) => setForm({ ...form, name: e.target.value })} />
        </Field>
        <Field id="new-user-role" label={t.role} error={errs.role}>
          <select value={form.role} onChange={(e) => setForm({ ...form, role: e.target.value })}>
            {ROLES.map((r) => <option key={r} value={r}>{t.roles[r]}</option>)}
          </select>
        </Field>
        <Field id="new-user-password" label={t.password} error={errs.password}>
          <input type="password" required minLength={8} value={form.password} onChange={(e) => setForm({ ...form, password: e.target.value })} autoComplete="new-password" />
        </Field>
        <button type="submit" className="button">{t.create}</button>
        <div className="admin-form-error">
          <FormError error={createError} labels={{ email: t.email, name: t.name, role: t.role, password: t.password }} />
        </div>
      </form>
    </section>
  );
}

/** Every user's own account: personal API tokens (create, shown once; list; revoke) and the password. */
export function TokensPage() {
  const t = useTexts();
  const [tokens, setTokens] = useState<TokenInfoT[]>();
  const [name, setName] = useState('');
  const [created, setCreated] = useState<TokenCreatedT>();
  const [status, setStatus] = useState('');
  const [error, setError] = useState<unknown>(null);
  const load = useCallback(() => adminApi.tokens().then((r) => setTokens(r.tokens), (e) => setError(e)), []);
  useEffect(() => void load(), [load]);

  const create = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      setCreated(await adminApi.createToken(name));
      setName('');
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const revoke = async (id: number) => {
    try {
      await adminApi.revokeToken(id);
      setStatus(t.revoked);
      setCreated(undefined);
      await load();
    } catch (err) {
      setError(err);
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
      <FormError error={error} />
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
      <OwnPassword />
      <SecondFactor />
      <OwnSessions />
    </section>
  );
}

/** The navigation labels, in the chosen language. */
export function AdminNavLabel({ which }: { which: 'admin' | 'tokens' }) {
  const t = useTexts();
  return <>{which === 'admin' ? t.navAdmin : t.navTokens}</>;
}
