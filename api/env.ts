import type { Config } from './config.js';
import type { Database } from './db/types.js';
import type { Role } from './schemas/common.js';

/** The signed-in caller, resolved from a session cookie or a personal API token. */
export interface CurrentUser {
  id: number;
  email: string;
  name: string;
  role: Role;
  via: 'session' | 'token';
  /** The password is temporary (set by an administrator): only a password change, /auth/me and sign-out are allowed. */
  must_change_password?: boolean;
  /** The role must have a second factor (setting second_factor_required_for) and the account has none: only enrolment is allowed. */
  second_factor_enrolment_required?: boolean;
}

/** What the app is built from; tests inject their own database and clock. */
export interface AppDeps {
  db: Database;
  /** A PostgreSQL read replica (DATABASE_READ_URL) for read-only routes; see `readerOf`. */
  readDb?: Database;
  config: Config;
  /** The current time; injectable so session expiry and information status can be tested. */
  clock: () => Date;
}

/** Hono's typed context variables for this app. */
export interface AppEnv {
  Variables: {
    deps: AppDeps;
    user: CurrentUser | undefined;
    requestId: string;
  };
}
