import type { Route } from '../lib/route.js';

/** The product's keyboard shortcuts, by id; `useShortcuts` binds each one and the overview lists each one. */
export type ShortcutId = 'help' | 'search' | 'units' | 'mark' | 'newActivity' | 'sheet';

export interface Shortcut {
  id: ShortcutId;
  /** `KeyboardEvent.key`: the character typed, whatever the keyboard layout (Shift gives "?"). */
  key: string;
  /** The views where it works; none means every signed-in view. */
  views?: readonly Route['name'][];
}

/**
 * One-character shortcuts (WCAG 2.1.4: they can be turned off in the overview, and they
 * never fire while typing in a field). The single source of both the bindings and the
 * overview, so the two cannot drift apart.
 */
export const SHORTCUTS: readonly Shortcut[] = [
  { id: 'help', key: '?' },
  { id: 'search', key: '/' },
  { id: 'units', key: 'e' },
  { id: 'mark', key: 'm', views: ['needs', 'unit'] },
  { id: 'newActivity', key: 'n', views: ['unit'] },
  { id: 'sheet', key: 'p', views: ['unit'] },
];

/** Keys bound inside one kind of component, listed in the overview too; the components take their keys from here. */
export type LocalKeyId = 'escape' | 'listMove' | 'typeAhead' | 'submitForm' | 'dateStep';

export const LOCAL_KEYS: Record<LocalKeyId, readonly string[]> = {
  escape: ['Escape'],
  listMove: ['ArrowDown', 'ArrowUp', 'Home', 'End'],
  typeAhead: ['A–Ö'],
  submitForm: ['Control+Enter'],
  dateStep: ['ArrowUp', 'ArrowDown'],
};

/** True for a Ctrl+Enter (or ⌘+Enter) that sends a form. */
export const isSubmitKey = (e: { key: string; ctrlKey: boolean; metaKey: boolean }): boolean => e.key === 'Enter' && (e.ctrlKey || e.metaKey);

/**
 * The element takes typed text, or sits in a form being filled in (where a letter that
 * left the page would lose the entries): no shortcut may fire while it has the focus.
 */
export function isTypingTarget(el: Element | null): boolean {
  if (!el || !(el instanceof HTMLElement)) return false;
  if (el.isContentEditable || el.closest('form')) return true;
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLSelectElement) return true;
  if (el instanceof HTMLInputElement) return !['checkbox', 'radio', 'button', 'submit', 'reset', 'range', 'color', 'file', 'image'].includes(el.type);
  return false;
}

/** The shortcut an unmodified key press means in `view`, if any. Ctrl, Alt and ⌘ combinations belong to the browser. */
export function shortcutFor(e: { key: string; ctrlKey: boolean; altKey: boolean; metaKey: boolean }, view: Route['name']): Shortcut | undefined {
  if (e.ctrlKey || e.altKey || e.metaKey) return undefined;
  return SHORTCUTS.find((s) => s.key === e.key && (!s.views || s.views.includes(view)));
}

/** Local storage key of the choice to turn the one-character shortcuts off. */
export const SHORTCUTS_OFF_KEY = 'ps.shortcuts.off';

let offInMemory = false;

export function shortcutsOff(): boolean {
  try {
    return localStorage.getItem(SHORTCUTS_OFF_KEY) === '1';
  } catch {
    return offInMemory;
  }
}

export function setShortcutsOff(off: boolean): void {
  offInMemory = off;
  try {
    if (off) localStorage.setItem(SHORTCUTS_OFF_KEY, '1');
    else localStorage.removeItem(SHORTCUTS_OFF_KEY);
  } catch {
    /* storage refused (private mode): the choice lasts for this page only */
  }
}
