import { statement } from '../db/statements.js';
import type { CurrentUser } from '../env.js';
import { ApiError, MESSAGES, notFound } from '../errors.js';
import type { SavedSiteAnalysisChangeT, SavedSiteAnalysisCreateT, SavedSiteAnalysisT } from '../schemas/siteAnalyses.js';
import { audit } from './audit.js';
import type { RequestContext } from './context.js';

const savedList = statement('site_saved_list', ['user_id']);
const savedGet = statement('site_saved_get', ['id', 'user_id']);
const savedInsert = statement('site_saved_insert', ['user_id', 'name', 'sites', 'now']);
const savedUpdate = statement('site_saved_update', ['id', 'user_id', 'name', 'sites', 'now']);
const savedDelete = statement('site_saved_delete', ['id', 'user_id']);

interface Row { id: number; name: string; sites: string; created_at: string; updated_at: string }

/** Saved analyses belong to the signed-in caller, whatever the role. */
function ownerOf(ctx: RequestContext): CurrentUser {
  if (!ctx.user) throw new ApiError('unauthorized', MESSAGES.unauthorized);
  return ctx.user;
}

/** The stored form of the sites: only what the user gave, in letter order, `name` null when none. */
const storedSites = (sites: SavedSiteAnalysisCreateT['sites']) =>
  [...sites].sort((a, b) => a.label.localeCompare(b.label)).map((s) => ({ label: s.label, lon: s.lon, lat: s.lat, name: s.name ?? null }));

const fromRow = (r: Row): SavedSiteAnalysisT => ({ id: r.id, name: r.name, sites: JSON.parse(r.sites), created_at: r.created_at, updated_at: r.updated_at });

const what = 'saved site analysis of yours';

/** The caller's saved analyses, the last changed first. Read from the primary, so one just saved is listed. */
export async function listSavedAnalyses(ctx: RequestContext): Promise<SavedSiteAnalysisT[]> {
  return (await savedList.run<Row>(ctx.db, { user_id: ownerOf(ctx).id })).map(fromRow);
}

/** One of the caller's saved analyses; another user's is a 404, as one that does not exist. */
export async function getSavedAnalysis(ctx: RequestContext, id: number): Promise<SavedSiteAnalysisT> {
  const row = await savedGet.one<Row>(ctx.db, { id, user_id: ownerOf(ctx).id });
  if (!row) throw notFound(what, id);
  return fromRow(row);
}

/** Saves a named set of sites for the caller, audited. */
export async function createSavedAnalysis(ctx: RequestContext, input: SavedSiteAnalysisCreateT): Promise<SavedSiteAnalysisT> {
  const user = ownerOf(ctx);
  const sites = storedSites(input.sites);
  return ctx.db.transaction(async (tx) => {
    const row = await savedInsert.one<Row>(tx, { user_id: user.id, name: input.name, sites: JSON.stringify(sites), now: ctx.now.toISOString() });
    await audit(tx, { at: ctx.now, user, action: 'create', entity: 'site_analysis', entityId: row!.id, after: { name: input.name, sites } });
    return fromRow(row!);
  });
}

/** Renames one of the caller's saved analyses and/or replaces its sites, audited with before and after. */
export async function updateSavedAnalysis(ctx: RequestContext, id: number, change: SavedSiteAnalysisChangeT): Promise<SavedSiteAnalysisT> {
  const user = ownerOf(ctx);
  const sites = change.sites ? storedSites(change.sites) : undefined;
  return ctx.db.transaction(async (tx) => {
    const before = await savedGet.one<Row>(tx, { id, user_id: user.id });
    if (!before) throw notFound(what, id);
    const row = await savedUpdate.one<Row>(tx, {
      id, user_id: user.id, name: change.name ?? null, sites: sites ? JSON.stringify(sites) : null, now: ctx.now.toISOString(),
    });
    const b = fromRow(before);
    const a = fromRow(row!);
    await audit(tx, {
      at: ctx.now, user, action: 'update', entity: 'site_analysis', entityId: id,
      before: { name: b.name, ...(sites ? { sites: b.sites } : {}) }, after: { name: a.name, ...(sites ? { sites: a.sites } : {}) },
    });
    return a;
  });
}

/** Deletes one of the caller's saved analyses; another user's is a 404. */
export async function deleteSavedAnalysis(ctx: RequestContext, id: number): Promise<void> {
  const user = ownerOf(ctx);
  await ctx.db.transaction(async (tx) => {
    const gone = await savedDelete.one<{ id: number; name: string }>(tx, { id, user_id: user.id });
    if (!gone) throw notFound(what, id);
    await audit(tx, { at: ctx.now, user, action: 'delete', entity: 'site_analysis', entityId: id, before: { name: gone.name } });
  });
}
