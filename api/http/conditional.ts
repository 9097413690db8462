import type { Context } from 'hono';
import { ApiError } from '../errors.js';

/** The ETag of a record version. Reads send it; writes must echo it in If-Match. */
export const etagOf = (version: number): string => `"${version}"`;

/**
 * The version a client claims in `If-Match`: 428 when missing (no blind writes, no
 * lost updates), 412 when it cannot be a version of ours.
 */
export function requireIfMatch(c: Context): number {
  const header = c.req.header('if-match');
  if (!header) throw new ApiError('precondition_required', 'If-Match is required: send the ETag from your last read of this record.');
  const m = /^\s*(?:W\/)?"(\d{1,9})"\s*$/.exec(header);
  if (!m) throw new ApiError('precondition_failed', `If-Match "${header.slice(0, 40)}" is not a version of this record; read it again and use its ETag.`);
  return Number(m[1]);
}

export { staleVersion } from '../services/versions.js';
