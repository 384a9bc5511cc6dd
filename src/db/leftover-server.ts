import { existsSync } from 'node:fs';
import { readdir, readFile, readlink, realpath, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';

/**
 * Leftovers of a crash in an embedded PostgreSQL folder: an orphaned server after `kill -9` of the app, backends
 * that outlive a killed server, a stale postmaster.pid. Linux details come from /proc.
 */

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const hasProc = existsSync('/proc/self/stat');

/** `/proc/<pid>/stat` fields after the command name: [state, ppid, ...]. */
async function procStat(pid: number): Promise<string[] | null> {
  try {
    const raw = await readFile(`/proc/${pid}/stat`, 'utf8');
    return raw.slice(raw.lastIndexOf(')') + 2).split(' ');
  } catch {
    return null;
  }
}

/** Whether a process runs. A zombie (exited, not yet reaped by its parent) does not count. */
export async function isProcessAlive(pid: number): Promise<boolean> {
  try {
    process.kill(pid, 0);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EPERM') return false;
  }
  if (!hasProc) return true;
  const fields = await procStat(pid);
  return fields !== null && fields[0] !== 'Z' && fields[0] !== 'X';
}

async function cmdline(pid: number): Promise<string[] | null> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).split('\0').filter(Boolean);
  } catch {
    return null;
  }
}

/** Whether `pid` is the PostgreSQL server of this very folder (a pid from a stale file may belong to anything now). */
async function isPostmasterOf(pid: number, pgDir: string): Promise<boolean> {
  if (!hasProc) return isProcessAlive(pid);
  const args = await cmdline(pid);
  if (!args || !path.basename(args[0] ?? '').startsWith('postgres')) return false;
  const d = args.indexOf('-D');
  return d >= 0 && path.resolve(args[d + 1] ?? '') === path.resolve(pgDir);
}

/**
 * The live Node.js process that started this PostgreSQL server, if any. After `kill -9` of the app the server is
 * re-parented to init (or a subreaper), so a Node parent means another app or script still uses the folder.
 */
async function liveNodeParent(pid: number): Promise<number | null> {
  if (!hasProc) return null;
  const ppid = Number((await procStat(pid))?.[1]);
  if (!Number.isInteger(ppid) || ppid <= 1 || !(await isProcessAlive(ppid))) return null;
  const args = await cmdline(ppid);
  return args && args.some((a) => /(^|\/)node(js)?$|tsx/.test(a)) ? ppid : null;
}

export type PostmasterPid = { pid: number; dataDir: string; port: number; listenAddresses: string; status: string };

/** Reads `postmaster.pid` (pid, folder, start time, port, socket folder, listen addresses, shared memory, status). */
export async function readPostmasterPid(pgDir: string): Promise<PostmasterPid | null> {
  let raw: string;
  try {
    raw = await readFile(path.join(pgDir, 'postmaster.pid'), 'utf8');
  } catch {
    return null;
  }
  const lines = raw.split('\n');
  const pid = Number.parseInt(lines[0] ?? '', 10);
  return {
    pid: Number.isInteger(pid) ? pid : 0,
    dataDir: lines[1] ?? '',
    port: Number.parseInt(lines[3] ?? '', 10) || 0,
    listenAddresses: (lines[5] ?? '').trim(),
    status: (lines[7] ?? '').trim(),
  };
}

async function waitUntilDead(pid: number, ms: number, onTick?: (waitedMs: number) => void): Promise<boolean> {
  const start = Date.now();
  let lastTick = start;
  while (Date.now() - start < ms) {
    if (!(await isProcessAlive(pid))) return true;
    if (onTick && Date.now() - lastTick >= 5000) {
      lastTick = Date.now();
      onTick(lastTick - start);
    }
    await sleep(100);
  }
  return !(await isProcessAlive(pid));
}

/**
 * Server processes of the cluster in `pgDir`, whatever their parent: every PostgreSQL process works in its data
 * folder. After a crash of the server itself, its backends may outlive it for a moment.
 */
async function serverProcessesIn(pgDir: string): Promise<number[]> {
  if (!hasProc) return [];
  let dir: string;
  try {
    dir = await realpath(pgDir);
  } catch {
    return [];
  }
  const pids: number[] = [];
  for (const entry of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(entry)) continue;
    const pid = Number(entry);
    if (pid === process.pid) continue;
    const cwd = await readlink(`/proc/${pid}/cwd`).catch(() => '');
    if (cwd !== dir) continue;
    // a person's shell may sit in that folder too: only PostgreSQL processes count
    const comm = (await readFile(`/proc/${pid}/comm`, 'utf8').catch(() => '')).trim();
    if ((comm === 'postgres' || comm.startsWith('postgres')) && (await isProcessAlive(pid))) pids.push(pid);
  }
  return pids;
}

function sendSignal(pid: number, s: NodeJS.Signals): void {
  try {
    process.kill(pid, s);
  } catch {
    /* already gone */
  }
}

/**
 * After `kill -9` of the app, its PostgreSQL server keeps running (or is still exiting): ask it to stop and wait.
 * After a crash of the server itself, wait for its last processes and clear the stale postmaster.pid.
 * Refuses when a live app still uses the folder.
 */
export async function clearLeftoverServer(pgDir: string, logger?: Pick<Logger, 'info' | 'warn'>, timeoutMs = 60_000): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  const info = await readPostmasterPid(pgDir);
  const pid = info?.pid ?? 0;
  const tick = (waited: number) => logger?.info({ waitedSeconds: Math.round(waited / 1000) }, 'still waiting for the earlier database server to stop');

  if (pid > 0 && (await isProcessAlive(pid)) && (await isPostmasterOf(pid, pgDir))) {
    const owner = await liveNodeParent(pid);
    // (our own pid: a server from a failed start attempt of this process, stopped below)
    if (owner !== null && owner !== process.pid) {
      throw new Error(
        `The database in ${pgDir} is in use by another running process (pid ${owner}), probably Impactregio started earlier ` +
          'with the same DATA_DIR. Stop that one first, or give this one its own DATA_DIR and PORT.',
      );
    }
    logger?.warn({ pid }, 'the database server of an earlier run is still running (the app was killed); asking it to stop, then starting again');
    // SIGINT is PostgreSQL's fast shutdown: it ends open sessions and keeps every committed transaction.
    sendSignal(pid, 'SIGINT');
    let dead = await waitUntilDead(pid, timeoutMs * 0.75, tick);
    if (!dead) {
      // Immediate shutdown: no checkpoint, but committed work is in the WAL and replayed at the next start.
      logger?.warn({ pid }, 'the earlier database server does not stop; asking it to quit immediately');
      sendSignal(pid, 'SIGQUIT');
      dead = await waitUntilDead(pid, timeoutMs * 0.25, tick);
    }
    if (!dead) {
      throw new Error(
        `The database server from an earlier run (pid ${pid}) did not stop within ${Math.round(timeoutMs / 1000)} s. ` +
          `Stop it (kill ${pid}) and start again.`,
      );
    }
    // The server removes its pid file as it exits; a SIGQUIT may leave it behind.
    for (let i = 0; i < 20 && existsSync(pidFile); i++) await sleep(50);
  } else if (info) {
    logger?.warn({ pid }, 'found a stale postmaster.pid: the database server of an earlier run crashed; recovering');
  }

  // The pid file is PostgreSQL's guard against two servers on one folder. Remove it only once no process of the
  // old server is left (backends outlive a killed server for a moment), and only then: its pid may belong to an
  // unrelated process by now, which would make PostgreSQL refuse to start.
  let leftovers = await serverProcessesIn(pgDir);
  if (leftovers.length > 0) {
    logger?.warn({ pids: leftovers }, 'waiting for the last processes of the earlier database server to end');
    const deadline = Date.now() + Math.min(10_000, timeoutMs);
    while (leftovers.length > 0 && Date.now() < deadline) {
      await sleep(100);
      leftovers = await serverProcessesIn(pgDir);
    }
    // Orphans of a dead server: nothing they hold is needed, committed work is in the WAL.
    for (const p of leftovers) sendSignal(p, 'SIGQUIT');
    const deadline2 = Date.now() + 5000;
    while (leftovers.length > 0 && Date.now() < deadline2) {
      await sleep(100);
      leftovers = await serverProcessesIn(pgDir);
    }
    if (leftovers.length > 0) {
      throw new Error(`Processes of an earlier database server (pids ${leftovers.join(', ')}) still use ${pgDir}. Stop them and start again.`);
    }
  }
  if (existsSync(pidFile)) await rm(pidFile, { force: true });
}
