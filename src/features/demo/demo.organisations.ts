import { region } from '../../data/reference.ts';
import { slugify } from '../../lib/ids.ts';
import { PEOPLE_ARCHETYPES } from './demo.archetypes.people.ts';
import { PLANET_ARCHETYPES } from './demo.archetypes.planet.ts';
import { PLACES, postcodeFor, STREETS } from './demo.places.ts';
import { createRandom } from './demo.random.ts';
import type { Archetype } from './demo.types.ts';

type Status = 'draft' | 'in_review' | 'published' | 'rejected' | 'archived';

/** One fictional organisation, ready to insert (ids and the search vector are left to the database). */
export type DemoOrganisation = {
  key: string;
  slug: string;
  name: string;
  kvkNumber: string;
  legalForm: string;
  municipalitySlug: string;
  streetAddress: string;
  postcode: string;
  city: string;
  lat: number;
  lng: number;
  website: string;
  email: string;
  pitch: string;
  description: string;
  impactProblem: string;
  impactTargetGroup: string;
  impactMeasurement: string;
  themeSlugs: string[];
  sdgs: number[];
  certifications: Array<{ code: string; otherName: string | null; verified: boolean }>;
  foundedYear: number;
  employees: number;
  employeesDistanceToLabourMarket: number;
  offer: string;
  needs: string;
  status: Status;
  rejectionReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
  /** When the coordinator last approved or rejected it. */
  reviewedAt: Date | null;
  /** When consent to publish was given (null: never), and withdrawn. */
  consentGivenAt: Date | null;
  consentWithdrawnAt: Date | null;
  /** Owned by the demo entrepreneur login. */
  ownedByDemoEntrepreneur: boolean;
};

export const DEMO_SEED = 20_260_101;

export const ARCHETYPES: readonly Archetype[] = [...PLANET_ARCHETYPES, ...PEOPLE_ARCHETYPES];

/** The demo entrepreneur's organisations: one published, one waiting for review, one draft. */
const ENTREPRENEUR_ORGANISATIONS = new Set(['streekkrat:0', 'hennep:0', 'kleinwonen:1']);

/** A few organisations outside "published", so moderation and "my organisations" have something to show. */
const STATUS_OVERRIDES: Readonly<Record<string, Status>> = {
  'hennep:0': 'in_review',
  'kleinwonen:1': 'draft',
  'regenwater:1': 'in_review',
  'zorgtech:0': 'in_review',
  'muziek:1': 'in_review',
  'insecten:1': 'in_review',
  'mantelzorg:0': 'in_review',
  'beweeg:1': 'draft',
  'toerisme:0': 'draft',
  'laptop:1': 'rejected',
  'compost:0': 'rejected',
  'atelier:1': 'rejected',
  'drukwerk:0': 'archived',
};

const REJECTION_REASONS: Readonly<Record<string, string>> = {
  laptop: 'De beschrijving van uw impact is nog te algemeen. Vertel wat u meet en hoe vaak u dat doet.',
  compost: 'Wij missen een doelgroep. Voor wie maakt uw bedrijf het verschil? Vul dat aan en dien het profiel opnieuw in.',
  atelier: 'Het KvK-nummer past niet bij de naam van de organisatie. Controleer het nummer en dien het profiel opnieuw in.',
};

const OTHER_CERTIFICATIONS = ['Erkend leerbedrijf (SBB)', 'ISO 14001', 'Keurmerk Zorgboerderijen'];

/** How many organisations each municipality gets (80 in total); Emmen is the largest. */
const MUNICIPALITY_WEIGHTS: Readonly<Record<string, number>> = {
  emmen: 20,
  hoogeveen: 14,
  hardenberg: 13,
  coevorden: 12,
  'borger-odoorn': 11,
  'aa-en-hunze': 10,
};

const DAY = 24 * 3600_000;

function fill(text: string, place: string, municipality: string): string {
  return text.replaceAll('{plaats}', place).replaceAll('{gemeente}', municipality);
}

function pickCertificationCode(random: ReturnType<typeof createRandom>, archetype: Archetype): string {
  const inclusive = archetype.themes.includes('inclusief-werk');
  const pool = inclusive
    ? ['pso', 'pso', 'social-enterprise-nl', 'code-sociale-ondernemingen', 'anders']
    : ['social-enterprise-nl', 'b-corp', 'code-sociale-ondernemingen', 'anders'];
  return random.pick(pool);
}

/** The ~80 fictional impact organisations, identical on every run for the same `now`. */
export function buildDemoOrganisations(now: Date): DemoOrganisation[] {
  const random = createRandom(DEMO_SEED);
  const municipalities = region.municipalities.map((m) => m.slug);
  const slots: string[] = [];
  for (const slug of municipalities) {
    for (let i = 0; i < (MUNICIPALITY_WEIGHTS[slug] ?? Math.ceil(80 / municipalities.length)); i++) slots.push(slug);
  }
  const total = ARCHETYPES.length * 2;
  // Every municipality first, then the weighted rest, so none is ever left out.
  const assignment = [...municipalities, ...random.shuffle(slots).slice(0, Math.max(0, total - municipalities.length))];
  const order = random.shuffle(assignment);

  const out: DemoOrganisation[] = [];
  for (let variant = 0; variant < 2; variant++) {
    for (const archetype of ARCHETYPES) {
      const n = out.length;
      const key = `${archetype.key}:${variant}`;
      const municipalitySlug = order[n];
      const municipality = region.municipalities.find((m) => m.slug === municipalitySlug)!;
      const municipalityName = municipality.name;
      // Another region has no village list here: use its municipality centre.
      const places = PLACES[municipalitySlug] ?? [{ name: municipality.name, postcode: '1234', lat: municipality.lat, lng: municipality.lng }];
      const place = random.pick(places);
      const name = archetype.names[variant];
      const slug = slugify(name);
      const status = STATUS_OVERRIDES[key] ?? 'published';

      const employees = random.int(archetype.employees[0], archetype.employees[1]);
      const distance = Math.min(employees, Math.round(employees * archetype.distanceShare * (0.7 + random.next() * 0.6)));

      const certifications: DemoOrganisation['certifications'] = [];
      if (random.chance(0.5)) {
        const count = random.chance(0.2) ? 2 : 1;
        for (let c = 0; c < count; c++) {
          const code = pickCertificationCode(random, archetype);
          if (certifications.some((x) => x.code === code)) continue;
          certifications.push({
            code,
            otherName: code === 'anders' ? random.pick(OTHER_CERTIFICATIONS) : null,
            verified: (status === 'published' || status === 'archived') && random.chance(0.55),
          });
        }
      }

      const createdAt = new Date(now.getTime() - random.int(60, 900) * DAY - random.int(0, 86_399) * 1000);
      const publishedAt = status === 'published' || status === 'archived' ? new Date(createdAt.getTime() + random.int(3, 20) * DAY) : null;
      const submittedAt =
        status === 'in_review'
          ? new Date(now.getTime() - random.int(1, 12) * DAY - random.int(0, 86_399) * 1000)
          : status === 'rejected'
            ? new Date(now.getTime() - random.int(15, 40) * DAY)
            : publishedAt
              ? new Date(publishedAt.getTime() - random.int(1, 3) * DAY)
              : null;
      const reviewedAt = publishedAt ?? (status === 'rejected' && submittedAt ? new Date(submittedAt.getTime() + 2 * DAY) : null);
      const consentGivenAt = submittedAt ? new Date(submittedAt.getTime() - 5 * 60_000) : null;
      const consentWithdrawnAt = status === 'archived' ? new Date(now.getTime() - random.int(5, 30) * DAY) : null;
      // Never later than the review: otherwise every demo profile would show up as "changed since approval".
      const updatedAt = new Date(Math.max(createdAt.getTime(), reviewedAt?.getTime() ?? 0, submittedAt?.getTime() ?? 0));
      const street = `${random.pick(STREETS)} ${random.int(1, 140)}`;
      const postcode = postcodeFor(place.postcode, (k) => random.int(0, k - 1));
      const lat = Math.round((place.lat + (random.next() - 0.5) * 0.02) * 1e5) / 1e5;
      const lng = Math.round((place.lng + (random.next() - 0.5) * 0.03) * 1e5) / 1e5;
      const foundedYear = Math.min(now.getUTCFullYear(), random.int(2006, 2024));

      out.push({
        key,
        slug,
        name,
        // 0000xxxx: eight digits as the KvK requires, but obviously not a real registration.
        kvkNumber: String(n + 1).padStart(8, '0'),
        legalForm: archetype.legalForm,
        municipalitySlug,
        streetAddress: street,
        postcode,
        city: place.name,
        lat,
        lng,
        // The reserved .example top-level domain can never point at a real business.
        website: `https://${slug}.example`,
        email: `info@${slug}.example`,
        pitch: fill(archetype.pitch, place.name, municipalityName),
        description: fill(archetype.description, place.name, municipalityName),
        impactProblem: fill(archetype.problem, place.name, municipalityName),
        impactTargetGroup: fill(archetype.targetGroup, place.name, municipalityName),
        impactMeasurement: fill(archetype.measurement, place.name, municipalityName),
        themeSlugs: [...archetype.themes],
        sdgs: [...archetype.sdgs].sort((a, b) => a - b),
        certifications,
        foundedYear,
        employees,
        employeesDistanceToLabourMarket: distance,
        offer: fill(archetype.offer, place.name, municipalityName),
        needs: fill(archetype.needs, place.name, municipalityName),
        status,
        rejectionReason: status === 'rejected' ? (REJECTION_REASONS[archetype.key] ?? REJECTION_REASONS.laptop) : null,
        createdAt,
        updatedAt,
        submittedAt,
        publishedAt,
        reviewedAt,
        consentGivenAt,
        consentWithdrawnAt,
        ownedByDemoEntrepreneur: ENTREPRENEUR_ORGANISATIONS.has(key),
      });
    }
  }
  return out;
}
