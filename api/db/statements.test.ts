import { describe, expect, it } from 'vitest';
import { placeholders, statement } from './statements.js';

describe('SQL statements bound by name', () => {
  it('refuse a file that does not exist', () => {
    expect(() => statement('no_such_statement', [])).toThrow(/no file sql\/queries\/no_such_statement\.sql/);
  });

  it('refuse a parameter list that does not match the placeholders', () => {
    // principle_insert.sql uses $1…$7.
    const seven = ['unit', 'principle', 'status', 'evidence', 'reviewed', 'who', 'now'] as const;
    expect(() => statement('principle_insert', seven.slice(0, 6))).toThrow(/uses \$1…\$7 but is bound to 6/);
    expect(() => statement('principle_insert', [...seven, 'extra'])).toThrow(/bound to 8/);
    expect(() => statement('principle_insert', ['unit', 'unit', 'status', 'evidence', 'reviewed', 'who', 'now'])).toThrow(/names a parameter twice/);
  });

  it('find placeholders in code only, not in comments or string literals', () => {
    expect([...placeholders("-- $9 in a comment\nSELECT $1, '$7', $2 /* $8 */")].sort()).toEqual([1, 2]);
  });
});
