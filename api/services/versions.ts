import { ruleError } from '../errors.js';

/** The answer to a write whose `WHERE version = $n` matched nothing although the record exists. */
export const staleVersion = (what: string, id: number) =>
  ruleError('precondition_failed', 'stale_version', `The ${what} ${id} was changed by someone else since you read it; read it again and reapply your change.`, { what, id });
