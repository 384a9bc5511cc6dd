/**
 * The benchmark's search mix: a fixed (seeded) list of different searches and filter combinations, as the
 * directory page and the open data API take them (see directory.validation.ts). Broad words that match most of
 * the scale set, rare words that match a handful, typos, filter-only queries, awkward input, every sort.
 */
import { CERTIFICATIONS, region, THEMES } from '../../src/data/reference.ts';
import { createRandom, type Random } from '../../src/features/demo/demo.random.ts';
import { ADJECTIVES, CITIES, NOUNS, RARE_PREFIXES, RARE_SUFFIXES, TOPIC_WORDS } from '../../src/features/demo/scale.vocabulary.ts';

export type SearchKind = 'broad' | 'common' | 'rare' | 'name' | 'typo' | 'phrase' | 'odd' | 'filters-only';

export type SearchSpec = {
  kind: SearchKind;
  q?: string;
  gemeente?: string;
  thema?: string[];
  sdg?: number[];
  certificering?: string;
  sort?: 'relevantie' | 'naam' | 'nieuwste';
  page?: number;
  /** API only. */
  pageSize?: number;
};

export const BROAD_WORDS = ['duurzaam', 'zorg', 'werk', 'energie', 'jongeren', 'natuur', 'voedsel', 'duurzame energie', 'samenwerking', 'ouderen'];
const SORTS = [undefined, 'relevantie', 'naam', 'nieuwste'] as const;

/** One small typing mistake: a letter dropped, doubled, swapped with the next, or replaced. */
export function typo(word: string, random: Random): string {
  const i = random.int(1, word.length - 2);
  switch (random.int(0, 3)) {
    case 0:
      return word.slice(0, i) + word.slice(i + 1);
    case 1:
      return word.slice(0, i) + word[i] + word.slice(i);
    case 2:
      return word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2);
    default:
      return word.slice(0, i) + 'aeiou'[random.int(0, 4)] + word.slice(i + 1);
  }
}

const ODD_INPUTS = [
  '"groene energie"',
  'zorg -ouderen',
  'zorg OR energie',
  'a&b|c!',
  "'; drop table organisations; --",
  'café crème',
  'Zorg & Welzijn',
  '🌱 duurzaam 🚲',
  '((((zorg',
  'x'.repeat(300),
  'duurzaam '.repeat(40).trim(),
  '%_\\',
  '<script>alert(1)</script>',
  'ÄÖÜ éèê',
];

function filters(random: Random, spec: SearchSpec, chance: number): void {
  if (random.chance(chance)) spec.gemeente = random.pick(region.municipalities).slug;
  if (random.chance(chance)) spec.thema = random.sample(THEMES, random.chance(0.25) ? 2 : 1).map((t) => t.slug);
  if (random.chance(chance * 0.8)) spec.sdg = random.sample(Array.from({ length: 17 }, (_, i) => i + 1), random.chance(0.25) ? 2 : 1);
  if (random.chance(chance * 0.5)) spec.certificering = random.pick(CERTIFICATIONS).code;
}

function makeSpec(random: Random, n: number): SearchSpec {
  const kinds: SearchKind[] = ['broad', 'broad', 'common', 'common', 'rare', 'rare', 'name', 'typo', 'typo', 'phrase', 'odd', 'filters-only', 'filters-only'];
  const kind = kinds[n % kinds.length];
  const spec: SearchSpec = { kind };
  switch (kind) {
    case 'broad':
      spec.q = random.pick(BROAD_WORDS);
      break;
    case 'common':
      spec.q = random.pick(TOPIC_WORDS.slice(0, 120));
      break;
    case 'rare':
      spec.q = random.chance(0.5) ? random.pick(TOPIC_WORDS.slice(160)) : random.pick(RARE_PREFIXES) + random.pick(RARE_SUFFIXES);
      break;
    case 'name':
      spec.q = random.chance(0.5) ? `${random.pick(ADJECTIVES)} ${random.pick(NOUNS)}`.toLowerCase() : random.pick(CITIES);
      break;
    case 'typo': {
      const word = random.pick([...NOUNS, ...TOPIC_WORDS.filter((w) => !w.includes(' '))].filter((w) => w.length >= 6)).toLowerCase();
      spec.q = typo(word, random);
      break;
    }
    case 'phrase':
      spec.q = `${random.pick(TOPIC_WORDS.slice(0, 60))} ${random.pick(TOPIC_WORDS.slice(0, 200))}`;
      break;
    case 'odd':
      spec.q = random.pick(ODD_INPUTS);
      break;
    case 'filters-only':
      break;
  }
  filters(random, spec, kind === 'filters-only' ? 0.6 : 0.3);
  if (kind === 'filters-only' && !spec.gemeente && !spec.thema && !spec.sdg && !spec.certificering) spec.gemeente = random.pick(region.municipalities).slug;
  spec.sort = SORTS[n % SORTS.length];
  if (random.chance(0.2)) spec.page = random.int(2, 5);
  if (random.chance(0.15)) spec.pageSize = random.pick([10, 50, 100]);
  return spec;
}

/** The query string of a search; `api` adds pageSize (the HTML page has a fixed page size). */
export function queryString(spec: SearchSpec, api: boolean): string {
  const p = new URLSearchParams();
  if (spec.q !== undefined) p.set('q', spec.q);
  if (spec.gemeente) p.set('gemeente', spec.gemeente);
  for (const t of spec.thema ?? []) p.append('thema', t);
  for (const s of spec.sdg ?? []) p.append('sdg', String(s));
  if (spec.certificering) p.set('certificering', spec.certificering);
  if (spec.sort) p.set('sort', spec.sort);
  if (spec.page) p.set('page', String(spec.page));
  if (api && spec.pageSize) p.set('pageSize', String(spec.pageSize));
  return p.toString();
}

/** At least `count` different searches (distinct on the API query string), always the same for a seed. */
export function buildSearchMix(count = 300, seed = 4242): SearchSpec[] {
  const random = createRandom(seed);
  const seen = new Set<string>();
  // The plain listing and the broadest searches without filters, in every sort: the worst cases must be in.
  const anchors: SearchSpec[] = [
    { kind: 'filters-only' },
    { kind: 'filters-only', sort: 'nieuwste' },
    ...SORTS.flatMap((sort) => [{ kind: 'broad' as const, q: 'duurzaam', sort }, { kind: 'broad' as const, q: 'zorg', sort }]),
  ];
  const out: SearchSpec[] = [];
  for (const spec of anchors) {
    seen.add(queryString(spec, true));
    out.push(spec);
  }
  for (let n = 0; out.length < count && n < count * 20; n++) {
    const spec = makeSpec(random, n);
    const key = queryString(spec, true);
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(spec);
  }
  return random.shuffle(out);
}

export const searchPath = (spec: SearchSpec, route: 'page' | 'api') =>
  route === 'page' ? `/ondernemers?${queryString(spec, false)}` : `/api/v1/ondernemers?${queryString(spec, true)}`;
