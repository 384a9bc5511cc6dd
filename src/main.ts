import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createAdaptorServer } from '@hono/node-server';
import { createApp } from './app.ts';
import { ConfigError, loadConfig, type Config } from './config.ts';
import { createDb, type Db } from './db/client.ts';
import { loadOrCreateSecrets, startEmbeddedPostgres, type EmbeddedDatabase } from './db/embedded.ts';
import { runMigrations } from './db/migrate.ts';
import { DEMO_PASSWORD, demoLoginsIn, hasDemoData, seedDemoData } from './features/demo/demo.seed.ts';
import { createMailer, type Mailer } from './features/mail/mail.service.ts';
import { JOBS } from './jobs.ts';
import { getSetting, setSetting, syncReferenceData } from './features/reference/reference.service.ts';
import { loggableError } from './lib/loggable-error.ts';
import { systemClock } from './lib/clock.ts';
import { createLogger } from './lib/logger.ts';

const SIGNAL_NUMBERS: Record<string, number> = { SIGHUP: 1, SIGINT: 2, SIGTERM: 15 };

/** What is running so far; shutdown stops it in reverse order. */
type Running = { server?: Server; mailer?: Mailer; mailTimer?: NodeJS.Timeout; jobTimers: NodeJS.Timeout[]; db?: Db; embedded?: EmbeddedDatabase };

function displayUrl(host: string, port: number): string {
  const shown = host === '0.0.0.0' || host === '::' || host === '127.0.0.1' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${shown}:${port}`;
}

function banner(options: { url: string; startedAt: number; seededNow: boolean; logins: Array<{ email: string; description: string }>; config: Config; embedded: EmbeddedDatabase | undefined }): string {
  const lines = [
    '',
    `  Impactregio is running at ${options.url}`,
    `  ready in ${Math.round(performance.now() - options.startedAt)} ms${options.seededNow ? ' (demo data loaded)' : ''}`,
    options.embedded
      ? `  data: ${options.config.dataDir} (embedded PostgreSQL on 127.0.0.1:${options.embedded.port})`
      : '  data: the PostgreSQL database in DATABASE_URL',
  ];
  const { logins } = options;
  if (logins.length > 0) {
    lines.push('', `  Demo logins (password for all: ${DEMO_PASSWORD}):`);
    for (const l of logins) lines.push(`    ${l.email.padEnd(50)} ${l.description}`);
  }
  lines.push('', '  Press Ctrl-C to stop.', '');
  return lines.join('\n');
}

/** config -> listen (503 until ready) -> database -> migrate -> reference data -> (demo data) -> serve -> graceful shutdown */
async function main() {
  const startedAt = performance.now();
  let config: Config;
  try {
    config = loadConfig(undefined, { server: true });
  } catch (e) {
    if (e instanceof ConfigError) {
      console.error(e.message);
      process.exit(1);
    }
    throw e;
  }
  const logger = createLogger(config.logLevel);
  const running: Running = { jobTimers: [] };
  let ready = false;
  let stopping = false;

  // Stops in reverse order of starting: no new requests, finish open ones, then the pool, then the database.
  const shutdown = async (reason: string, exitCode: number) => {
    if (stopping) return;
    stopping = true;
    logger.info({ reason }, 'shutting down');
    const force = setTimeout(() => {
      console.error('Impactregio did not stop within 20 s; exiting anyway.');
      process.exit(1);
    }, 20_000);
    force.unref();
    if (running.mailTimer) clearInterval(running.mailTimer);
    for (const timer of running.jobTimers) clearInterval(timer);
    const server = running.server;
    if (server?.listening) {
      // close() waits for open requests; a client that keeps its connection busy gets 5 s.
      const hurry = setTimeout(() => server.closeAllConnections(), 5_000);
      await new Promise<void>((resolve) => server.close(() => resolve()));
      clearTimeout(hurry);
    }
    running.mailer?.close();
    await running.db?.$client.end().catch(() => undefined);
    await running.embedded?.stop().catch((err) => logger.error({ err: loggableError(err) }, 'stopping the embedded database failed'));
    logger.info('stopped');
    process.exit(exitCode);
  };

  // Registered before anything starts, so Ctrl-C during start-up also leaves nothing behind.
  for (const signal of Object.keys(SIGNAL_NUMBERS) as NodeJS.Signals[]) {
    process.on(signal, () => {
      if (ready) {
        void shutdown(signal, 0);
      } else if (!stopping) {
        // Start-up steps cannot be interrupted halfway; the exit hook of embedded.ts stops a started database.
        stopping = true;
        console.error('Impactregio: start-up interrupted.');
        process.exit(128 + SIGNAL_NUMBERS[signal]!);
      }
    });
  }

  try {
    // Listen first: a port that is taken is reported before anything else starts, and until the app is ready
    // every request gets 503 (so /readyz tells a load balancer to wait).
    type Handler = (request: Request, env: unknown) => Response | Promise<Response>;
    let handle: Handler = (request) => {
      const pathname = new URL(request.url).pathname;
      if (pathname === '/healthz') return Response.json({ status: 'ok' });
      if (pathname === '/readyz') return Response.json({ status: 'starting' }, { status: 503, headers: { 'retry-after': '1' } });
      return new Response('Impactregio is starting. Try again in a moment.\n', {
        status: 503,
        headers: { 'retry-after': '1', 'content-type': 'text/plain; charset=utf-8' },
      });
    };
    // env carries the Node request and socket (client address for rate limits): pass it on.
    const server = createAdaptorServer({ fetch: (request: Request, env: unknown) => handle(request, env) }) as Server;
    running.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(config.port, config.host, () => {
        server.off('error', reject);
        resolve();
      });
    }).catch((err: NodeJS.ErrnoException) => {
      if (err.code === 'EADDRINUSE') {
        throw new Error(`port ${config.port} on ${config.host} is already in use by another program. Stop that program, or choose another port, for example PORT=${config.port + 1} npm start.`);
      }
      if (err.code === 'EACCES') {
        throw new Error(`this user may not listen on port ${config.port}. Choose a port above 1023, for example PORT=3000 npm start.`);
      }
      if (err.code === 'EADDRNOTAVAIL' || err.code === 'ENOTFOUND') {
        throw new Error(`HOST=${config.host} is not an address of this machine. Use for example HOST=127.0.0.1 or HOST=0.0.0.0.`);
      }
      throw err;
    });
    server.on('error', (err) => logger.error({ err: loggableError(err) }, 'web server error'));

    let databaseUrl = config.databaseUrl;
    let secret = config.sessionSecret;
    if (config.embedded) {
      running.embedded = await startEmbeddedPostgres({
        dataDir: config.dataDir,
        logger,
        handleSignals: false,
        onUnexpectedExit: () => void shutdown('the embedded database stopped unexpectedly', 1),
      });
      databaseUrl = running.embedded.url;
      secret ??= (await loadOrCreateSecrets(config.dataDir)).sessionSecret;
      logger.info({ port: running.embedded.port, pid: running.embedded.pid }, 'embedded database started');
    }
    if (!databaseUrl || !secret) throw new Error('no database or session secret configured'); // config.ts guarantees both

    const db = createDb(databaseUrl);
    running.db = db;
    await runMigrations(db);
    await syncReferenceData(db);

    let seededNow = false;
    // Demo accounts with a published password never go into a database someone else runs (DATABASE_URL).
    // Nor in production: demo accounts have a published password (only `npm run seed:demo` loads them there).
    if (config.embedded && config.demoData === 'auto' && config.env !== 'production' && (await getSetting(db, 'demo_seeded_at')) === null) {
      logger.info('loading demo data (first run)');
      await seedDemoData(db, { clock: systemClock });
      await setSetting(db, 'demo_seeded_at', new Date().toISOString());
      seededNow = true;
    }
    const demo = await hasDemoData(db);

    const mailer = createMailer({ smtpUrl: config.smtpUrl, from: config.mailFrom, clock: systemClock, logger });
    running.mailer = mailer;
    const app = createApp({ db, config, logger, clock: systemClock, mailer, secret, demo });
    if (mailer.smtpConfigured) {
      running.mailTimer = setInterval(() => {
        mailer.deliverDue(db).catch((err) => logger.warn({ err: loggableError(err) }, 'mail delivery round failed'));
      }, 15_000);
    }

    // Scheduled jobs (src/jobs.ts): once at start, then on their interval.
    for (const job of JOBS) {
      const runJob = () =>
        job.run({ db, clock: systemClock, logger, mailer, config }).catch((err) => logger.warn({ err: loggableError(err), job: job.name }, 'scheduled job failed'));
      void runJob();
      const timer = setInterval(runJob, job.everyMs);
      timer.unref();
      running.jobTimers.push(timer);
    }

    handle = (request, env) => app.fetch(request, env as object);
    const port = (server.address() as AddressInfo).port;
    const url = displayUrl(config.host, port);
    ready = true;
    logger.info({ url, port, host: config.host }, 'listening');
    console.log(banner({ url, startedAt, seededNow, logins: demo ? await demoLoginsIn(db) : [], config, embedded: running.embedded }));
  } catch (err) {
    stopping = true;
    console.error(`Impactregio could not start: ${err instanceof Error ? err.message : String(err)}`);
    running.server?.close();
    running.mailer?.close();
    await running.db?.$client.end().catch(() => undefined);
    await running.embedded?.stop().catch(() => undefined);
    process.exit(1);
  }
}

void main();
