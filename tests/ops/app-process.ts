/**
 * Starts the real app (`node --import tsx src/main.ts`) as a separate process, the way `npm start` does, and
 * cleans up after it: the process group, any PostgreSQL server left on its data folder, and the folder itself.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { testEnv } from '../../src/config.ts';
import { findFreePort, isProcessAlive, readPostmasterPid } from '../../src/db/embedded.ts';

const root = path.resolve(import.meta.dirname, '..', '..');

export type Exit = { code: number | null; signal: NodeJS.Signals | null };

export type AppProcess = {
  child: ChildProcess;
  pid: number;
  port: number;
  dataDir: string;
  stdout(): string;
  stderr(): string;
  /** Resolves once the process has exited. */
  exited: Promise<Exit>;
  /** Waits until stdout+stderr match, failing early with the output when the process exits first. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Waits for the start-up banner. */
  ready(timeoutMs?: number): Promise<void>;
  /** Sends a signal to the whole process group, as a terminal does for Ctrl-C. */
  signalGroup(signal: NodeJS.Signals): void;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function tempDir(prefix = 'impactregio-ops-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

export { findFreePort };

/** Starts the app with exactly these settings (plus PATH), in a process group of its own. */
export function spawnApp(options: { env: Record<string, string>; dataDir: string; port: number }): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { PATH: testEnv().systemPath, TZ: 'UTC', DATA_DIR: options.dataDir, PORT: String(options.port), ...options.env },
  });
  let out = '';
  let err = '';
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const w of waiters) w();
  };
  child.stdout!.on('data', (b: Buffer) => {
    out += b.toString('utf8');
    notify();
  });
  child.stderr!.on('data', (b: Buffer) => {
    err += b.toString('utf8');
    notify();
  });
  let exitInfo: Exit | null = null;
  const exited = new Promise<Exit>((resolve) => {
    child.on('exit', (code, signal) => {
      exitInfo = { code, signal };
      // let the last output arrive before anyone reads it
      setTimeout(() => {
        resolve({ code, signal });
        notify();
      }, 50);
    });
  });
  const app: AppProcess = {
    child,
    pid: child.pid!,
    port: options.port,
    dataDir: options.dataDir,
    stdout: () => out,
    stderr: () => err,
    exited,
    waitForOutput: (pattern, timeoutMs = 45_000) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (pattern.test(out) || pattern.test(err)) {
            done();
            resolve();
          } else if (exitInfo) {
            done();
            reject(new Error(`the app exited (${JSON.stringify(exitInfo)}) before printing ${pattern}\n--- stdout\n${out}\n--- stderr\n${err}`));
          }
        };
        const timer = setTimeout(() => {
          done();
          reject(new Error(`no ${pattern} within ${timeoutMs} ms\n--- stdout\n${out}\n--- stderr\n${err}`));
        }, timeoutMs);
        const done = () => {
          clearTimeout(timer);
          waiters.delete(check);
        };
        waiters.add(check);
        check();
      }),
    ready: (timeoutMs) => app.waitForOutput(/Press Ctrl-C to stop/, timeoutMs),
    signalGroup: (signal) => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        /* already gone */
      }
    },
  };
  return app;
}

/** Waits for the exit, or fails with the output after `timeoutMs`. */
export async function exitOf(app: AppProcess, timeoutMs = 30_000): Promise<Exit> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), timeoutMs);
  });
  const result = await Promise.race([app.exited, timeout]);
  clearTimeout(timer);
  if (!result) throw new Error(`the app did not exit within ${timeoutMs} ms\n--- stdout\n${app.stdout()}\n--- stderr\n${app.stderr()}`);
  return result;
}

/** GET over real HTTP; `host` defaults to the loopback address. */
export async function httpGet(port: number, pathname: string, host = '127.0.0.1'): Promise<Response> {
  return fetch(`http://${host}:${port}${pathname}`, { headers: { connection: 'close' } });
}

/** Whether a TCP connection to host:port is refused (nothing listens there). */
export function connectionRefused(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    socket.setTimeout(3000);
    socket.once('connect', () => {
      socket.destroy();
      resolve(false);
    });
    socket.once('timeout', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(true));
  });
}

/** A pg client on the database of an app's embedded server, found the way an operator would: secrets.json + postmaster.pid. */
export async function connectToAppDatabase(dataDir: string): Promise<pg.Client> {
  const secrets = JSON.parse(await readFile(path.join(dataDir, 'secrets.json'), 'utf8')) as { databasePassword: string };
  const info = await readPostmasterPid(path.join(dataDir, 'pg'));
  if (!info) throw new Error(`no postmaster.pid in ${dataDir}/pg: the database is not running`);
  const client = new pg.Client({
    connectionString: `postgres://impactregio:${encodeURIComponent(secrets.databasePassword)}@127.0.0.1:${info.port}/impactregio`,
  });
  client.on('error', () => undefined); // the server may be stopped under it on purpose
  await client.connect();
  return client;
}

/** Pids of PostgreSQL servers (postmasters) started on `pgDir`, found by their command line. */
export async function postmastersOn(pgDir: string): Promise<number[]> {
  const pids: number[] = [];
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const args = (await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '')).split('\0');
    const d = args.indexOf('-D');
    if (d >= 0 && path.resolve(args[d + 1] ?? '') === pgDir && (await isProcessAlive(Number(entry)))) pids.push(Number(entry));
  }
  return pids;
}

export async function waitUntilDead(pid: number, timeoutMs = 20_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!(await isProcessAlive(pid))) return true;
    await sleep(50);
  }
  return false;
}

/** Kills the app's process group and any server left on its data folder, then removes the folder. Never throws. */
export async function cleanUp(apps: AppProcess[], dataDirs: string[]): Promise<void> {
  for (const app of apps) {
    if (app.child.exitCode === null && app.child.signalCode === null) app.signalGroup('SIGKILL');
  }
  for (const dir of dataDirs) {
    const pgDir = path.join(dir, 'pg');
    const pids = await postmastersOn(pgDir);
    const recorded = await readPostmasterPid(pgDir);
    if (recorded && recorded.pid > 0 && !pids.includes(recorded.pid) && (await isProcessAlive(recorded.pid))) {
      const args = await readFile(`/proc/${recorded.pid}/cmdline`, 'utf8').catch(() => '');
      if (args.includes(pgDir)) pids.push(recorded.pid);
    }
    for (const pid of pids) {
      try {
        process.kill(pid, 'SIGQUIT'); // immediate shutdown: the server also ends its own children
      } catch {
        /* gone */
      }
    }
    for (const pid of pids) {
      if (!(await waitUntilDead(pid, 5000))) {
        try {
          process.kill(pid, 'SIGKILL');
        } catch {
          /* gone */
        }
      }
    }
    if (existsSync(dir)) await rm(dir, { recursive: true, force: true }).catch(() => undefined);
  }
}
