import { region } from '../../data/reference.ts';
import type { Role } from '../../data/reference.ts';

/** The password of every demo login; demo accounts exist only in demo data. */
export const DEMO_PASSWORD = 'demo-impactregio';
export const DEMO_EMAIL_DOMAIN = 'demo.impactregio.nl';

export type DemoUser = {
  email: string;
  /** A fictional person. */
  name: string;
  /** Short Dutch description for the start banner and the README. */
  description: string;
  roles: Array<{ role: Role; municipality?: string }>;
};

const ACCOUNT_MANAGER_NAMES = ['Lotte Mulder', 'Erik Smit', 'Fatima el Amrani', 'Henk Lubbers', 'Ingrid Wolters', 'Joost Veenstra', 'Noor Hendriks', 'Wim Brouwer'];

const municipalityName = (slug: string) => region.municipalities.find((m) => m.slug === slug)?.name ?? slug;

/** Every demo login, in the order the start banner lists them. */
export function demoUsers(): DemoUser[] {
  const emmen = region.municipalities.some((m) => m.slug === 'emmen') ? 'emmen' : region.municipalities[0].slug;
  return [
    {
      email: `coordinator@${DEMO_EMAIL_DOMAIN}`,
      name: 'Marieke Hoving',
      description: 'Makelaar met mandaat (coördinator, hele regio)',
      roles: [{ role: 'coordinator' }],
    },
    { email: `admin@${DEMO_EMAIL_DOMAIN}`, name: 'Bas Kuiper', description: 'Beheerder', roles: [{ role: 'admin' }] },
    {
      email: `ondernemer@${DEMO_EMAIL_DOMAIN}`,
      name: 'Sanne Bakker',
      description: 'Impactondernemer met drie organisaties (één concept)',
      roles: [{ role: 'entrepreneur' }],
    },
    ...region.municipalities.map((m, idx) => ({
      email: `accountmanager.${m.slug}@${DEMO_EMAIL_DOMAIN}`,
      name: ACCOUNT_MANAGER_NAMES[idx % ACCOUNT_MANAGER_NAMES.length],
      description: `Accountmanager gemeente ${m.name}`,
      roles: [{ role: 'account_manager' as const, municipality: m.slug }],
    })),
    {
      email: `inkoper.${emmen}@${DEMO_EMAIL_DOMAIN}`,
      name: 'Ronald Schuiling',
      description: `Inkoper gemeente ${municipalityName(emmen)}`,
      roles: [{ role: 'procurement_officer', municipality: emmen }],
    },
    {
      email: `partner@${DEMO_EMAIL_DOMAIN}`,
      name: 'Anouk de Boer',
      description: 'Partner: medewerker van IBDO',
      roles: [{ role: 'partner' }],
    },
    {
      email: `deelnemer@${DEMO_EMAIL_DOMAIN}`,
      name: 'Yvonne Meijer',
      description: 'Deelnemer leergang',
      roles: [{ role: 'learner' }],
    },
  ];
}
