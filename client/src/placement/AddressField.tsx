import { useEffect, useId, useState } from 'react';
import { useI18n } from '../i18n/index.js';
import { baseDataApi, type Address, type AddressCollection } from '../views/search/baseDataApi.js';
import './address.css';

/** How long typing pauses before the addresses are asked for. */
const DEBOUNCE_MS = 250;
const LIMIT = 8;

/**
 * An address search box (an ARIA combobox): typing lists the imported addresses that
 * match, best first; the arrow keys move through them, Enter or a click chooses one,
 * Escape closes the list. Enter never submits the surrounding form.
 */
export function AddressField({ onChoose, label }: { onChoose: (a: Address) => void; label?: string }) {
  const { m } = useI18n();
  const t = m.baseData;
  const uid = useId().replace(/[^a-zA-Z0-9]/g, '');
  const ids = { input: `${uid}-addr`, list: `${uid}-addr-list`, hint: `${uid}-addr-hint`, status: `${uid}-addr-status` };
  const [text, setText] = useState('');
  const [result, setResult] = useState<AddressCollection | null>(null);
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2) {
      setResult(null);
      setState('idle');
      return;
    }
    const controller = new AbortController();
    const timer = setTimeout(() => {
      setState('loading');
      baseDataApi.addresses(q, { limit: LIMIT, signal: controller.signal }).then(
        (r) => {
          setResult(r);
          setState('idle');
          setActive(-1);
          setOpen(true);
        },
        (err: unknown) => {
          if ((err as Error).name !== 'AbortError') setState('error');
        },
      );
    }, DEBOUNCE_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [text]);

  const options = result?.features ?? [];
  const choose = (a: Address) => {
    setText(a.properties.label);
    setOpen(false);
    setActive(-1);
    onChoose(a);
  };
  const statusText =
    state === 'loading' ? t.addressSearching
      : state === 'error' ? t.addressFailed
        : result && !result.addresses_imported ? t.noAddressesImported
          : result ? (options.length ? t.addressCount(options.length) : t.addressNone) : '';

  return (
    <div className="field address-field">
      <label htmlFor={ids.input}>{label ?? t.addressField}</label>
      <input
        id={ids.input}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        aria-autocomplete="list"
        aria-expanded={open && options.length > 0}
        aria-controls={ids.list}
        aria-activedescendant={open && active >= 0 ? `${ids.list}-${active}` : undefined}
        aria-describedby={`${ids.hint} ${ids.status}`}
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown' && options.length) {
            e.preventDefault();
            setOpen(true);
            setActive((i) => (i + 1) % options.length);
          } else if (e.key === 'ArrowUp' && options.length) {
            e.preventDefault();
            setOpen(true);
            setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
          } else if (e.key === 'Enter') {
            e.preventDefault();
            const a = options[active >= 0 ? active : 0];
            if (open && a) choose(a);
          } else if (e.key === 'Escape' && open) {
            e.preventDefault();
            setOpen(false);
          }
        }}
      />
      <span id={ids.hint} className="muted small">{t.addressFieldHint}</span>
      <span id={ids.status} className="muted small" aria-live="polite">{statusText}</span>
      <ul id={ids.list} role="listbox" className="address-options" aria-label={t.addresses} hidden={!open || options.length === 0}>
        {options.map((a, i) => (
          <li
            key={a.id}
            id={`${ids.list}-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'address-option active' : 'address-option'}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => choose(a)}
          >
            {a.properties.label}
          </li>
        ))}
      </ul>
    </div>
  );
}
