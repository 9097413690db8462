import { hashToken, newToken } from '../auth/tokens.js';
import { statement } from '../db/statements.js';
import type { CurrentUser } from '../env.js';
import { ApiError, MESSAGES, notFound } from '../errors.js';
import { audit } from './audit.js';
import type { RequestContext } from './context.js';

const tokensCreate = statement('token_create', ['user_id', 'name', 'token_hash', 'now']);
const tokensList = statement('token_list', ['user_id']);
const tokensRevoke = statement('token_revoke', ['id', 'user_id', 'now']);

/** A personal API token as its owner sees it: never the secret or its hash. */
export interface TokenInfo { id: number; name: string; created_at: string; last_used_at: string | null }

/** Tokens belong to the signed-in caller, whatever the role: an anonymous call is a 401, not a wiring mistake. */
function ownerOf(ctx: RequestContext): CurrentUser {
  if (!ctx.user) throw new ApiError('unauthorized', MESSAGES.unauthorized);
  return ctx.user;
}

/** Creates a token for the caller; the secret is returned here once and only its SHA-256 is stored. */
export async function createToken(ctx: RequestContext, name: string): Promise<{ id: number; name: string; token: string; created_at: string }> {
  const user = ownerOf(ctx);
  const token = newToken();
  const row = await ctx.db.transaction(async (tx) => {
    const created = await tokensCreate.one<{ id: number; name: string; created_at: string }>(tx, {
      user_id: user.id, name, token_hash: hashToken(token), now: ctx.now.toISOString(),
    });
    await audit(tx, { at: ctx.now, user, action: 'create', entity: 'api_token', entityId: created!.id, after: { name } });
    return created!;
  });
  return { id: row.id, name: row.name, token, created_at: row.created_at };
}

/** The caller's unrevoked tokens, oldest first. Read from the primary, so a token just made is listed. */
export async function listTokens(ctx: RequestContext): Promise<TokenInfo[]> {
  return tokensList.run<TokenInfo>(ctx.db, { user_id: ownerOf(ctx).id });
}

/** Revokes one of the caller's own tokens; another user's token, or one already revoked, is a 404. */
export async function revokeToken(ctx: RequestContext, id: number): Promise<void> {
  const user = ownerOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const revoked = await tokensRevoke.one<{ id: number; name: string }>(tx, { id, user_id: user.id, now: ctx.now.toISOString() });
    if (!revoked) throw notFound('API token of yours', id);
    await audit(tx, { at: ctx.now, user, action: 'delete', entity: 'api_token', entityId: id, before: { name: revoked.name } });
  });
}
