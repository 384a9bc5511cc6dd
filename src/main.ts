import { serve } from '@hono/node-server';
import { createApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createDb } from './db/client.ts';
import { loadOrCreateSecrets, startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.ts';
import { runMigrations } from './db/migrate.ts';
import { DEMO_PASSWORD, demoLogins, hasDemoData, seedDemoData } from './features/demo/demo.seed.ts';
import { createMailer } from './features/mail/mail.service.ts';
import { getSetting, setSetting, syncReferenceData } from './features/reference/reference.service.ts';
import { systemClock } from './lib/clock.ts';
import { createLogger } from './lib/logger.ts';

/** config -> database -> migrate -> reference data -> (demo data) -> serve -> graceful shutdown */
async function main() {
  const startedAt = performance.now();
  let config: Config;
  try {
    config = loadConfig();
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);

  let embedded: EmbeddedDatabase | null = null;
  let databaseUrl = config.databaseUrl;
  let secret = config.sessionSecret;
  if (config.embedded) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, logger });
    databaseUrl = embedded.url;
    secret ??= (await loadOrCreateSecrets(config.dataDir)).sessionSecret;
    logger.info({ port: embedded.port }, 'embedded database started');
  }
  if (!secret) {
    console.error('Invalid configuration:\n  - SESSION_SECRET: required when DATABASE_URL is set (at least 32 characters)');
    await embedded?.stop();
    process.exit(1);
  }

  const db = createDb(databaseUrl!);
  await runMigrations(db);
  await syncReferenceData(db);

  let seededNow = false;
  if (config.embedded && config.demoData === 'auto' && (await getSetting(db, 'demo_seeded_at')) === null) {
    logger.info('loading demo data (first run)');
    await seedDemoData(db, { clock: systemClock });
    await setSetting(db, 'demo_seeded_at', new Date().toISOString());
    seededNow = true;
  }
  const demo = await hasDemoData(db);

  const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock: systemClock, logger });
  const app = createApp({ db, config, logger, clock: systemClock, mailer, secret, demo });

  const mailTimer = mailer.smtpConfigured
    ? setInterval(() => {
        mailer.deliverDue(db).catch((err) => logger.warn({ err: String(err) }, 'mail delivery round failed'));
      }, 15_000)
    : null;

  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host === '127.0.0.1' ? 'localhost' : config.host}:${info.port}`;
    const lines = [
      '',
      `  Impactregio is running at ${url}`,
      `  ready in ${Math.round(performance.now() - startedAt)} ms${seededNow ? ' (demo data loaded)' : ''}`,
    ];
    if (demo) {
      lines.push('', `  Demo logins (password for all: ${DEMO_PASSWORD}):`);
      for (const l of demoLogins()) lines.push(`    ${l.email.padEnd(46)} ${l.description}`);
    }
    lines.push('', '  Press Ctrl-C to stop.', '');
    console.log(lines.join('\n'));
  });

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    if (mailTimer) clearInterval(mailTimer);
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    mailer.close();
    await db.$client.end().catch(() => undefined);
    await embedded?.stop().catch(() => undefined);
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((err) => {
  console.error(`Impactregio could not start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
