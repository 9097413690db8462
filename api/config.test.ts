/** Settings from the environment: defaults, and a clear error naming the setting and its valid values. */
import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DEFAULTS, loadConfig } from './config.js';
import { createTestContext } from './test/harness.js';

const t = await createTestContext({ tileThreshold: 37 });

describe('TILE_THRESHOLD', () => {
  it('defaults to DEFAULTS.tileThreshold and takes an integer up to the largest layer page', () => {
    expect(loadConfig({}).tileThreshold).toBe(DEFAULTS.tileThreshold);
    expect(loadConfig({ TILE_THRESHOLD: '25' }).tileThreshold).toBe(25);
    expect(loadConfig({ TILE_THRESHOLD: String(DEFAULTS.listLimitMax) }).tileThreshold).toBe(DEFAULTS.listLimitMax);
  });

  it.each(['0', '-1', '2.5', 'many', String(DEFAULTS.listLimitMax + 1)])('refuses %s, naming the setting and the valid range', (value) => {
    expect(() => loadConfig({ TILE_THRESHOLD: value })).toThrow(new RegExp(`TILE_THRESHOLD must be an integer 1–${DEFAULTS.listLimitMax}.*"${value}"`));
  });

  it('is told to the map client in /api/client-config', async () => {
    expect(await (await t.request('anonymous', 'GET', '/api/client-config')).json()).toMatchObject({ tile_threshold: 37 });
  });
});

describe('PUBLIC_URL', () => {
  it('is unset by default and kept as an origin', () => {
    expect(loadConfig({}).publicUrl).toBeUndefined();
    expect(loadConfig({ PUBLIC_URL: 'https://platssamverkan.goteborg.se' }).publicUrl).toBe('https://platssamverkan.goteborg.se');
    expect(loadConfig({ PUBLIC_URL: 'https://Platssamverkan.Goteborg.se/' }).publicUrl).toBe('https://platssamverkan.goteborg.se');
    expect(loadConfig({ PUBLIC_URL: 'http://localhost:8443' }).publicUrl).toBe('http://localhost:8443');
  });

  it.each(['platssamverkan.goteborg.se', 'ftp://x.se', 'https://x.se/karta', 'https://x.se/?a=1', 'https://user:pw@x.se', 'https://x.se/#top'])(
    'refuses %s, naming the setting and what it must be',
    (value) => {
      expect(() => loadConfig({ PUBLIC_URL: value })).toThrow(/PUBLIC_URL must be the origin users reach, such as https:\/\//);
    },
  );
});

describe('OIDC_* and LOCAL_PASSWORDS', () => {
  const base = { OIDC_ISSUER: 'https://login.example.se/realms/kommun', OIDC_CLIENT_ID: 'platssamverkan', OIDC_CLIENT_SECRET: 's3cret' };

  it('is off without OIDC_ISSUER, and local passwords are on', () => {
    expect(loadConfig({})).toMatchObject({ oidc: undefined, localPasswords: true });
  });

  it('takes the issuer, client and the stated defaults for scopes and role claim', () => {
    expect(loadConfig(base).oidc).toEqual({
      issuer: base.OIDC_ISSUER, clientId: 'platssamverkan', clientSecret: 's3cret', redirectUrl: undefined, scopes: DEFAULTS.oidcScopes, roleClaim: DEFAULTS.oidcRoleClaim,
    });
    expect(loadConfig({ ...base, OIDC_SCOPES: 'openid  email', OIDC_ROLE_CLAIM: 'roles', OIDC_REDIRECT_URL: 'https://ps.example.se/api/auth/oidc/callback', LOCAL_PASSWORDS: 'off' }))
      .toMatchObject({ oidc: { scopes: 'openid email', roleClaim: 'roles', redirectUrl: 'https://ps.example.se/api/auth/oidc/callback' }, localPasswords: false });
  });

  it('allows a plain-http issuer only on loopback', () => {
    expect(loadConfig({ ...base, OIDC_ISSUER: 'http://127.0.0.1:4000' }).oidc?.issuer).toBe('http://127.0.0.1:4000');
    expect(() => loadConfig({ ...base, OIDC_ISSUER: 'http://login.example.se' })).toThrow(/OIDC_ISSUER must be an https URL \(plain http only on 127.0.0.1 or localhost\)/);
  });

  it.each([
    [{ ...base, OIDC_CLIENT_ID: '' }, /OIDC_CLIENT_ID must be set with OIDC_ISSUER/],
    [{ ...base, OIDC_CLIENT_SECRET: '' }, /OIDC_CLIENT_SECRET must be set with OIDC_ISSUER/],
    [{ ...base, OIDC_SCOPES: 'email profile' }, /OIDC_SCOPES must include openid/],
    [{ ...base, OIDC_ROLE_CLAIM: 'grupper och roller' }, /OIDC_ROLE_CLAIM must be a claim name/],
    [{ ...base, OIDC_ISSUER: 'inte en adress' }, /OIDC_ISSUER must be a URL/],
    [{ ...base, LOCAL_PASSWORDS: 'nej' }, /LOCAL_PASSWORDS must be "on" or "off"/],
    [{ LOCAL_PASSWORDS: 'off' }, /LOCAL_PASSWORDS=off needs OIDC_ISSUER/],
  ])('refuses %j, naming the setting', (env, message) => {
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe('FACTOR_ENCRYPTION_KEY', () => {
  const key = crypto.randomBytes(32);

  it('is unset by default (the key file in DATA_DIR is used) and takes 32 bytes as hex or base64', () => {
    expect(loadConfig({}).factorEncryptionKey).toBeUndefined();
    expect(loadConfig({ FACTOR_ENCRYPTION_KEY: key.toString('hex') }).factorEncryptionKey).toEqual(key);
    expect(loadConfig({ FACTOR_ENCRYPTION_KEY: key.toString('hex').toUpperCase() }).factorEncryptionKey).toEqual(key);
    expect(loadConfig({ FACTOR_ENCRYPTION_KEY: key.toString('base64') }).factorEncryptionKey).toEqual(key);
    expect(loadConfig({ FACTOR_ENCRYPTION_KEY: `${key.toString('base64url')}\n` }).factorEncryptionKey).toEqual(key);
  });

  it.each([
    ['16 bytes of hex', crypto.randomBytes(16).toString('hex')],
    ['48 bytes of base64', crypto.randomBytes(48).toString('base64')],
    ['a passphrase', 'correct horse battery staple'],
    ['63 hex digits', key.toString('hex').slice(1)],
  ])('refuses %s, naming the setting and what is valid, without repeating the value', (_, value) => {
    let message = '';
    try {
      loadConfig({ FACTOR_ENCRYPTION_KEY: value });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/^FACTOR_ENCRYPTION_KEY must be a 32-byte key written as 64 hex digits or 44 base64 characters \(make one with: openssl rand -base64 32\)/);
    expect(message).not.toContain(value);
  });
});
