import { describe, expect, it } from 'vitest';
import { keysEn, keysSv } from './messages.js';
import { isIsoDate, stepIsoDate } from './dates.js';
import { LOCAL_KEYS, SHORTCUTS, shortcutFor } from './shortcuts.js';

describe('the date field of "mark as informed"', () => {
  it('takes real dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2025-13-01')).toBe(false);
    expect(isIsoDate('14/3/2025')).toBe(false);
    expect(isIsoDate('')).toBe(false);
  });
  it('steps over month and year ends', () => {
    expect(stepIsoDate('2024-12-31', 1)).toBe('2025-01-01');
    expect(stepIsoDate('2024-03-01', -1)).toBe('2024-02-29');
    expect(stepIsoDate('nonsense', 1)).toBeNull();
  });
});

describe('the shortcuts', () => {
  it('each key means one thing in each view', () => {
    for (const view of ['overview', 'unit', 'needs', 'search'] as const) {
      const keys = SHORTCUTS.filter((s) => !s.views || s.views.includes(view)).map((s) => s.key);
      expect(new Set(keys).size, view).toBe(keys.length);
    }
  });
  it('fire only without Ctrl, Alt or ⌘, and only in their views', () => {
    const press = (key: string, mods: Partial<Record<'ctrlKey' | 'altKey' | 'metaKey', boolean>> = {}) => ({ key, ctrlKey: false, altKey: false, metaKey: false, ...mods });
    expect(shortcutFor(press('?'), 'overview')?.id).toBe('help');
    expect(shortcutFor(press('/', { ctrlKey: true }), 'overview')).toBeUndefined();
    expect(shortcutFor(press('n'), 'needs')).toBeUndefined();
    expect(shortcutFor(press('n'), 'unit')?.id).toBe('newActivity');
    expect(shortcutFor(press('m'), 'needs')?.id).toBe('mark');
  });
  it('are described in both languages', () => {
    for (const s of SHORTCUTS) {
      expect(keysSv.shortcut[s.id]).toBeTruthy();
      expect(keysEn.shortcut[s.id]).toBeTruthy();
      for (const v of s.views ?? []) expect([keysSv.views[v], keysEn.views[v]]).not.toContain(undefined);
    }
    for (const id of Object.keys(LOCAL_KEYS) as (keyof typeof LOCAL_KEYS)[]) {
      expect(keysSv.local[id]).toBeTruthy();
      expect(keysEn.local[id]).toBeTruthy();
    }
  });
});
