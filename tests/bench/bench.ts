/**
 * `npm run bench`: the Speed section of the foundation issue. Starts the real app on the national-scale set in
 * ./data-scale (made first if missing), measures the time from start to ready, then drives a seeded mix of
 * 300 different searches on GET /ondernemers and GET /api/v1/ondernemers and, in the same run, the trivial
 * GET /healthz, with autocannon over loopback. Prints the figures next to the targets. Exits non-zero only when
 * the benchmark itself broke, never for a missed target. The agenda (tests/bench/agenda-bench.ts) adds a mix of
 * filtered agenda pages and event pages over the scale set's 200,000 events, the calendar feed of one municipality's
 * upcoming year, and the time to write a 1,000-event feed.
 *   --duration S          seconds per search phase (default 15)
 *   --trivial-duration S  seconds for /healthz (default 10)
 *   --steady-duration S   seconds per route at half its measured capacity, for latency under load (default 10)
 *   --connections N       concurrent connections (default 10)
 *   --organisations N     size of the scale set when it has to be made (default 50000)
 *   --data-dir DIR        default ./data-scale
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon, { type Result } from 'autocannon';
import { findFreePort } from '../../src/db/embedded.ts';
import { DatabaseInUseError } from '../../src/features/demo/demo.database.ts';
import { DEFAULT_SCALE_DATA_DIR, prepareScaleDatabase } from '../../src/features/demo/scale.run.ts';
import { DEFAULT_SCALE_ORGANISATIONS } from '../../src/features/demo/scale.seed.ts';
import { descendants, fmt, fmtInt, percentile, procStatusMiB, pssMiB } from './measure.ts';
import { buildSearchMix, searchPath, type SearchSpec } from './search-mix.ts';
import { agendaPaths, eventPaths, measureFeeds } from './agenda-bench.ts';

const TARGET_P95_MS = 30;
const TARGET_RATIO = 0.05;

const root = path.resolve(import.meta.dirname, '../..');
const { values } = parseArgs({
  options: {
    duration: { type: 'string', default: '15' },
    'trivial-duration': { type: 'string', default: '10' },
    'steady-duration': { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    organisations: { type: 'string', default: String(DEFAULT_SCALE_ORGANISATIONS) },
    'data-dir': { type: 'string', default: DEFAULT_SCALE_DATA_DIR },
  },
});
const durationS = Number(values.duration);
const trivialS = Number(values['trivial-duration']);
const steadyS = Number(values['steady-duration']);
const connections = Number(values.connections);
const organisations = Number(values.organisations);
const dataDir = path.resolve(root, values['data-dir']);
for (const [name, v] of Object.entries({ duration: durationS, 'trivial-duration': trivialS, 'steady-duration': steadyS, connections, organisations })) {
  if (!Number.isInteger(v) || v < 1) {
    console.error(`--${name} must be a whole number of at least 1`);
    process.exit(2);
  }
}

class BenchBroke extends Error {}

type Phase = {
  label: string;
  route: string;
  distinctPaths: number;
  seconds: number;
  latencies: number[];
  result: Result;
};

type Check = {
  route: string;
  ok: number;
  total: number;
  statuses: Map<number, number>;
  examples: string[];
  /** Time of each search answered alone, to point at slow kinds of search. */
  timings: Array<{ ms: number; kind: string; path: string }>;
};

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function startApp(port: number, logFile: string): { child: ChildProcess; exited: Promise<number | null>; spawnedAt: number } {
  const out = openSync(logFile, 'w');
  const spawnedAt = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    // Same start as `npm start`; its output goes to a file so that draining it costs the measured CPUs nothing.
    env: { ...process.env, DATA_DIR: dataDir, DEMO_DATA: 'never', PORT: String(port), HOST: '127.0.0.1' },
    stdio: ['ignore', out, out],
  });
  closeSync(out);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code, signal) => resolve(code ?? (signal ? 128 : null))));
  return { child, exited, spawnedAt };
}

function tail(file: string, lines = 25): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

async function waitUntilReady(base: string, exited: Promise<number | null>, spawnedAt: number, logFile: string): Promise<number> {
  let gone: number | null | undefined;
  void exited.then((c) => (gone = c));
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (gone !== undefined) throw new BenchBroke(`The app stopped before it was ready (exit ${gone}). Its last output:\n${tail(logFile)}`);
    try {
      const res = await fetch(`${base}/readyz`);
      await res.arrayBuffer();
      if (res.status === 200) return performance.now() - spawnedAt;
    } catch {
      /* not listening yet */
    }
    await sleep(20);
  }
  throw new BenchBroke(`The app was not ready after 180 s. Its last output:\n${tail(logFile)}`);
}

/** Every search once, one at a time: warms the caches and tells whether the routes work at all. */
async function checkRoutes(base: string, mix: SearchSpec[]): Promise<Check[]> {
  const checks: Check[] = [];
  for (const route of ['page', 'api'] as const) {
    const check: Check = { route: route === 'page' ? 'GET /ondernemers' : 'GET /api/v1/ondernemers', ok: 0, total: 0, statuses: new Map(), examples: [], timings: [] };
    for (const spec of mix) {
      const p = searchPath(spec, route);
      let status = 0;
      const started = performance.now();
      try {
        const res = await fetch(base + p, { headers: { accept: route === 'api' ? 'application/json' : 'text/html' } });
        await res.arrayBuffer();
        status = res.status;
      } catch {
        status = 0;
      }
      check.timings.push({ ms: performance.now() - started, kind: spec.kind, path: p });
      check.total++;
      check.statuses.set(status, (check.statuses.get(status) ?? 0) + 1);
      if (status >= 200 && status < 300) check.ok++;
      else if (check.examples.length < 4) check.examples.push(`${status || 'no answer'} ${p.length > 110 ? `${p.slice(0, 110)}…` : p}`);
    }
    checks.push(check);
  }
  return checks;
}

/**
 * A steady load: one request every 1/rate seconds, evenly spaced and each sent at its planned moment whether or not
 * earlier answers are in (an open loop, like visitors who do not wait for each other). autocannon's own rate limit
 * sends each second's quota in a burst at the start of the second, which measures queueing again. Latency counts from
 * the planned moment, so a client that falls behind cannot hide slow answers.
 */
async function runPaced(base: string, label: string, route: string, paths: string[], seconds: number, rate: number): Promise<Phase> {
  const latencies: number[] = [];
  let errors = 0;
  let non2xx = 0;
  const total = Math.max(1, Math.round(seconds * rate));
  const interval = 1000 / rate;
  const started = performance.now();
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const planned = started + i * interval;
    const wait = planned - performance.now();
    if (wait > 1) await sleep(wait);
    const path = paths[i % paths.length];
    inFlight.push(
      fetch(base + path)
        .then(async (res) => {
          await res.arrayBuffer();
          if (res.status < 200 || res.status >= 300) non2xx++;
          latencies.push(performance.now() - planned);
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const result = { errors, timeouts: 0, non2xx } as Result;
  return { label, route, distinctPaths: new Set(paths).size, seconds: elapsed, latencies, result };
}

/** Drives `paths` round-robin with `connections` connections, as fast as the server answers (full capacity). */
async function runPhase(base: string, label: string, route: string, paths: string[], seconds: number): Promise<Phase> {
  let next = 0;
  const latencies: number[] = [];
  const started = performance.now();
  const instance = autocannon({
    url: base,
    connections,
    duration: seconds,
    timeout: 10,
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => {
          const p = paths[next];
          next = (next + 1) % paths.length;
          return { ...req, path: p };
        },
      },
    ],
  });
  instance.on('response', (_client: unknown, _status: number, _bytes: number, responseTime: number) => latencies.push(responseTime));
  const result = await instance;
  const elapsed = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  return { label, route, distinctPaths: new Set(paths).size, seconds: elapsed, latencies, result };
}

function line(cols: string[], widths: number[]): string {
  return cols.map((c, i) => (i === 0 ? c.padEnd(widths[i]) : c.padStart(widths[i]))).join(' ');
}

function report(opts: {
  scale: { organisations: number; where: string };
  readyMs: number;
  checks: Check[];
  phases: Phase[];
  /** The same routes at half of their measured capacity: latency under load rather than queueing (decision 0010). */
  steady: Phase[];
  rss: number | null;
  hwm: number | null;
  pgPss: number | null;
}) {
  const { phases } = opts;
  const rps = (p: Phase) => p.latencies.length / p.seconds;
  const trivial = phases.find((p) => p.route === 'GET /healthz')!;
  const searches = phases.filter((p) => p !== trivial);
  const widths = [34, 10, 9, 9, 9, 8, 9, 9];
  const out: string[] = [];
  out.push('');
  out.push('Impactregio benchmark');
  out.push(
    `  data: ${fmtInt(opts.scale.organisations)} organisations (${opts.scale.where}); ${connections} connections over loopback; ` +
      `${os.availableParallelism()} CPUs shared by app, database and load generator; Node ${process.version}`,
  );
  out.push(`  time from start (node src/main.ts, as npm start) to ready (/readyz 200): ${fmtInt(opts.readyMs)} ms`);
  out.push('');
  out.push('Check before measuring: every search once, one at a time');
  for (const c of opts.checks) {
    const codes = [...c.statuses].map(([s, n]) => `${s || 'no answer'}: ${n}`).join(', ');
    out.push(`  ${c.route.padEnd(26)} ${c.ok}/${c.total} answered 2xx (${codes})`);
    for (const e of c.examples) out.push(`      e.g. ${e}`);
    if (c.ok === 0 && (c.statuses.get(404) ?? 0) === c.total) {
      out.push(`      ${c.route} answers 404 for every search: that route is not there (yet). Its figures below are 404 pages, not searches.`);
    }
    const byKind = new Map<string, number[]>();
    for (const t of c.timings) byKind.set(t.kind, [...(byKind.get(t.kind) ?? []), t.ms]);
    const kinds = [...byKind].map(([kind, ms]) => {
      const sorted = ms.sort((a, b) => a - b);
      return `${kind} ${fmt(percentile(sorted, 50), 1)}/${fmt(sorted[sorted.length - 1], 0)}`;
    });
    out.push(`      median/max ms per kind, one at a time: ${kinds.join(', ')}`);
    const slowest = [...c.timings].sort((a, b) => b.ms - a.ms).slice(0, 3);
    for (const t of slowest) out.push(`      slow: ${fmt(t.ms, 0)} ms ${decodeURIComponent(t.path).slice(0, 100)}`);
  }
  out.push('');
  out.push(line(['route', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx', 'paths'], widths));
  for (const p of phases) {
    const errors = p.result.errors + p.result.timeouts;
    out.push(
      line(
        [
          `${p.label}`,
          fmtInt(rps(p)),
          fmt(percentile(p.latencies, 50), 2),
          fmt(percentile(p.latencies, 95), 2),
          fmt(percentile(p.latencies, 99), 2),
          fmtInt(errors),
          fmtInt(p.result.non2xx),
          fmtInt(p.distinctPaths),
        ],
        widths,
      ),
    );
  }
  out.push('');
  out.push('Latency under a steady load of half the capacity measured above (the latency target is judged here; at full');
  out.push('capacity with 10 connections that never pause, latency is mostly waiting in line: see docs/decisions/0010)');
  out.push(line(['route', 'req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx', 'paths'], widths));
  for (const p of opts.steady) {
    out.push(
      line(
        [p.label, fmtInt(rps(p)), fmt(percentile(p.latencies, 50), 2), fmt(percentile(p.latencies, 95), 2), fmt(percentile(p.latencies, 99), 2), fmtInt(p.result.errors + p.result.timeouts), fmtInt(p.result.non2xx), fmtInt(p.distinctPaths)],
        widths,
      ),
    );
  }
  const allSearch = searches.reduce((n, p) => n + p.latencies.length, 0) / searches.reduce((s, p) => s + p.seconds, 0);
  const ratios = searches.map((p) => `${p.route.replace('GET ', '')} ${fmt((100 * rps(p)) / rps(trivial), 1)} %`);
  out.push('');
  out.push(`  throughput search / trivial: ${ratios.join(', ')}; both search routes together ${fmt((100 * allSearch) / rps(trivial), 1)} %`);
  out.push(
    `  memory of the app process: RSS ${opts.rss === null ? '-' : `${fmtInt(opts.rss)} MiB`} after the run (peak ${opts.hwm === null ? '-' : `${fmtInt(opts.hwm)} MiB`})` +
      (opts.pgPss === null ? '' : `; its embedded PostgreSQL (all processes, PSS): ${fmtInt(opts.pgPss)} MiB`),
  );
  out.push('');
  out.push('Targets (2 cores)');
  const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
  // A route that answers errors (or 404 because it is not built) is fast for the wrong reason.
  const failing = (p: Phase) => p.result.non2xx + p.result.errors + p.result.timeouts > 0.01 * Math.max(1, p.latencies.length);
  const judge = (p: Phase, ok: boolean) =>
    failing(p) ? `not meaningful: ${fmt((100 * p.result.non2xx) / Math.max(1, p.latencies.length), 1)} % of the answers were not 2xx` : verdict(ok);
  for (const p of searches) {
    const steady = opts.steady.find((x) => x.route === p.route);
    const p95 = steady ? percentile(steady.latencies, 95) : percentile(p.latencies, 95);
    const at = steady ? `at ${fmtInt(rps(steady))}/s` : 'at full capacity';
    out.push(
      `  ${p.route.padEnd(26)} p95 <= ${TARGET_P95_MS} ms ${at}: ${fmt(p95, 2)} ms, ${judge(steady ?? p, p95 <= TARGET_P95_MS)}` +
        ` (at full capacity, ${fmtInt(rps(p))}/s: ${fmt(percentile(p.latencies, 95), 2)} ms)`,
    );
  }
  const errorCount = [...phases, ...opts.steady].reduce((n, p) => n + p.result.errors + p.result.timeouts + p.result.non2xx, 0);
  out.push(`  no errors (connection errors, timeouts, non-2xx answers): ${fmtInt(errorCount)}, ${verdict(errorCount === 0)}`);
  for (const p of searches) {
    const r = rps(p) / rps(trivial);
    out.push(`  ${p.route.padEnd(26)} throughput >= ${TARGET_RATIO * 100} % of trivial: ${fmt(100 * r, 1)} %, ${judge(p, r >= TARGET_RATIO)}`);
  }
  out.push('');
  console.log(out.join('\n'));
}

async function main(): Promise<number> {
  console.log(`Scale set in ${dataDir}: checking (made with ${fmtInt(organisations)} organisations when missing) ...`);
  let scale: { organisations: number; where: string };
  try {
    const prepared = await prepareScaleDatabase({ organisations, dataDir, keepExisting: true, log: (l) => console.log(l) });
    if (prepared.action === 'loaded') console.log(`Loaded ${fmtInt(prepared.organisations)} organisations in ${fmt(prepared.ms / 1000)} s.`);
    else console.log(`Using the scale set that is there: ${fmtInt(prepared.organisations)} organisations.`);
    scale = { organisations: prepared.organisations, where: path.relative(root, dataDir) || dataDir };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    throw new BenchBroke(e instanceof DatabaseInUseError ? message : `Preparing the scale set failed: ${message}`);
  }

  mkdirSync(dataDir, { recursive: true });
  const logFile = path.join(dataDir, 'bench-app.log');
  const port = await findFreePort();
  const base = `http://127.0.0.1:${port}`;
  console.log(`Starting the app on ${base} (its output: ${path.relative(root, logFile)}) ...`);
  const app = startApp(port, logFile);
  let appExit: number | null | undefined;
  void app.exited.then((c) => (appExit = c));
  const stopApp = async () => {
    if (appExit !== undefined) return;
    app.child.kill('SIGINT');
    const done = await Promise.race([app.exited.then(() => true), sleep(30_000).then(() => false)]);
    if (!done) {
      app.child.kill('SIGKILL');
      throw new BenchBroke('The app did not stop within 30 s after SIGINT; it was killed.');
    }
  };
  const onSignal = () => {
    console.error('\nInterrupted: stopping the app ...');
    void stopApp().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    const readyMs = await waitUntilReady(base, app.exited, app.spawnedAt, logFile);
    console.log(`Ready after ${fmtInt(readyMs)} ms.`);

    const mix = buildSearchMix();
    console.log(`Checking every one of the ${mix.length} searches once on both routes ...`);
    const checks = await checkRoutes(base, mix);

    const phases: Phase[] = [];
    const plan = [
      { label: 'search page  GET /ondernemers', route: 'GET /ondernemers', paths: mix.map((s) => searchPath(s, 'page')), seconds: durationS },
      { label: 'search API   GET /api/v1/ondernemers', route: 'GET /api/v1/ondernemers', paths: mix.map((s) => searchPath(s, 'api')), seconds: durationS },
      // The agenda (issue 3): a mix of filtered lists and month views, and event pages of the scale set's events.
      { label: 'agenda page  GET /agenda', route: 'GET /agenda', paths: agendaPaths(), seconds: durationS },
      { label: 'event page   GET /agenda/:slug', route: 'GET /agenda/:slug', paths: await eventPaths(base), seconds: durationS },
      { label: 'trivial      GET /healthz', route: 'GET /healthz', paths: ['/healthz'], seconds: trivialS },
    ];
    for (const step of plan) {
      console.log(`Measuring ${step.route} for ${step.seconds} s ...`);
      phases.push(await runPhase(base, step.label.replace(/\s+GET/, ' GET'), step.route, step.paths, step.seconds));
      if (appExit !== undefined) throw new BenchBroke(`The app stopped during the run (exit ${appExit}). Its last output:\n${tail(logFile)}`);
    }

    // Latency under load: every route again at half of the throughput it just reached.
    const steady: Phase[] = [];
    for (const step of plan.filter((x) => x.route !== 'GET /healthz')) {
      const full = phases.find((p) => p.route === step.route)!;
      const rate = Math.max(1, Math.round(full.latencies.length / full.seconds / 2));
      console.log(`Measuring ${step.route} at a steady ${rate}/s for ${steadyS} s ...`);
      steady.push(await runPaced(base, step.label.replace(/\s+GET/, ' GET'), step.route, step.paths, steadyS, rate));
      if (appExit !== undefined) throw new BenchBroke(`The app stopped during the run (exit ${appExit}). Its last output:\n${tail(logFile)}`);
    }

    const pid = app.child.pid!;
    const rss = procStatusMiB(pid, 'VmRSS');
    const hwm = procStatusMiB(pid, 'VmHWM');
    const pgPss = pssMiB(descendants(pid));
    report({ scale, readyMs, checks, phases, steady, rss, hwm, pgPss });
    console.log(`${(await measureFeeds(base)).join('\n')}\n`);
  } finally {
    await stopApp();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  console.log('The app and its database have stopped.');
  return 0;
}

main().then(
  (code) => process.exit(code),
  (err) => {
    console.error(err instanceof BenchBroke ? `\nThe benchmark could not finish: ${err.message}` : err);
    process.exit(1);
  },
);
