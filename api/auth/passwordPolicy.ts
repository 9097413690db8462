import fs from 'node:fs';
import { ApiError } from '../errors.js';

/** Shortest password accepted anywhere (SECURITY.md: 8 characters, no composition rules). */
export const MIN_PASSWORD_LENGTH = 8;

/** Longest password accepted (argon2 takes any length; this bounds the hashing cost). */
export const MAX_PASSWORD_LENGTH = 256;

/** The list of common and breached passwords, shipped in the repository: checked offline, at the server. */
const LIST_FILE = new URL('./common-passwords.txt', import.meta.url);

let common: Set<string> | undefined;

/** The common passwords, read once (about 18,000 lines, lower case). */
function commonPasswords(): Set<string> {
  common ??= new Set(
    fs.readFileSync(LIST_FILE, 'utf8').split('\n').map((l) => l.trimEnd()).filter((l) => l && !l.startsWith('#')),
  );
  return common;
}

/**
 * Why a password is refused, or undefined when it is acceptable: shorter than 8 or
 * longer than 256 characters, one of the common or breached passwords (compared in
 * lower case, so "Password1" is refused as "password1" is), or the account's own
 * e-mail address or the part before its @. No composition rules (SECURITY.md, ASVS).
 */
export function passwordProblem(password: string, email: string): string | undefined {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.normalize('NFC').toLowerCase();
  if (commonPasswords().has(lower)) return 'is one of the most common or breached passwords; choose a longer or less predictable one (a few unrelated words work well)';
  const address = email.trim().toLowerCase();
  const local = address.split('@')[0] ?? '';
  if (lower === address || (local.length > 0 && lower === local)) return 'must not be the e-mail address or its name part';
  return undefined;
}

/** Refuses a password with 400 `weak_password`, naming the field it came in. */
export function assertPasswordAcceptable(password: string, email: string, field = 'password'): void {
  const problem = passwordProblem(password, email);
  if (problem) {
    const path = [field];
    throw new ApiError('weak_password', `${field}: ${problem}.`, { field, rule: 'weak_password', params: {}, path, issues: [{ path, code: 'weak_password', params: {}, message: problem }] });
  }
}
