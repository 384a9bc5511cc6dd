/**
 * The national-scale synthetic set for benchmarks: tens of thousands of fictional organisations, generated inside
 * PostgreSQL (INSERT ... SELECT over generate_series) so 50,000 rows take seconds, not minutes. Deterministic for
 * a given seed. Never for the normal database: see loadScaleSet's guards.
 */
import type { Db } from '../../db/client.ts';
import { CERTIFICATIONS, THEMES } from '../../data/reference.ts';
import { CONSENT_TEXT_VERSION } from '../profiles/profiles.validation.ts';
import { ensureScaleEvents, SCALE_EVENTS_PER_ORGANISATION } from '../agenda/agenda.scale.ts';
import { ARCHETYPES } from './demo.organisations.ts';
import { PLACES, STREETS } from './demo.places.ts';
import {
  ADJECTIVES,
  CITIES,
  LEGAL_FORM_CODES,
  NOUNS,
  OPENERS,
  OTHER_CERTIFICATION_NAMES,
  RARE_PREFIXES,
  RARE_SUFFIXES,
  SURNAMES,
  TOPIC_WORDS,
} from './scale.vocabulary.ts';

/** app_settings key that marks a database as holding a scale set (and with which size and seed). */
export const SCALE_SETTING_KEY = 'scale_seed';
export const DEFAULT_SCALE_ORGANISATIONS = 50_000;
export const DEFAULT_SCALE_SEED = 20_260_509;

export type ScaleSeedOptions = {
  organisations: number;
  seed?: number;
  /** The "now" that creation and publication dates count back from. */
  now?: Date;
  batchSize?: number;
  onProgress?: (done: number, total: number) => void;
  /** Synthetic events (a third of them series) with their occurrences; default 4 per organisation (200,000 for 50,000). */
  events?: number;
  onEventsProgress?: (done: number, total: number) => void;
};

// Every random decision for row i is a separate hash of (i, key), so rows do not depend on each other or on order.
const h = (key: string) => `(hashtextextended(g.i::text || ':${key}', $1::bigint) & 2147483647)`;
const u = (key: string) => `(${h(key)}::float8 / 2147483648.0)`;
const pick = (param: string, key: string) => `(${param})[1 + ${h(key)} % cardinality(${param})]`;
/** Skewed towards the start of the list: the first words are common, the last ones rare. */
const skewed = (param: string, key: string) => `(${param})[1 + floor(cardinality(${param}) * power(${u(key)}, 3))::int]`;
/** An archetype text with its placeholders filled in with the village. */
const fill = (param: string) => `replace(replace((${param}::text[])[r.a], '{plaats}', ($15::text[])[r.v]), '{gemeente}', ($15::text[])[r.v])`;

const INSERT_ORGANISATIONS = `
insert into organisations (
  slug, name, kvk_number, legal_form, municipality_slug, street_address, postcode, city, lat, lng, website, email,
  pitch, description, impact_problem, impact_target_group, impact_measurement, theme_slugs, sdgs, certification_codes,
  founded_year, employees, employees_distance_to_labour_market, offer, needs, status, rejection_reason, is_demo,
  published_at, reviewed_at, submitted_at, created_at, updated_at)
select
  trim(both '-' from regexp_replace(lower(ir_unaccent(nm.name)), '[^a-z0-9]+', '-', 'g')) || '-' || r.i,
  nm.name,
  '1' || lpad(r.i::text, 7, '0'),
  case when r.name_kind = 2 then 'stichting' else r.legal_form end,
  ($17::text[])[r.v],
  r.street,
  ($16::text[])[r.v] || ' ' || r.postcode_letters,
  ($15::text[])[r.v],
  round((($18::float8[])[r.v] + r.dlat)::numeric, 5)::float8,
  round((($19::float8[])[r.v] + r.dlng)::numeric, 5)::float8,
  'https://' || trim(both '-' from regexp_replace(lower(ir_unaccent(nm.name)), '[^a-z0-9]+', '-', 'g')) || '-' || r.i || '.example',
  null,
  ${fill('$5')},
  ${fill('$6')}
    || ' ' || r.opener || ' ' || r.w1 || ', ' || r.w2 || ' en ' || r.w3 || '.'
    || case when r.has_rare then ' Bekend om onze ' || r.rare || '.' else '' end
    || ' Ook ' || r.w4 || ' en ' || r.w5 || ' horen bij ons werk.',
  ${fill('$7')},
  ${fill('$8')},
  ${fill('$9')},
  (select array_agg(distinct x order by x) from unnest(string_to_array(($12::text[])[r.a], ',') || r.extra_theme) x where x is not null),
  (select array_agg(distinct x order by x) from unnest(string_to_array(($13::text[])[r.a], ',')::smallint[] || r.extra_sdg) x where x is not null),
  coalesce((select array_agg(distinct x order by x) from unnest(array[r.cert1, r.cert2]) x where x is not null), '{}'),
  r.founded_year,
  r.employees,
  floor(r.employees * r.distance_share)::int,
  ${fill('$10')} || case when r.has_rare then ' Ook ' || r.rare || '.' else '' end,
  ${fill('$11')},
  r.status::organisation_status,
  case when r.status = 'rejected' then 'De beschrijving van de impact is nog te algemeen.' end,
  true,
  case when r.status in ('published', 'archived') then r.created_at + r.publish_delay end,
  case when r.status in ('published', 'archived') then r.created_at + r.publish_delay when r.status = 'rejected' then $4::timestamptz - interval '2 days' end,
  case when r.status in ('published', 'archived') then r.created_at + r.publish_delay - interval '1 day'
       when r.status in ('in_review', 'rejected') then $4::timestamptz - r.review_wait end,
  r.created_at,
  case when r.status in ('published', 'archived') then r.created_at + r.publish_delay else r.created_at end
from (
  select
    g.i,
    1 + ${h('a')} % cardinality($5::text[]) as a,
    1 + ${h('v')} % cardinality($15::text[]) as v,
    ${h('nk')} % 6 as name_kind,
    ${pick('$20::text[]', 'adj')} as adj,
    ${pick('$21::text[]', 'noun')} as noun,
    ${pick('$22::text[]', 'city')} as city,
    ${pick('$23::text[]', 'sur1')} as sur1,
    ${pick('$23::text[]', 'sur2')} as sur2,
    ${pick('$25::text[]', 'rp')} || ${pick('$26::text[]', 'rs')} as rare,
    ${u('hr')} < 0.5 as has_rare,
    ${pick('$27::text[]', 'op')} as opener,
    ${skewed('$24::text[]', 'w1')} as w1,
    ${skewed('$24::text[]', 'w2')} as w2,
    ${skewed('$24::text[]', 'w3')} as w3,
    ${skewed('$24::text[]', 'w4')} as w4,
    ${skewed('$24::text[]', 'w5')} as w5,
    case when ${u('xt')} < 0.3 then ${pick('$28::text[]', 'xt2')} end as extra_theme,
    case when ${u('xs')} < 0.3 then (1 + ${h('xs2')} % 17)::smallint end as extra_sdg,
    case when ${u('c1')} < 0.25 then ${pick('$29::text[]', 'c1b')} end as cert1,
    case when ${u('c2')} < 0.05 then ${pick('$29::text[]', 'c2b')} end as cert2,
    case when ${u('lf')} < 0.7 then ($14::text[])[1 + ${h('a')} % cardinality($5::text[])] else ${pick('$31::text[]', 'lf2')} end as legal_form,
    ${pick('$30::text[]', 'st')} || ' ' || (1 + ${h('hn')} % 180) as street,
    substr('BCEFGHJKLMNPRTVWXZ', 1 + (${h('pc1')} % 18)::int, 1) || substr('ABCDEFGHJKLMNPRSTVWXZ', 1 + (${h('pc2')} % 21)::int, 1) as postcode_letters,
    (${u('la')} - 0.5) * 0.03 as dlat,
    (${u('ln')} - 0.5) * 0.04 as dlng,
    (1985 + ${h('fy')} % 41)::smallint as founded_year,
    1 + floor(150 * power(${u('em')}, 4))::int as employees,
    ${u('ds')} * 0.6 as distance_share,
    case when ${u('s')} < 0.97 then 'published' when ${u('s')} < 0.98 then 'in_review' when ${u('s')} < 0.99 then 'draft'
         when ${u('s')} < 0.995 then 'rejected' else 'archived' end as status,
    $4::timestamptz - (${h('d')} % 3650) * interval '1 day' - (${h('d2')} % 86400) * interval '1 second' - interval '30 days' as created_at,
    (1 + ${h('pd')} % 20) * interval '1 day' as publish_delay,
    (${h('rw')} % 20) * interval '1 day' + interval '1 hour' as review_wait
  from generate_series($2::int, $3::int) as g(i)
) r
cross join lateral (
  select case r.name_kind
    when 0 then r.adj || ' ' || r.noun
    when 1 then r.noun || ' ' || r.city
    when 2 then 'Stichting ' || r.adj || ' ' || r.noun
    when 3 then initcap(r.sur1) || ' & ' || r.sur2
    when 4 then 'De ' || r.adj || ' ' || r.noun || ' ' || r.city
    else initcap(r.rare) || ' ' || r.noun
  end as name
) nm`;

function parameters(seed: number, from: number, to: number, now: Date): unknown[] {
  const villages = Object.entries(PLACES).flatMap(([municipality, places]) => places.map((p) => ({ ...p, municipality })));
  return [
    seed,
    from,
    to,
    now.toISOString(),
    ARCHETYPES.map((a) => a.pitch),
    ARCHETYPES.map((a) => a.description),
    ARCHETYPES.map((a) => a.problem),
    ARCHETYPES.map((a) => a.targetGroup),
    ARCHETYPES.map((a) => a.measurement),
    ARCHETYPES.map((a) => a.offer),
    ARCHETYPES.map((a) => a.needs),
    ARCHETYPES.map((a) => a.themes.join(',')),
    ARCHETYPES.map((a) => a.sdgs.join(',')),
    ARCHETYPES.map((a) => a.legalForm),
    villages.map((v) => v.name),
    villages.map((v) => v.postcode),
    villages.map((v) => v.municipality),
    villages.map((v) => v.lat),
    villages.map((v) => v.lng),
    ADJECTIVES,
    NOUNS,
    CITIES,
    SURNAMES,
    TOPIC_WORDS,
    RARE_PREFIXES,
    RARE_SUFFIXES,
    OPENERS,
    THEMES.map((t) => t.slug),
    CERTIFICATIONS.map((c) => c.code),
    STREETS,
    LEGAL_FORM_CODES,
  ];
}

/** Inserts the synthetic organisations with their certifications and consents. Expects a database without them. */
export async function seedScaleData(db: Db, options: ScaleSeedOptions): Promise<{ organisations: number; published: number }> {
  const total = options.organisations;
  if (!Number.isInteger(total) || total < 1 || total > 9_999_999) throw new Error('organisations must be a whole number from 1 to 9,999,999');
  const seed = options.seed ?? DEFAULT_SCALE_SEED;
  const now = options.now ?? new Date();
  const batch = options.batchSize ?? 10_000;
  const client = await db.$client.connect();
  try {
    await client.query('begin');
    for (let from = 1; from <= total; from += batch) {
      const to = Math.min(total, from + batch - 1);
      await client.query(INSERT_ORGANISATIONS, parameters(seed, from, to, now));
      options.onProgress?.(to, total);
    }
    await client.query(
      `insert into organisation_certifications (organisation_id, code, other_name, verified, verified_at)
       select o.id, c.code,
              case when c.code = 'anders' then ($1::text[])[1 + (hashtext(o.slug) & 2147483647) % cardinality($1::text[])] end,
              o.status = 'published' and (hashtext(o.slug || c.code) & 1) = 0,
              case when o.status = 'published' and (hashtext(o.slug || c.code) & 1) = 0 then o.published_at + interval '2 days' end
         from organisations o cross join lateral unnest(o.certification_codes) as c(code)`,
      [OTHER_CERTIFICATION_NAMES],
    );
    await client.query(
      `insert into publish_consents (organisation_id, user_id, text_version, given_at, withdrawn_at)
       select id, null, $1, coalesce(submitted_at, created_at), case when status = 'archived' then updated_at end
         from organisations where status in ('published', 'in_review', 'rejected', 'archived')`,
      [CONSENT_TEXT_VERSION],
    );
    const { rows } = await client.query<{ n: number; p: number }>(
      "select count(*)::int as n, count(*) filter (where status = 'published')::int as p from organisations",
    );
    await client.query(
      `insert into app_settings (key, value) values ($1, $2) on conflict (key) do update set value = excluded.value`,
      [SCALE_SETTING_KEY, JSON.stringify({ organisations: total, seed, at: now.toISOString() })],
    );
    await client.query('commit');
    return { organisations: rows[0].n, published: rows[0].p };
  } catch (e) {
    await client.query('rollback').catch(() => undefined);
    throw e;
  } finally {
    client.release();
  }
}

export type ScaleState =
  | { kind: 'empty' }
  | { kind: 'scale'; organisations: number; seed: number }
  /** Holds accounts or organisations that the scale seed did not make: never touch it. */
  | { kind: 'foreign'; organisations: number; users: number };

/** What the database holds now, as far as the scale seed is concerned. */
export async function scaleState(db: Db): Promise<ScaleState> {
  const { rows } = await db.$client.query<{ orgs: number; users: number; setting: string | null }>(
    `select (select count(*)::int from organisations) as orgs, (select count(*)::int from users) as users,
            (select value from app_settings where key = $1) as setting`,
    [SCALE_SETTING_KEY],
  );
  const { orgs, users, setting } = rows[0];
  if (users > 0 || (orgs > 0 && !setting)) return { kind: 'foreign', organisations: orgs, users };
  if (!setting || orgs === 0) return { kind: 'empty' };
  const parsed = JSON.parse(setting) as { seed: number };
  return { kind: 'scale', organisations: orgs, seed: parsed.seed };
}

export type LoadScaleResult =
  | { action: 'loaded'; organisations: number; published: number; ms: number }
  | { action: 'kept'; organisations: number };

/**
 * Makes sure the database holds a scale set: loads one into an empty database, keeps an existing one (of the
 * same size, or of any size with keepExisting), replaces one of another size. Refuses a database with other data.
 */
export async function loadScaleSet(
  db: Db,
  options: ScaleSeedOptions & { keepExisting?: boolean },
): Promise<LoadScaleResult> {
  const state = await scaleState(db);
  if (state.kind === 'foreign') {
    throw new Error(
      `This database already holds ${state.organisations} organisations and ${state.users} accounts that the scale seed did not make. ` +
        'The scale set only goes into a database of its own (the default is ./data-scale).',
    );
  }
  const events = (organisations = options.organisations) =>
    ensureScaleEvents(db, {
      total: options.events ?? organisations * SCALE_EVENTS_PER_ORGANISATION,
      seed: options.seed ?? DEFAULT_SCALE_SEED,
      now: options.now ?? new Date(),
      onProgress: options.onEventsProgress,
    });
  if (state.kind === 'scale' && (options.keepExisting || state.organisations === options.organisations)) {
    // A set made before the agenda existed gets its events now.
    await events(state.organisations);
    return { action: 'kept', organisations: state.organisations };
  }
  if (state.kind === 'scale') {
    // Only rows this generator made are here (no accounts; guarded above): start again at the new size.
    await db.$client.query('truncate organisations cascade');
    await db.$client.query('delete from app_settings where key = $1', [SCALE_SETTING_KEY]);
  }
  const started = performance.now();
  const result = await seedScaleData(db, options);
  await events();
  // Fresh statistics and visibility map, so the planner and index-only scans see the real table at once.
  await db.$client.query('vacuum analyze');
  return { action: 'loaded', ...result, ms: Math.round(performance.now() - started) };
}
