/**
 * A real OpenID provider on loopback for the sign-in tests: `oidc-provider` (a certified
 * implementation) with one confidential client, accounts the test defines, and an
 * interaction endpoint that signs in whichever account the test names next (instead of
 * the provider's login and consent pages), so a test drives the whole code flow with
 * plain HTTP requests.
 */
import http from 'node:http';
import Provider from 'oidc-provider';
import { freePort } from './freePort.js';

/** The claims a test account has at the provider. */
export interface ProviderAccount { sub: string; email: string; email_verified?: boolean; name?: string; groups?: string[] }

export interface TestProvider {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Defines (or replaces) an account. */
  addAccount(account: ProviderAccount): void;
  /** The account the next interaction signs in. */
  signInAs(sub: string): void;
  close(): Promise<void>;
}

/** Starts the provider on a free 127.0.0.1 port; `redirectUri` and `postLogoutRedirectUri` are the product's (the test app's origin). */
export async function startTestProvider(redirectUri: string, postLogoutRedirectUri: string): Promise<TestProvider> {
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const clientId = 'platssamverkan-test';
  const clientSecret = 'test-secret-that-is-long-enough-for-hs256-0123456789';
  const accounts = new Map<string, ProviderAccount>();
  let next: string | undefined;
  const provider = new Provider(issuer, {
    clients: [{
      client_id: clientId, client_secret: clientSecret, redirect_uris: [redirectUri], post_logout_redirect_uris: [postLogoutRedirectUri],
      grant_types: ['authorization_code'], response_types: ['code'], token_endpoint_auth_method: 'client_secret_basic',
    }],
    // groups are released with the profile scope, as many work-account providers do
    claims: { openid: ['sub'], email: ['email', 'email_verified'], profile: ['name', 'groups'] },
    findAccount: (_ctx, id) => {
      const a = accounts.get(id);
      return a && { accountId: id, claims: () => ({ ...a }) };
    },
    interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      // a plain confirmation page (the default one loads web fonts, which a test browser without network reports as errors)
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx: { body: string }, form: string) => {
          ctx.body = `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Sign out</title><link rel="icon" href="data:,"></head>` +
            `<body>${form}<button autofocus type="submit" form="op.logoutForm" value="yes" name="logout">Sign out at the provider too</button></body></html>`;
        },
      },
    },
    cookies: { keys: ['test-cookie-key-0123456789'] },
  });
  provider.on('server_error', (_ctx, err) => console.error('test OpenID provider:', err));
  const handle = provider.callback();
  const server = http.createServer((req, res) => {
    if (req.url?.startsWith('/interaction/')) {
      void finishInteraction(req, res).catch((err: Error) => {
        res.statusCode = 500;
        res.end(err.message);
      });
      return;
    }
    handle(req, res);
  });

  /** Signs in the named account and grants what the client asked for (no pages). */
  async function finishInteraction(req: http.IncomingMessage, res: http.ServerResponse) {
    const details = await provider.interactionDetails(req, res);
    const accountId = next;
    if (!accountId || !accounts.has(accountId)) throw new Error(`test provider: no account to sign in (signInAs first), got ${accountId}`);
    const grant = new provider.Grant({ accountId, clientId: String(details.params.client_id) });
    grant.addOIDCScope(String(details.params.scope));
    const grantId = await grant.save();
    await provider.interactionFinished(req, res, { login: { accountId }, consent: { grantId } }, { mergeWithLastSubmission: false });
  }

  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    issuer, clientId, clientSecret,
    addAccount: (a) => void accounts.set(a.sub, a),
    signInAs: (sub) => {
      next = sub;
    },
    close: () => new Promise((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
