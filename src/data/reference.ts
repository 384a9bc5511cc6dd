import { readFileSync } from 'node:fs';
import { z } from 'zod';
import type { Role } from './roles.ts';

/** Curated reference data. The region comes from a JSON file so another region can run its own instance. */

const RegionFileSchema = z.object({
  slug: z.string().regex(/^[a-z0-9-]+$/),
  name: z.string().min(1),
  platformName: z.string().min(1),
  provinces: z.array(z.string()),
  municipalities: z
    .array(
      z.object({
        slug: z.string().regex(/^[a-z0-9-]+$/),
        name: z.string().min(1),
        province: z.string().min(1),
        cbsCode: z.string().regex(/^GM[0-9]{4}$/),
        lat: z.number(),
        lng: z.number(),
      }),
    )
    .min(1),
});
export type RegionData = z.infer<typeof RegionFileSchema>;

export function loadRegion(file: string | URL = new URL('./regions/zuid-en-oost-drenthe.json', import.meta.url)): RegionData {
  return RegionFileSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
}

export const region: RegionData = loadRegion();

export type Labelled = { nl: string; en: string };

export const THEMES: ReadonlyArray<{ slug: string; label: Labelled }> = [
  { slug: 'circulaire-economie', label: { nl: 'Circulaire economie', en: 'Circular economy' } },
  { slug: 'energie', label: { nl: 'Energie', en: 'Energy' } },
  { slug: 'zorg-en-welzijn', label: { nl: 'Zorg en welzijn', en: 'Care and well-being' } },
  { slug: 'inclusief-werk', label: { nl: 'Inclusief werk', en: 'Inclusive work' } },
  { slug: 'voedsel', label: { nl: 'Voedsel', en: 'Food' } },
  { slug: 'onderwijs', label: { nl: 'Onderwijs', en: 'Education' } },
  { slug: 'wonen', label: { nl: 'Wonen', en: 'Housing' } },
  { slug: 'mobiliteit', label: { nl: 'Mobiliteit', en: 'Mobility' } },
  { slug: 'cultuur', label: { nl: 'Cultuur', en: 'Culture' } },
  { slug: 'natuur-en-biodiversiteit', label: { nl: 'Natuur en biodiversiteit', en: 'Nature and biodiversity' } },
  { slug: 'leefbaarheid', label: { nl: 'Leefbaarheid en buurt', en: 'Liveability and neighbourhood' } },
  { slug: 'armoede-en-schulden', label: { nl: 'Armoede en schulden', en: 'Poverty and debt' } },
];

/** The 17 Sustainable Development Goals with the SDG Nederland Dutch labels. */
export const SDGS: ReadonlyArray<{ number: number; label: Labelled }> = [
  { number: 1, label: { nl: 'Geen armoede', en: 'No poverty' } },
  { number: 2, label: { nl: 'Geen honger', en: 'Zero hunger' } },
  { number: 3, label: { nl: 'Goede gezondheid en welzijn', en: 'Good health and well-being' } },
  { number: 4, label: { nl: 'Kwaliteitsonderwijs', en: 'Quality education' } },
  { number: 5, label: { nl: 'Gendergelijkheid', en: 'Gender equality' } },
  { number: 6, label: { nl: 'Schoon water en sanitair', en: 'Clean water and sanitation' } },
  { number: 7, label: { nl: 'Betaalbare en duurzame energie', en: 'Affordable and clean energy' } },
  { number: 8, label: { nl: 'Eerlijk werk en economische groei', en: 'Decent work and economic growth' } },
  { number: 9, label: { nl: 'Industrie, innovatie en infrastructuur', en: 'Industry, innovation and infrastructure' } },
  { number: 10, label: { nl: 'Ongelijkheid verminderen', en: 'Reduced inequalities' } },
  { number: 11, label: { nl: 'Duurzame steden en gemeenschappen', en: 'Sustainable cities and communities' } },
  { number: 12, label: { nl: 'Verantwoorde consumptie en productie', en: 'Responsible consumption and production' } },
  { number: 13, label: { nl: 'Klimaatactie', en: 'Climate action' } },
  { number: 14, label: { nl: 'Leven in het water', en: 'Life below water' } },
  { number: 15, label: { nl: 'Leven op het land', en: 'Life on land' } },
  { number: 16, label: { nl: 'Vrede, justitie en sterke publieke diensten', en: 'Peace, justice and strong institutions' } },
  { number: 17, label: { nl: 'Partnerschap om doelstellingen te bereiken', en: 'Partnerships for the goals' } },
];

export const CERTIFICATIONS: ReadonlyArray<{ code: string; label: Labelled }> = [
  { code: 'code-sociale-ondernemingen', label: { nl: 'Code Sociale Ondernemingen', en: 'Code for Social Enterprises' } },
  { code: 'pso', label: { nl: 'PSO (Prestatieladder Socialer Ondernemen)', en: 'PSO (Social Enterprise Performance Ladder)' } },
  { code: 'b-corp', label: { nl: 'B Corp', en: 'B Corp' } },
  { code: 'social-enterprise-nl', label: { nl: 'Lid van Social Enterprise NL', en: 'Social Enterprise NL member' } },
  { code: 'anders', label: { nl: 'Anders', en: 'Other' } },
];

export const LEGAL_FORMS: ReadonlyArray<{ code: string; label: Labelled }> = [
  { code: 'eenmanszaak', label: { nl: 'Eenmanszaak', en: 'Sole proprietorship' } },
  { code: 'vof', label: { nl: 'Vennootschap onder firma (vof)', en: 'General partnership (vof)' } },
  { code: 'bv', label: { nl: 'Besloten vennootschap (bv)', en: 'Private limited company (bv)' } },
  { code: 'stichting', label: { nl: 'Stichting', en: 'Foundation (stichting)' } },
  { code: 'cooperatie', label: { nl: 'Coöperatie', en: 'Cooperative' } },
  { code: 'vereniging', label: { nl: 'Vereniging', en: 'Association' } },
  { code: 'anders', label: { nl: 'Anders', en: 'Other' } },
];

export { ROLES, type Role } from './roles.ts';

/** Staff roles are scoped to municipalities; the others are not. */
export const MUNICIPALITY_SCOPED_ROLES: ReadonlySet<Role> = new Set(['account_manager', 'procurement_officer']);

export const themeSlugs = THEMES.map((t) => t.slug);
export const municipalitySlugs = () => region.municipalities.map((m) => m.slug);
export const certificationCodes = CERTIFICATIONS.map((c) => c.code);
