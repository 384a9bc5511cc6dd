/**
 * Synthetic events for the national-scale benchmark set: by default 200,000 events, a third of them weekly or monthly
 * series, with their occurrences, generated inside PostgreSQL (INSERT ... SELECT over generate_series, in batches)
 * so the whole set takes well under two minutes. Deterministic for a given seed and "now". Part of the scale set
 * (src/features/demo/scale.seed.ts), never of the normal database.
 */
import type pg from 'pg';
import type { Db } from '../../db/client.ts';
import { THEMES } from '../../data/reference.ts';
import { PLACES } from '../demo/demo.places.ts';
import { TOPIC_WORDS } from '../demo/scale.vocabulary.ts';
import { EVENT_TYPES } from './agenda.schema.ts';

/** Events per synthetic organisation when not said otherwise: 50,000 organisations give 200,000 events. */
export const SCALE_EVENTS_PER_ORGANISATION = 4;

const h = (key: string) => `(hashtextextended(g.i::text || ':ev:${key}', $1::bigint) & 2147483647)`;
const u = (key: string) => `(${h(key)}::float8 / 2147483648.0)`;
const pick = (param: string, key: string) => `(${param})[1 + ${h(key)} % cardinality(${param})]`;

const TYPE_TITLES: Record<string, string> = {
  netwerkbijeenkomst: 'Netwerkbijeenkomst',
  workshop: 'Workshop',
  inkoopsessie: 'Inkoopsessie',
  'leergang-bijeenkomst': 'Leergang',
  webinar: 'Webinar',
  'markt-beurs': 'Markt',
  overig: 'Ontmoeting',
};

/**
 * One batch of events [$2, $3]. Dates: a first local date within a year before or after "now" at a whole or half
 * hour between 8:00 and 20:30; one in three is a series (weekly, every one or two weeks, or monthly on the same
 * n-th weekday) of 4 to 40 dates. 97% published, 1% cancelled, 1% in review, 1% rejected.
 */
const INSERT_EVENTS = `
insert into events (id, slug, title, description, type, organiser_organisation_id, municipality_slug, theme_slugs, sdgs,
  is_online, location_name, street_address, postcode, city, online_url, location_for_registered_only, duration_minutes,
  recurrence, registration_mode, capacity, status, is_demo, submitted_at, published_at, cancelled_at, created_at, updated_at)
select
  md5('scale-event:' || r.i || ':' || $1::text)::uuid,
  'evenement-' || r.i,
  r.title,
  'Een verzonnen evenement voor de benchmark over ' || r.w1 || ' en ' || r.w2 || ' in ' || r.village || '. Wij praten over ' || r.w3 || '.',
  r.type::event_type,
  case when r.has_org then (select o.id from scale_event_orgs o where o.municipality_slug = r.municipality and o.rn = 1 + r.org_pick % greatest(1, (select n from scale_event_org_counts c where c.municipality_slug = r.municipality))) end,
  r.municipality,
  array[r.theme1] || case when r.theme2 <> r.theme1 then array[r.theme2] else '{}'::text[] end,
  array[(1 + r.sdg % 17)::smallint],
  r.online,
  case when r.online and r.hybrid = false then null else 'Zaal ' || r.w1 end,
  case when r.online and r.hybrid = false then null else 'Dorpsstraat ' || (1 + r.i % 120) end,
  null,
  case when r.online and r.hybrid = false then null else r.village end,
  case when r.online then 'https://meet.example.org/evenement-' || r.i end,
  false,
  r.minutes,
  case r.kind
    when 0 then null
    when 1 then jsonb_build_object('freq', 'weekly', 'interval', r.weeks, 'byWeekday', jsonb_build_array(r.dow_code), 'count', r.n)
    else jsonb_build_object('freq', 'monthly', 'interval', 1, 'byWeekday', jsonb_build_array(r.dow_code), 'setPos', r.pos, 'count', r.n)
  end,
  r.mode::registration_mode,
  case when r.mode = 'internal' and r.cap_pick < 0.7 then 10 + (r.i % 90) end,
  r.status::event_status,
  true,
  $4::timestamptz - interval '60 days',
  case when r.status in ('published', 'cancelled') then $4::timestamptz - interval '59 days' end,
  case when r.status = 'cancelled' then $4::timestamptz - interval '1 day' end,
  $4::timestamptz - interval '60 days',
  $4::timestamptz - interval '60 days'
from (
  select
    g.i,
    ${pick('$7::text[]', 'type')} as type,
    1 + ${h('v')} % cardinality($5::text[]) as v,
    ${pick('$8::text[]', 't1')} as theme1,
    ${pick('$8::text[]', 't2')} as theme2,
    ${h('sdg')} as sdg,
    ${pick('$9::text[]', 'w1')} as w1,
    ${pick('$9::text[]', 'w2')} as w2,
    ${pick('$9::text[]', 'w3')} as w3,
    ${u('org')} < 0.6 as has_org,
    ${h('orgp')} as org_pick,
    ${u('on')} < 0.2 as online,
    ${u('hy')} < 0.3 as hybrid,
    (60 * (1 + ${h('min')} % 4))::int as minutes,
    case when ${u('kind')} < 2.0 / 3 then 0 when ${u('kind')} < 0.9 then 1 else 2 end as kind0,
    1 + ${h('wk')} % 2 as weeks,
    (4 + ${h('n')} % 37)::int as n,
    case when ${u('mode')} < 0.5 then 'internal' when ${u('mode')} < 0.6 then 'external' else 'none' end as mode,
    ${u('cap')} as cap_pick,
    case when ${u('st')} < 0.97 then 'published' when ${u('st')} < 0.98 then 'cancelled' when ${u('st')} < 0.99 then 'in_review' else 'rejected' end as status,
    ($4::timestamptz at time zone 'Europe/Amsterdam')::date - 365 + (${h('day')} % 730)::int as first_date
  from generate_series($2::int, $3::int) as g(i)
) b
cross join lateral (
  select b.*, ($5::text[])[b.v] as village, ($6::text[])[b.v] as municipality,
    -- A monthly series repeats the n-th weekday (1..4) of its first date; a first date after the 28th is weekly instead.
    case when b.kind0 = 2 and extract(day from b.first_date) > 28 then 1 else b.kind0 end as kind,
    (array['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'])[1 + extract(dow from b.first_date)::int] as dow_code,
    least(4, 1 + (extract(day from b.first_date)::int - 1) / 7) as pos,
    ($10::jsonb ->> b.type) || ' ' || b.w1 || ' ' || ($5::text[])[b.v] as title
) r`;

/**
 * The occurrences of the events of one batch, with the copied filter columns. Local wall-clock dates and times are
 * turned into UTC by PostgreSQL's time zone rules (AT TIME ZONE 'Europe/Amsterdam'), as the app does in recurrence.ts.
 * A monthly series takes the same n-th weekday (1..4) of each following month.
 */
const INSERT_OCCURRENCES = `
insert into event_occurrences (event_id, starts_at, ends_at, original_starts_at, status, event_status, municipality_slug, type, is_online, theme_slugs)
select e.id, s.starts_at, s.starts_at + make_interval(mins => e.duration_minutes), s.starts_at, 'scheduled', e.status, e.municipality_slug, e.type, e.is_online, e.theme_slugs
from events e
cross join lateral (select substring(e.slug from 11)::int as i) g
cross join lateral (select ${h('day')} as hd, ${h('time')} as ht) x
cross join lateral (select ($4::timestamptz at time zone 'Europe/Amsterdam')::date - 365 + (x.hd % 730)::int as first_date, make_time(8 + (x.ht % 13)::int, 30 * ((x.ht / 13) % 2)::int, 0) as local_time) f
cross join lateral (
  select (d + f.local_time) at time zone 'Europe/Amsterdam' as starts_at
  from (
    select case
      when e.recurrence is null then f.first_date
      when e.recurrence ->> 'freq' = 'weekly' then f.first_date + k * 7 * (e.recurrence ->> 'interval')::int
      else (
        select m + ((extract(dow from f.first_date)::int - extract(dow from m)::int + 7) % 7) + ((e.recurrence ->> 'setPos')::int - 1) * 7
        from (select (date_trunc('month', f.first_date) + make_interval(months => k))::date as m) mm
      )
    end as d
    from generate_series(0, coalesce((e.recurrence ->> 'count')::int, 1) - 1) as k
  ) dates
) s
where e.id in (select md5('scale-event:' || n || ':' || $1::text)::uuid from generate_series($2::int, $3::int) as n)`;

/** Inserts `total` synthetic events and their occurrences on the given connection (inside the caller's transaction). */
export async function seedScaleEvents(
  client: pg.PoolClient,
  options: { total: number; seed: number; now: Date; batchSize?: number; onProgress?: (done: number, total: number) => void },
): Promise<{ events: number; occurrences: number }> {
  const villages = Object.entries(PLACES).flatMap(([municipality, places]) => places.map((p) => ({ name: p.name, municipality })));
  await client.query(`create temp table scale_event_orgs on commit drop as
    select id, municipality_slug, row_number() over (partition by municipality_slug order by id)::int as rn
    from organisations where status = 'published'`);
  await client.query('create index on scale_event_orgs (municipality_slug, rn)');
  await client.query(`create temp table scale_event_org_counts on commit drop as
    select municipality_slug, count(*)::int as n from scale_event_orgs group by municipality_slug`);
  const batch = options.batchSize ?? 25_000;
  for (let from = 1; from <= options.total; from += batch) {
    const to = Math.min(options.total, from + batch - 1);
    const common = [options.seed, from, to, options.now.toISOString()];
    await client.query(INSERT_EVENTS, [
      ...common,
      villages.map((v) => v.name),
      villages.map((v) => v.municipality),
      [...EVENT_TYPES],
      THEMES.map((t) => t.slug),
      TOPIC_WORDS,
      JSON.stringify(TYPE_TITLES),
    ]);
    await client.query(INSERT_OCCURRENCES, common);
    options.onProgress?.(to, options.total);
  }
  const { rows } = await client.query<{ e: number; o: number }>(
    "select (select count(*)::int from events where slug like 'evenement-%') as e, (select count(*)::int from event_occurrences) as o",
  );
  return { events: rows[0].e, occurrences: rows[0].o };
}

/**
 * Adds the synthetic events to a scale database that has none yet (a set made before events existed, or a fresh one
 * right after its organisations), then refreshes the statistics. Returns what was added, or null when they were there.
 */
export async function ensureScaleEvents(
  db: Db,
  options: { total: number; seed: number; now: Date; onProgress?: (done: number, total: number) => void },
): Promise<{ events: number; occurrences: number; ms: number } | null> {
  const { rows } = await db.$client.query<{ n: number }>("select count(*)::int as n from events where slug like 'evenement-%'");
  if (rows[0].n > 0 || options.total === 0) return null;
  const started = performance.now();
  const client = await db.$client.connect();
  let result: { events: number; occurrences: number };
  try {
    await client.query('begin');
    result = await seedScaleEvents(client, options);
    await client.query('commit');
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
  await db.$client.query('vacuum analyze events');
  await db.$client.query('vacuum analyze event_occurrences');
  return { ...result, ms: Math.round(performance.now() - started) };
}
