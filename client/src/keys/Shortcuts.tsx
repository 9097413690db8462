import { Fragment, useEffect, useRef, useState } from 'react';
import { ModalDialog } from '../forms/ModalDialog.js';
import { useRouter } from '../hooks/useRoute.js';
import { useI18n } from '../i18n/index.js';
import { routeHref } from '../lib/route.js';
import { requestIntent } from './intents.js';
import { isTypingTarget, LOCAL_KEYS, setShortcutsOff, SHORTCUTS, shortcutFor, shortcutsOff, type LocalKeyId, type ShortcutId } from './shortcuts.js';
import './keys.css';

/**
 * Binds the shortcuts of `SHORTCUTS` on the whole page, and Escape for the layer panel.
 * Nothing fires while a field takes typed text, while a dialog is open, or when a
 * component has handled the key already (the unit list's type-ahead).
 */
export function useShortcuts(openHelp: () => void): void {
  const { route, navigate } = useRouter();
  const latest = useRef({ route, navigate, openHelp });
  latest.current = { route, navigate, openHelp };

  useEffect(() => {
    const run: Record<ShortcutId, () => void> = {
      help: () => latest.current.openHelp(),
      search: () => {
        const field = document.getElementById('global-search') as HTMLInputElement | null;
        field?.focus();
        field?.select();
      },
      units: () => {
        if (latest.current.route.name !== 'overview') latest.current.navigate('/');
        requestIntent('units');
      },
      mark: () => focusMarkAction(),
      newActivity: () => {
        const { route: r } = latest.current;
        if (r.name !== 'unit') return;
        if (r.tab !== 'activities') latest.current.navigate(routeHref({ name: 'unit', id: r.id, tab: 'activities' }), { replace: true });
        requestIntent('newActivity');
      },
      sheet: () => {
        const { route: r } = latest.current;
        if (r.name !== 'unit') return;
        latest.current.navigate(routeHref({ name: 'sheet', id: r.id }));
        focusWhenReady('.sheet-toolbar button.button-primary');
      },
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || document.querySelector('dialog[open]')) return;
      if (e.key === 'Escape') {
        closeOpenPanel();
        return;
      }
      if (shortcutsOff() || isTypingTarget(document.activeElement)) return;
      const shortcut = shortcutFor(e, latest.current.route.name);
      if (!shortcut) return;
      e.preventDefault();
      run[shortcut.id]();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);
}

/** The mark button when places are selected, else the date beside it: the first of them in the view. */
function focusMarkAction(): void {
  const button = document.querySelector<HTMLButtonElement>('main [data-mark-action]');
  if (button && !button.disabled) {
    button.focus();
    return;
  }
  document.querySelector<HTMLInputElement>('main [data-mark-date]')?.focus();
}

/** How long a shortcut that opens a page waits for the control it puts the focus on. */
const READY_WAIT_MS = 15_000;

/** Focuses the first enabled match of `selector` once it is there (the print button once the sheet has loaded). */
function focusWhenReady(selector: string): void {
  const until = Date.now() + READY_WAIT_MS;
  const look = () => {
    const el = document.querySelector<HTMLButtonElement>(selector);
    if (el && !el.disabled) el.focus();
    else if (Date.now() < until) setTimeout(look, 100);
  };
  setTimeout(look, 0);
}

/** Escape inside the open layer panel closes it and leaves the focus on its summary. */
function closeOpenPanel(): void {
  const panel = document.activeElement?.closest<HTMLDetailsElement>('details.layer-panel[open]');
  if (!panel) return;
  panel.open = false;
  panel.querySelector<HTMLElement>('summary')?.focus();
}

/** The header's button that opens the overview, and the overview itself (also opened by "?"). */
export function ShortcutsHelp() {
  const { m } = useI18n();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  useShortcuts(() => setOpen(true));
  // Opened by "?" with the focus nowhere: on closing it comes back to this button, not to the page's start.
  const close = () => {
    setOpen(false);
    // After the dialog's own return of the focus to where it was (a timeout of its own).
    setTimeout(() => setTimeout(() => {
      if (document.activeElement === document.body) button.current?.focus();
    }, 0), 0);
  };
  return (
    <>
      <button ref={button} type="button" className="button button-quiet keys-help-button" aria-haspopup="dialog" aria-label={m.keys.helpButton} title={m.keys.helpButton} onClick={() => setOpen(true)}>
        <span aria-hidden="true" className="keys-help-mark">?</span>
      </button>
      {open ? <ShortcutsDialog onClose={close} /> : null}
    </>
  );
}

function ShortcutsDialog({ onClose }: { onClose: () => void }) {
  const { m } = useI18n();
  const k = m.keys;
  const [off, setOff] = useState(shortcutsOff);
  const close = useRef<HTMLButtonElement>(null);
  // Without scrolling: the dialog opens at its title, the focus on its one way out.
  useEffect(() => {
    close.current?.focus({ preventScroll: true });
    close.current?.closest('dialog')?.scrollTo(0, 0);
  }, []);
  const keyNames = (keys: readonly string[]) =>
    keys.map((key, i) => (
      <Fragment key={key}>
        {i > 0 ? ', ' : null}
        <kbd>{k.keyNames[key] ?? key}</kbd>
      </Fragment>
    ));
  return (
    <ModalDialog className="keys-dialog" title={k.title} intro={<p>{k.intro}</p>} onEscape={onClose} returnFocus>
      <dl className="keys-list" data-testid="shortcut-list">
        {SHORTCUTS.map((s) => (
          <div key={s.id} data-shortcut={s.id} className={off ? 'keys-off' : undefined}>
            <dt>{keyNames([s.key])}</dt>
            <dd>
              {k.shortcut[s.id]}
              <span className="keys-where">{s.views ? s.views.map((v) => k.views[v] ?? v).join(', ') : k.everywhere}</span>
            </dd>
          </div>
        ))}
      </dl>
      <h3 className="small-heading">{k.localHeading}</h3>
      <dl className="keys-list" data-testid="local-key-list">
        {(Object.keys(LOCAL_KEYS) as LocalKeyId[]).map((id) => (
          <div key={id} data-local-key={id}>
            <dt>{keyNames(LOCAL_KEYS[id])}</dt>
            <dd>
              {k.local[id]}
              <span className="keys-where">{k.localWhere[id]}</span>
            </dd>
          </div>
        ))}
      </dl>
      <div className="field keys-off-field">
        <label className="check">
          <input
            type="checkbox"
            checked={off}
            aria-describedby="keys-off-hint"
            onChange={(e) => {
              setShortcutsOff(e.target.checked);
              setOff(e.target.checked);
            }}
          />
          {k.turnOff}
        </label>
        <p id="keys-off-hint" className="muted small">{k.turnOffHint}</p>
      </div>
      <div className="form-actions">
        <button ref={close} type="button" className="button button-primary" onClick={onClose}>
          {k.close}
        </button>
      </div>
    </ModalDialog>
  );
}
