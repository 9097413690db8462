/**
 * Protected housing (skyddat boende) is never entered: its addresses are secret by law.
 * This module is the rule's one home in TypeScript; every path that writes units (the
 * API's write schemas, the importer, restore) asks it. The database holds the same rule
 * as the CHECK constraint `units_no_protected_housing` (migration 0013, function
 * `ps_mentions_protected_housing`), so that no path, not even a direct SQL insert,
 * can store such a unit; a test holds the two patterns to the same answers.
 */

/** The machine code of the refusal, in API errors and import reports; clients show their own text for it. */
export const PROTECTED_HOUSING_CODE = 'protected_housing';

/** The database constraint that enforces the rule on the units table. */
export const PROTECTED_HOUSING_CONSTRAINT = 'units_no_protected_housing';

/** The unit fields the rule reads. */
export const PROTECTED_HOUSING_FIELDS = ['name', 'description'] as const;

/**
 * What JavaScript's `\s` matches, written out, because PostgreSQL's `\s` does not match
 * the no-break and other Unicode spaces: the SQL function uses this same class.
 */
const SPACE = '[\\t\\n\\v\\f\\r \\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000\\ufeff]';

/** "skyddat boende", "skyddade boenden", "protected housing", in any letter case and spacing. */
export const PROTECTED_HOUSING_PATTERN = `skydd(at|ade)${SPACE}+boende|protected${SPACE}+housing`;
const PROTECTED_HOUSING = new RegExp(PROTECTED_HOUSING_PATTERN, 'i');

/** Whether a text names protected housing. */
export function mentionsProtectedHousing(text: string | null | undefined): boolean {
  return typeof text === 'string' && PROTECTED_HOUSING.test(text);
}

/** The refusal in English (API messages, the command line); the client shows Swedish or English by the code. */
export const protectedHousingMessage = (field: string) =>
  `${field} mentions protected housing (skyddat boende), whose addresses are secret by law and must never be entered`;

/** The first unit field that names protected housing, with the refusal; undefined when the unit may be stored. */
export function protectedHousingProblem(values: Partial<Record<(typeof PROTECTED_HOUSING_FIELDS)[number], unknown>>): { field: string; message: string } | undefined {
  for (const field of PROTECTED_HOUSING_FIELDS) {
    const v = values[field];
    if (typeof v === 'string' && mentionsProtectedHousing(v)) return { field, message: protectedHousingMessage(field) };
  }
  return undefined;
}

/** Whether a database error is the refusal of the units_no_protected_housing constraint (either adapter). */
export function isProtectedHousingViolation(err: unknown): boolean {
  const e = err as { code?: unknown; constraint?: unknown; constraint_name?: unknown; message?: unknown } | null;
  if (!e || e.code !== '23514') return false;
  return e.constraint === PROTECTED_HOUSING_CONSTRAINT || e.constraint_name === PROTECTED_HOUSING_CONSTRAINT
    || (typeof e.message === 'string' && e.message.includes(`"${PROTECTED_HOUSING_CONSTRAINT}"`));
}
