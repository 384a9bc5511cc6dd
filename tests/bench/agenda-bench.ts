/**
 * The agenda's part of `npm run bench` (issue 3, Speed): a mix of agenda pages with filters, event pages, the
 * calendar feed of one municipality's upcoming year, and the time to write a 1,000-event feed.
 * Targets: agenda p95 <= 30 ms; a feed of 1,000 events generated in <= 100 ms.
 */
import { THEMES } from '../../src/data/reference.ts';
import { region } from '../../src/data/reference.ts';
import { EVENT_TYPES } from '../../src/features/agenda/agenda.schema.ts';
import { toLocal } from '../../src/features/agenda/recurrence.ts';
import { buildCalendar, type FeedEvent } from '../../src/features/feeds/ical.ts';
import { fmt, fmtInt, percentile } from './measure.ts';

export const TARGET_FEED_1000_MS = 100;

/** A deterministic little generator, so every run asks the same pages. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

const addDays = (date: string, n: number) => {
  const d = new Date(`${date}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/**
 * 200 different agenda pages: no filter, each filter alone, combinations of two or three, free text, date ranges, a few
 * second pages and month views, as visitors would use them.
 */
export function agendaPaths(today = toLocal(new Date()).date): string[] {
  const next = rng(3);
  const one = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)];
  const municipalities = region.municipalities.map((m) => m.slug);
  const themes = THEMES.map((t) => t.slug);
  const words = ['energie', 'zorg', 'werk', 'voedsel', 'netwerk', 'circulair', 'inkoop', 'leergang', 'markt', 'duurzaam'];
  const out = new Set<string>(['/agenda']);
  for (let k = 0; out.size < 200 && k < 10_000; k++) {
    const p = new URLSearchParams();
    const kind = k % 10;
    if (kind <= 2) p.set('gemeente', one(municipalities));
    if (kind === 1 || kind === 3 || kind === 7) p.append('thema', one(themes));
    if (kind === 2 || kind === 4) p.set('type', one(EVENT_TYPES));
    if (kind === 5) p.set('online', next() < 0.5 ? 'ja' : 'nee');
    if (kind === 6) p.set('q', one(words));
    if (kind === 7) {
      const from = addDays(today, Math.floor(next() * 200));
      p.set('van', from);
      p.set('tot', addDays(from, 7 + Math.floor(next() * 60)));
    }
    if (kind === 8) {
      p.set('weergave', 'maand');
      p.set('maand', addDays(today, Math.floor(next() * 300)).slice(0, 7));
      if (next() < 0.5) p.set('gemeente', one(municipalities));
    }
    if (kind === 9) p.set('pagina', String(2 + Math.floor(next() * 4)));
    out.add(`/agenda?${p.toString()}`);
  }
  return [...out];
}

/** Slugs of public events, read from the open data API (the bench has no database connection of its own). */
export async function eventPaths(base: string, count = 200): Promise<string[]> {
  const slugs = new Set<string>();
  for (let page = 1; slugs.size < count && page <= 10; page++) {
    for (const filter of ['', '&type=workshop', '&gemeente=hoogeveen', '&online=ja']) {
      const res = await fetch(`${base}/api/v1/evenementen?pageSize=100&page=${page}${filter}`);
      if (res.status !== 200) {
        await res.arrayBuffer();
        continue;
      }
      const body = (await res.json()) as { items: Array<{ slug: string }> };
      for (const item of body.items) slugs.add(item.slug);
    }
  }
  // No events at all: one path that answers 404, so the report says the figures are not meaningful.
  return slugs.size ? [...slugs].slice(0, count).map((s) => `/agenda/${s}`) : ['/agenda/geen-evenementen-in-de-scale-set'];
}

async function timed(url: string): Promise<{ ms: number; status: number; bytes: number; events: number }> {
  const started = performance.now();
  const res = await fetch(url);
  const text = await res.text();
  return { ms: performance.now() - started, status: res.status, bytes: Buffer.byteLength(text), events: (text.match(/BEGIN:VEVENT/g) ?? []).length };
}

/** 1,000 events for the writer: a third of them series of 20 dates with one moved and one skipped date. */
export function syntheticFeedEvents(n = 1000, now = new Date()): FeedEvent[] {
  const out: FeedEvent[] = [];
  for (let k = 0; k < n; k++) {
    const series = k % 3 === 0;
    const first = new Date(now.getTime() + (k % 300) * 86400_000 + 18 * 3600_000);
    const occurrences = Array.from({ length: series ? 20 : 1 }, (_, j) => {
      const startsAt = new Date(first.getTime() + j * 7 * 86400_000);
      const moved = series && j === 5 ? new Date(startsAt.getTime() + 3600_000) : startsAt;
      return { id: `o-${k}-${j}`, startsAt: moved, endsAt: new Date(moved.getTime() + 2 * 3600_000), originalStartsAt: startsAt, status: j === 7 ? 'cancelled' : 'scheduled', sequence: j === 5 ? 1 : 0 };
    });
    out.push({
      id: `00000000-0000-4000-8000-${String(k).padStart(12, '0')}`,
      slug: `evenement-${k}`,
      title: `Workshop energie en circulair ondernemen ${k}`,
      description: 'Een verzonnen evenement voor de benchmark, met een beschrijving van een paar zinnen; zo lang als de meeste echte.',
      status: 'published',
      sequence: 0,
      recurrence: series ? { freq: 'weekly', interval: 1, byWeekday: [(['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const)[(first.getUTCDay() + 6) % 7]], count: 20 } : null,
      durationMinutes: 120,
      type: 'workshop',
      location: 'Dorpshuis, Dorpsstraat 1, Emmen',
      organiserName: 'Voorbeeld BV',
      createdAt: now,
      updatedAt: now,
      occurrences,
      exdates: series ? [new Date(first.getTime() + 9 * 7 * 86400_000)] : [],
    });
  }
  return out;
}

/** The feed figures, as report lines. */
export async function measureFeeds(base: string): Promise<string[]> {
  const out: string[] = ['Agenda feeds'];
  const today = toLocal(new Date()).date;
  const municipality = region.municipalities[0].slug;
  const url = `${base}/agenda.ics?gemeente=${municipality}&van=${today}&tot=${addDays(today, 365)}`;
  const runs: Array<Awaited<ReturnType<typeof timed>>> = [];
  for (let k = 0; k < 6; k++) runs.push(await timed(url));
  const measured = runs.slice(1);
  const ms = measured.map((r) => r.ms).sort((a, b) => a - b);
  const last = measured.at(-1)!;
  if (last.status === 404) {
    out.push(`  GET /agenda.ics?gemeente=${municipality} (upcoming year): answers 404, the feed route is not there (yet).`);
  } else {
    out.push(
      `  GET /agenda.ics?gemeente=${municipality}&van..tot (upcoming year): status ${last.status}, ${fmtInt(last.events)} VEVENTs, ${fmt(last.bytes / 1024 / 1024, 1)} MiB; ` +
        `median ${fmt(percentile(ms, 50), 0)} ms, max ${fmt(ms.at(-1)!, 0)} ms (one at a time, 5 runs after one warm-up)`,
    );
  }
  const events = syntheticFeedEvents(1000);
  const host = 'impactregio.example';
  const times: number[] = [];
  let vevents = 0;
  for (let k = 0; k < 11; k++) {
    const started = performance.now();
    const text = buildCalendar(events, { name: 'Benchmark', host, publicUrl: `https://${host}` });
    times.push(performance.now() - started);
    vevents = (text.match(/BEGIN:VEVENT/g) ?? []).length;
  }
  const gen = times.slice(1).sort((a, b) => a - b);
  const median = percentile(gen, 50);
  out.push(
    `  writing a feed of 1,000 events (a third of them series of 20 dates; ${fmtInt(vevents)} VEVENTs) in-process: median ${fmt(median, 1)} ms, ` +
      `max ${fmt(gen.at(-1)!, 1)} ms; target <= ${TARGET_FEED_1000_MS} ms: ${median <= TARGET_FEED_1000_MS ? 'met' : 'NOT met'}`,
  );
  return out;
}
