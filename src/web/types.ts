import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { Db } from '../db/client.ts';
import type { Clock } from '../lib/clock.ts';
import type { Role } from '../data/reference.ts';
import type { Mailer } from '../features/mail/mail.service.ts';
import type { I18n, Lang } from './i18n/i18n.ts';

/** What the app is built from; tests pass their own. */
export type AppDeps = {
  db: Db;
  config: Config;
  logger: Logger;
  clock: Clock;
  mailer: Mailer;
  /** The secret for CSRF tokens and other HMACs. */
  secret: string;
  /** True when this instance holds demo data: every page then says so. */
  demo: boolean;
};

export type RoleAssignment = { role: Role; municipalitySlug: string | null };

export type CurrentUser = {
  id: string;
  email: string;
  name: string;
  emailVerified: boolean;
  roles: RoleAssignment[];
  isDemo: boolean;
};

/** The actor a service acts for: a user, or nobody (a visitor or the system). */
export type Actor = CurrentUser | null;

/** The context every service function takes, so pages, API, scripts and jobs call them alike. */
export type ServiceContext = {
  db: Db;
  actor: Actor;
  clock: Clock;
  logger: Logger;
  mailer: Mailer;
  config: Config;
  requestId?: string;
};

export type AppEnv = {
  Variables: {
    deps: AppDeps;
    requestId: string;
    logger: Logger;
    lang: Lang;
    i18n: I18n;
    user: CurrentUser | null;
    csrfToken: string;
    /** A one-time message shown on the next page (after a redirect). */
    flash: string | null;
  };
};
