import { randomBytes } from 'node:crypto';
import pg from 'pg';
import pino from 'pino';
import { createApp } from '../../src/app.ts';
import { loadConfig, testEnv, type Config } from '../../src/config.ts';
import { createDb, type Db } from '../../src/db/client.ts';
import { fixedClock } from '../../src/lib/clock.ts';
import { createMailer } from '../../src/features/mail/mail.service.ts';
import type { AppDeps, ServiceContext, Actor } from '../../src/web/types.ts';

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789';

/** A fresh database cloned from the migrated template that `npm test` prepared. */
export async function createTestDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const templateUrl = testEnv().templateDatabaseUrl;
  if (!templateUrl) throw new Error('Run tests with `npm test` (it prepares the template database).');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: templateUrl.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  // CREATE DATABASE ... TEMPLATE fails while another session uses the template; retry briefly.
  for (let attempt = 0; ; attempt++) {
    try {
      await admin.query(`create database "${name}" template impactregio_template`);
      break;
    } catch (e) {
      if (attempt > 40) throw e;
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
    }
  }
  await admin.end();
  const url = templateUrl.replace(/\/[^/]+$/, `/${name}`);
  return {
    url,
    drop: async () => {
      const c = new pg.Client({ connectionString: templateUrl.replace(/\/[^/]+$/, '/postgres') });
      await c.connect();
      await c.query(`drop database if exists "${name}" with (force)`);
      await c.end();
    },
  };
}

export type TestContext = {
  db: Db;
  deps: AppDeps;
  app: ReturnType<typeof createApp>;
  clock: ReturnType<typeof fixedClock>;
  config: Config;
  /** A service context acting as `actor`. */
  ctx(actor: Actor): ServiceContext;
  close(): Promise<void>;
};

/** The whole app on its own fresh database, with a clock the test controls. */
export async function createTestContext(options: { env?: Record<string, string>; now?: string; demo?: boolean } = {}): Promise<TestContext> {
  const database = await createTestDatabase();
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: database.url, SESSION_SECRET: TEST_SECRET, LOG_LEVEL: 'silent', ...options.env });
  const db = createDb(database.url, { max: 5 });
  const clock = fixedClock(options.now ?? '2026-11-28T10:00:00.000Z');
  const logger = pino({ level: 'silent' });
  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock, logger });
  const deps: AppDeps = { db, config, logger, clock, mailer, secret: TEST_SECRET, demo: options.demo ?? false };
  const app = createApp(deps);
  return {
    db,
    deps,
    app,
    clock,
    config,
    ctx: (actor) => ({ db, actor, clock, logger, mailer, config }),
    close: async () => {
      mailer.close();
      await db.$client.end();
      await database.drop();
    },
  };
}
