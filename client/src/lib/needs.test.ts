import { describe, expect, it } from 'vitest';
import { countByStatus, needSortParam, parseNeedSort, parseStatuses, selectAllState, toggledSort } from './needs.js';

describe('need orders', () => {
  it('writes and reads the order of an address, leaving the default out', () => {
    expect(needSortParam({ key: 'distance', dir: 'desc' })).toBe('-distance');
    expect(needSortParam({ key: 'name', dir: 'asc' })).toBe('name');
    expect(needSortParam({ key: 'status', dir: 'asc' })).toBeUndefined();
    expect(needSortParam({ key: 'status', dir: 'desc' })).toBe('-status');
    expect(parseNeedSort('-distance')).toEqual({ key: 'distance', dir: 'desc' });
    expect(parseNeedSort('due')).toEqual({ key: 'due', dir: 'asc' });
    for (const bad of ['', null, 'status', 'closest', '--name', 'urgency']) expect(parseNeedSort(bad)).toBeUndefined();
  });
  it('reverses a column pressed twice and starts another ascending', () => {
    expect(toggledSort({ key: 'status', dir: 'asc' }, 'status')).toEqual({ key: 'status', dir: 'desc' });
    expect(toggledSort({ key: 'status', dir: 'desc' }, 'distance')).toEqual({ key: 'distance', dir: 'asc' });
  });
});

describe('parseStatuses', () => {
  it('keeps valid statuses once each, most urgent first', () => {
    expect(parseStatuses('not_informed,overdue,nope,overdue')).toEqual(['overdue', 'not_informed']);
    expect(parseStatuses('')).toEqual([]);
    expect(parseStatuses(null)).toEqual([]);
  });
});

describe('countByStatus', () => {
  it('orders the counts by urgency and leaves out zeros', () => {
    expect(countByStatus({ informed: 1, not_informed: 1, due_soon: 1, overdue: 2 })).toEqual([
      ['overdue', 2],
      ['not_informed', 1],
      ['due_soon', 1],
      ['informed', 1],
    ]);
    expect(countByStatus({ informed: 3, not_informed: 0, due_soon: 0, overdue: 0 })).toEqual([['informed', 3]]);
    expect(countByStatus({})).toEqual([]);
  });
  it('counts only the chosen statuses when given', () => {
    expect(countByStatus({ informed: 1, not_informed: 4, due_soon: 1, overdue: 2 }, ['not_informed', 'overdue'])).toEqual([
      ['overdue', 2],
      ['not_informed', 4],
    ]);
  });
});

describe('selectAllState', () => {
  it('is none, some (mixed) or all', () => {
    expect(selectAllState(0, 0)).toBe('none');
    expect(selectAllState(5, 0)).toBe('none');
    expect(selectAllState(5, 2)).toBe('some');
    expect(selectAllState(5, 5)).toBe('all');
  });
});
