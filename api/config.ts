/**
 * Every setting of the product, read once from the environment. Each default is
 * stated here and only here (README lists them); unknown `PLATS_*`-style keys are
 * not used, but misspellings of the known ones are warned about at start.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** Default values, stated once. */
export const DEFAULTS = {
  port: 3000,
  dataDir: './.data',
  /**
   * Scheduled backups of the embedded database (docs/OPERATIONS.md): by default into a
   * folder beside DATA_DIR named after it with this suffix (`./.data-backups`), so that
   * a damaged data folder never takes its backups with it; the newest BACKUP_KEEP are
   * kept, one taken every BACKUP_INTERVAL_HOURS.
   */
  backupDirSuffix: '-backups',
  backupKeep: 14,
  backupIntervalHours: 24,
  /**
   * The product's own basemap style (api/routes/basemap.ts), drawn from imported OpenStreetMap
   * base data or BASEMAP_PMTILES on this origin: no map view leaves it unless BASEMAP_STYLE_URL
   * names a third-party style.
   */
  basemapStyleUrl: '/api/basemap/style.json',
  /** Page size of list endpoints when `limit` is not given, and the largest allowed. */
  listLimit: 1000,
  listLimitMax: 10000,
  /**
   * The map client fetches at most this many actors or child places of a view as
   * GeoJSON; when more match, it draws that layer from vector tiles (TILE_THRESHOLD).
   */
  tileThreshold: 2000,
  /** Idle and absolute session lifetimes (SECURITY.md: 30 min idle, 12 h absolute). */
  sessionIdleMinutes: 30,
  sessionAbsoluteHours: 12,
  /** A session's last_seen_at and a token's last_used_at are written at most this often, so reads stay reads. */
  touchIntervalSeconds: 60,
  /** Largest JSON body accepted by entity routes. */
  entityBodyLimitBytes: 100 * 1024,
  /** Largest body accepted by the importers. */
  importBodyLimitBytes: 50 * 1024 * 1024,
  /**
   * Most bytes the files of one zipped import (Shapefile, KMZ, xlsx) may unpack to, as the
   * archive declares them: a zip bomb is refused before anything is inflated. Ten times the
   * body limit leaves room for well-compressed text.
   */
  importZipUnpackedLimitBytes: 500 * 1024 * 1024,
  /** Most rows (features, CSV lines, OSM elements) one import takes. */
  importFeatureLimit: 50_000,
  /**
   * Largest OpenStreetMap file the base-data import takes over HTTP (POST /api/base-data/import,
   * the only route with this limit): a city or county clip, not a whole country; the command
   * line (npm run import-osm) has no limit but the machine's memory.
   */
  osmImportBodyLimitBytes: 256 * 1024 * 1024,
  /** How long an idle HTTP connection is kept open: longer than clients and proxies keep theirs (Node's default of 5 s is shorter than most). */
  keepAliveTimeoutMs: 65_000,
  /**
   * Sign-in limits (SECURITY.md: ≤ 100 failures per account per hour), counted over a sliding
   * window: per account and address pair, the first failures are free and each further one
   * doubles the wait before the next attempt (up to the longest delay); per account a cap that
   * one address cannot reach (it stops at its own, lower cap) and that does not apply at an
   * address the account signed in from lately, so an attacker cannot lock the owner out.
   */
  loginWindowMinutes: 60,
  loginMaxFailuresPerAccount: 100,
  loginMaxFailuresPerAddress: 50,
  loginFreeFailuresPerPair: 5,
  loginDelayFirstSeconds: 1,
  loginDelayMaxSeconds: 900,
  loginKnownAddressDays: 30,
  /**
   * Second factor (issue 18): a password accepted for an account with a factor waits this
   * long for the code or passkey, and this many wrong codes end the wait (each also counts
   * as a failed sign-in). A TOTP code is accepted this many seconds either side of now (one
   * 30-second step: clocks drift), never twice. Recovery codes come this many at a time;
   * a WebAuthn challenge lives as long as the wait.
   */
  secondFactorPendingMinutes: 5,
  secondFactorMaxAttempts: 5,
  totpToleranceSeconds: 30,
  recoveryCodeCount: 10,
  /** argon2 hashes running at once (one verify takes about 40 ms and 19 MiB), and how many may wait; past that, 503. */
  hashConcurrency: 2,
  hashQueueMax: 64,
  /** Days an inactivated contact person is kept before `POST /api/contact-persons/purge` deletes it (setting `contact_person_retention_days`). */
  contactPersonRetentionDays: 90,
  /** OpenID Connect (OIDC_*): the scopes asked for and the claim whose values map to roles (setting `oidc_role_mappings`). */
  oidcScopes: 'openid email profile',
  oidcRoleClaim: 'groups',
  /** Minutes a sign-in at the provider may take: its state, nonce and PKCE verifier are refused after that. */
  oidcLoginMinutes: 10,
  /**
   * Where the key that encrypts second-factor secrets at rest is kept when FACTOR_ENCRYPTION_KEY
   * is unset: a file of this name in DATA_DIR, generated on first start (mode 0600).
   */
  factorKeyFile: 'factor-encryption-key',
  /**
   * Sign-ins under way (GET /api/auth/oidc/start, not yet back at the callback) one client
   * address may have within oidcLoginMinutes; past that, 429 with Retry-After. Each holds a
   * row of `oidc_logins` until its callback or its expiry, so this bounds the table.
   */
  oidcStartsPerAddress: 30,
} as const;

export interface Config {
  port: number;
  databaseUrl: string | undefined;
  databaseReadUrl: string | undefined;
  dataDir: string;
  /** BACKUP_DIR: where scheduled backups go; undefined (PostgreSQL without BACKUP_DIR, or BACKUP_DIR=off): none. */
  backupDir: string | undefined;
  /** BACKUP_KEEP: how many scheduled backups to keep. */
  backupKeep: number;
  /** BACKUP_INTERVAL_HOURS: hours between scheduled backups; 0 turns them off (the folder still names the latest backup). */
  backupIntervalHours: number;
  adminEmail: string | undefined;
  adminPassword: string | undefined;
  basemapStyleUrl: string;
  /** BASEMAP_PMTILES: a PMTiles archive (Protomaps basemap schema) the own basemap's tiles come from instead of the base data. */
  basemapPmtiles: string | undefined;
  /** Set to "false" to skip loading the demo data into an empty database. */
  seedDemo: boolean;
  /** Most features of a layer the map loads as GeoJSON before it switches to vector tiles (TILE_THRESHOLD). */
  tileThreshold: number;
  /**
   * TRUST_PROXY=true: the client address for sign-in limits is the last X-Forwarded-For entry, and
   * without PUBLIC_URL the origin comes from X-Forwarded-Proto and -Host (set it only behind a proxy you run).
   */
  trustProxy: boolean;
  /**
   * PUBLIC_URL: the origin users reach (`https://platssamverkan.example.se`), without a trailing
   * slash. It decides the origin a write must come from, absolute links and the cookie's flags;
   * unset, they follow the request (and forwarded headers only with TRUST_PROXY).
   */
  publicUrl: string | undefined;
  /** OpenID Connect sign-in (OIDC_ISSUER and the rest); undefined when OIDC_ISSUER is unset. */
  oidc: OidcConfig | undefined;
  /** LOCAL_PASSWORDS=off: sign-in with an e-mail and password is refused (403 `local_passwords_off`); only with OIDC on. */
  localPasswords: boolean;
  /**
   * FACTOR_ENCRYPTION_KEY, decoded: the AES-256 key of TOTP secrets at rest (api/auth/secretBox.ts).
   * Unset, the key is the file DEFAULTS.factorKeyFile in DATA_DIR, read or created at start
   * (`withFactorKey`), so the app always runs with one.
   */
  factorEncryptionKey: Buffer | undefined;
}

/** The OpenID provider this product signs people in with (authorization code flow with PKCE). */
export interface OidcConfig {
  /** OIDC_ISSUER: the provider's issuer URL, its discovery document at `/.well-known/openid-configuration`. */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** OIDC_REDIRECT_URL: where the provider sends the browser back; unset, PUBLIC_URL (or the request's origin) + `/api/auth/oidc/callback`. */
  redirectUrl: string | undefined;
  scopes: string;
  /** OIDC_ROLE_CLAIM: the ID token or userinfo claim (a string or a list of strings, such as `groups` or `roles`) mapped to a role. */
  roleClaim: string;
}

const KNOWN_KEYS = [
  'PORT', 'DATABASE_URL', 'DATABASE_READ_URL', 'DATA_DIR', 'ADMIN_EMAIL', 'ADMIN_PASSWORD',
  'BACKUP_DIR', 'BACKUP_KEEP', 'BACKUP_INTERVAL_HOURS',
  'BASEMAP_STYLE_URL', 'BASEMAP_PMTILES', 'SEED_DEMO', 'TRUST_PROXY', 'TILE_THRESHOLD', 'PUBLIC_URL',
  'OIDC_ISSUER', 'OIDC_CLIENT_ID', 'OIDC_CLIENT_SECRET', 'OIDC_REDIRECT_URL', 'OIDC_SCOPES', 'OIDC_ROLE_CLAIM', 'LOCAL_PASSWORDS',
  'FACTOR_ENCRYPTION_KEY',
];

/** Reads the configuration from an environment (process.env by default). */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  warnAboutLookalikes(env);
  const port = env.PORT ? Number(env.PORT) : DEFAULTS.port;
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new Error(`PORT must be an integer 0–65535, got "${env.PORT}"`);
  }
  const tileThreshold = env.TILE_THRESHOLD ? Number(env.TILE_THRESHOLD) : DEFAULTS.tileThreshold;
  if (!Number.isInteger(tileThreshold) || tileThreshold < 1 || tileThreshold > DEFAULTS.listLimitMax) {
    throw new Error(`TILE_THRESHOLD must be an integer 1–${DEFAULTS.listLimitMax} (the largest layer page), got "${env.TILE_THRESHOLD}"`);
  }
  return {
    port,
    databaseUrl: env.DATABASE_URL || undefined,
    databaseReadUrl: env.DATABASE_READ_URL || undefined,
    dataDir: path.resolve(env.DATA_DIR || DEFAULTS.dataDir),
    ...backupSettings(env),
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    basemapStyleUrl: env.BASEMAP_STYLE_URL || DEFAULTS.basemapStyleUrl,
    basemapPmtiles: pmtilesFile(env.BASEMAP_PMTILES),
    seedDemo: env.SEED_DEMO !== 'false',
    trustProxy: env.TRUST_PROXY === 'true',
    tileThreshold,
    publicUrl: parsePublicUrl(env.PUBLIC_URL),
    ...oidcSettings(env),
    factorEncryptionKey: env.FACTOR_ENCRYPTION_KEY ? parseFactorKey(env.FACTOR_ENCRYPTION_KEY, 'FACTOR_ENCRYPTION_KEY') : undefined,
  };
}

/**
 * A 32-byte key written as 64 hex digits or as base64 (44 characters with the `=`, or 43
 * without; base64url too). The error names where the key came from and never repeats it.
 */
export function parseFactorKey(raw: string, source: string): Buffer {
  const text = raw.trim();
  const key = /^[0-9a-fA-F]{64}$/.test(text) ? Buffer.from(text, 'hex')
    : /^[A-Za-z0-9+/_-]{43}=?$/.test(text) ? Buffer.from(text, 'base64')
    : undefined;
  if (key?.length !== 32) {
    throw new Error(`${source} must be a 32-byte key written as 64 hex digits or 44 base64 characters (make one with: openssl rand -base64 32), got ${text.length} characters that are neither`);
  }
  return key;
}

/**
 * OIDC_* and LOCAL_PASSWORDS, checked. The issuer must be https, except on the machine's
 * own loopback (a provider the tests start): a plain-http issuer elsewhere would let
 * anyone on the way forge sign-ins. Local passwords can be switched off only when there
 * is another way in.
 */
function oidcSettings(env: NodeJS.ProcessEnv): Pick<Config, 'oidc' | 'localPasswords'> {
  const lp = env.LOCAL_PASSWORDS;
  if (lp !== undefined && lp !== '' && lp !== 'on' && lp !== 'off') throw new Error(`LOCAL_PASSWORDS must be "on" or "off", got "${lp}"`);
  if (!env.OIDC_ISSUER) {
    if (lp === 'off') throw new Error('LOCAL_PASSWORDS=off needs OIDC_ISSUER: without it nobody could sign in');
    return { oidc: undefined, localPasswords: true };
  }
  const issuer = httpUrl('OIDC_ISSUER', env.OIDC_ISSUER);
  if (!env.OIDC_CLIENT_ID) throw new Error('OIDC_CLIENT_ID must be set with OIDC_ISSUER (the client id the provider gave this product)');
  if (!env.OIDC_CLIENT_SECRET) throw new Error('OIDC_CLIENT_SECRET must be set with OIDC_ISSUER (the client secret the provider gave this product)');
  const redirectUrl = env.OIDC_REDIRECT_URL ? httpUrl('OIDC_REDIRECT_URL', env.OIDC_REDIRECT_URL) : undefined;
  const scopes = (env.OIDC_SCOPES || DEFAULTS.oidcScopes).trim().split(/\s+/);
  if (!scopes.includes('openid')) throw new Error(`OIDC_SCOPES must include openid, got "${env.OIDC_SCOPES}"`);
  const roleClaim = env.OIDC_ROLE_CLAIM || DEFAULTS.oidcRoleClaim;
  if (!/^[A-Za-z0-9_:.\/-]{1,100}$/.test(roleClaim)) throw new Error(`OIDC_ROLE_CLAIM must be a claim name (letters, digits, _ : . / -), got "${roleClaim}"`);
  return {
    oidc: { issuer, clientId: env.OIDC_CLIENT_ID, clientSecret: env.OIDC_CLIENT_SECRET, redirectUrl, scopes: scopes.join(' '), roleClaim },
    localPasswords: lp !== 'off',
  };
}

/** Whether a URL's host is this machine's loopback, the one place plain http is allowed for the provider. */
export const isLoopbackUrl = (url: URL): boolean => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

/** An https URL, or http on loopback, as written (no credentials, no fragment). */
function httpUrl(key: string, raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${key} must be a URL, got "${raw}"`);
  }
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && isLoopbackUrl(url))) {
    throw new Error(`${key} must be an https URL (plain http only on 127.0.0.1 or localhost), got "${raw}"`);
  }
  if (url.username || url.password || url.hash) throw new Error(`${key} must have no user, password or fragment, got "${raw}"`);
  return raw;
}

/** BASEMAP_PMTILES as an absolute path to a file that exists (a missing archive stops the start, not every tile). */
function pmtilesFile(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const file = path.resolve(raw);
  if (!existsSync(file)) throw new Error(`BASEMAP_PMTILES must name a PMTiles file that exists, got "${raw}" (${file})`);
  return file;
}

/** PUBLIC_URL as an origin (`https://host[:port]`): an http(s) URL with no path, query or fragment. */
function parsePublicUrl(raw: string | undefined): string | undefined {
  if (!raw) return undefined;
  const fail = (why: string) => new Error(`PUBLIC_URL must be the origin users reach, such as https://platssamverkan.example.se (${why}), got "${raw}"`);
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw fail('not a URL');
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw fail('http or https only');
  if (url.username || url.password) throw fail('no user or password');
  if (url.pathname !== '/' || url.search || url.hash) throw fail('no path, query or fragment');
  return url.origin;
}

/** BACKUP_DIR, BACKUP_KEEP and BACKUP_INTERVAL_HOURS, checked. By default only the embedded database is backed up on a schedule. */
function backupSettings(env: NodeJS.ProcessEnv): Pick<Config, 'backupDir' | 'backupKeep' | 'backupIntervalHours'> {
  const keep = env.BACKUP_KEEP ? Number(env.BACKUP_KEEP) : DEFAULTS.backupKeep;
  if (!Number.isInteger(keep) || keep < 1) throw new Error(`BACKUP_KEEP must be an integer of at least 1 (backups kept), got "${env.BACKUP_KEEP}"`);
  const hours = env.BACKUP_INTERVAL_HOURS ? Number(env.BACKUP_INTERVAL_HOURS) : DEFAULTS.backupIntervalHours;
  if (!Number.isFinite(hours) || hours < 0 || hours > 24 * 366) {
    throw new Error(`BACKUP_INTERVAL_HOURS must be a number of hours 0–${24 * 366} (0: no scheduled backups), got "${env.BACKUP_INTERVAL_HOURS}"`);
  }
  const dataDir = path.resolve(env.DATA_DIR || DEFAULTS.dataDir);
  const backupDir = env.BACKUP_DIR === 'off' ? undefined
    : env.BACKUP_DIR ? path.resolve(env.BACKUP_DIR)
    : env.DATABASE_URL ? undefined : `${dataDir}${DEFAULTS.backupDirSuffix}`;
  return { backupDir, backupKeep: keep, backupIntervalHours: hours };
}

/** Warns about environment keys that look like ours but are misspelt (DATABSE_URL…). */
function warnAboutLookalikes(env: NodeJS.ProcessEnv): void {
  for (const key of Object.keys(env)) {
    if (KNOWN_KEYS.includes(key)) continue;
    const near = KNOWN_KEYS.find((k) => editDistance(k, key) <= 2 && Math.abs(k.length - key.length) <= 2);
    if (near && key.length > 4) console.warn(`Unknown setting ${key}: did you mean ${near}?`);
  }
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
  }
  return d[a.length]![b.length]!;
}

/** Redacts the password of a connection string for logs. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}
