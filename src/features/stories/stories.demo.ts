import type { DbOrTx } from '../../db/client.ts';
import { region } from '../../data/reference.ts';
import { stories, storyOrganisations } from './stories.schema.ts';

const DAY = 24 * 3600_000;

/** What the demo seed knows of a published demo organisation. */
export type DemoStoryOrganisation = { id: string; slug: string; name: string; municipalitySlug: string; pitch: string; themeSlugs: string[] };

const municipalityName = (slug: string) => region.municipalities.find((m) => m.slug === slug)?.name ?? slug;

/**
 * Fictional demo stories (is_demo, and every page labels them "demoverhaal (verzonnen)"): three portraits of published
 * demo organisations and two news items about the programme. Deterministic: the same organisations give the same text.
 */
export function buildDemoStories(now: Date, orgs: DemoStoryOrganisation[]) {
  const portraits = orgs.slice(0, 3).map((o, n) => {
    const place = municipalityName(o.municipalitySlug);
    return {
      slug: `demo-portret-${o.slug}`.slice(0, 90),
      kind: 'portret' as const,
      title: `${o.name}: ondernemen met impact in ${place}`,
      lead: `Een verzonnen portret voor de demo. ${o.pitch}`.slice(0, 380),
      body: [
        `*Dit verhaal is verzonnen en hoort bij de demo-omgeving.*`,
        '',
        '## Hoe het begon',
        '',
        `${o.name} begon klein, aan de keukentafel in ${place}. "We zagen een probleem dat niemand oploste," vertelt de oprichter. "Dus zijn we het zelf gaan doen."`,
        '',
        '## Wat ze doen',
        '',
        o.pitch,
        '',
        '- Samenwerken met de gemeente en andere ondernemers',
        '- Werk voor mensen die minder makkelijk aan een baan komen',
        '- Elk jaar meten wat het oplevert',
        '',
        '## Wat ze zoeken',
        '',
        `Ze zoeken partners en opdrachtgevers in de regio. Bekijk [hun profiel](/ondernemers/${o.slug}) of kom naar een van de [bijeenkomsten in de agenda](/agenda).`,
      ].join('\n'),
      themeSlugs: o.themeSlugs.slice(0, 2),
      organisationIds: [o.id],
      publishedAt: new Date(now.getTime() - (5 + n * 9) * DAY),
    };
  });
  const news = [
    {
      slug: 'demo-nieuws-makelaar-met-mandaat',
      kind: 'nieuws' as const,
      title: 'Makelaar met mandaat: één aanspreekpunt voor impactondernemers',
      lead: 'Een verzonnen nieuwsbericht voor de demo: de makelaar met mandaat verbindt impactondernemers met de gemeenten in de regio.',
      body: [
        '*Dit bericht is verzonnen en hoort bij de demo-omgeving.*',
        '',
        'Heeft u als impactondernemer een vraag aan de gemeente? Dan hoeft u niet meer zelf uit te zoeken bij wie u moet zijn. De makelaar met mandaat zoekt het voor u uit en blijft uw vaste aanspreekpunt.',
        '',
        '## Zo werkt het',
        '',
        '1. U stelt uw vraag via [Hulp vragen](/hulp-vragen).',
        '2. De makelaar of de accountmanager van uw gemeente neemt contact met u op.',
        '3. Samen zoekt u naar een oplossing of de juiste partner.',
      ].join('\n'),
      themeSlugs: [] as string[],
      organisationIds: [] as string[],
      publishedAt: new Date(now.getTime() - 12 * DAY),
    },
    {
      slug: 'demo-nieuws-inkoopsessie',
      kind: 'nieuws' as const,
      title: 'Gemeenten kopen vaker in bij impactondernemers',
      lead: 'Een verzonnen nieuwsbericht voor de demo over sociaal ondernemen en inkoop bij gemeenten.',
      body: [
        '*Dit bericht is verzonnen en hoort bij de demo-omgeving.*',
        '',
        'De gemeenten in de regio willen vaker inkopen bij ondernemers die een maatschappelijk doel hebben. Tijdens inkoopsessies maken inkopers en ondernemers kennis met elkaar.',
        '',
        'Wilt u erbij zijn? Kijk in de [agenda](/agenda) voor de volgende sessie.',
      ].join('\n'),
      themeSlugs: [] as string[],
      organisationIds: [] as string[],
      publishedAt: new Date(now.getTime() - 30 * DAY),
    },
  ];
  return [...portraits, ...news];
}

/** Inserts the demo stories (inside the demo seed's transaction); returns how many. */
export async function seedDemoStories(tx: DbOrTx, p: { now: Date; coordinatorId: string | null; organisations: DemoStoryOrganisation[] }): Promise<number> {
  const rows = buildDemoStories(p.now, p.organisations);
  if (rows.length === 0) return 0;
  const inserted = await tx
    .insert(stories)
    .values(
      rows.map((r) => ({
        slug: r.slug,
        kind: r.kind,
        title: r.title,
        lead: r.lead,
        body: r.body,
        themeSlugs: r.themeSlugs,
        status: 'published' as const,
        isDemo: true,
        createdByUserId: p.coordinatorId,
        publishedAt: r.publishedAt,
        createdAt: r.publishedAt,
        updatedAt: r.publishedAt,
      })),
    )
    .onConflictDoNothing({ target: stories.slug })
    .returning({ id: stories.id, slug: stories.slug });
  const idOf = new Map(inserted.map((s) => [s.slug, s.id]));
  const links = rows.flatMap((r) => (idOf.has(r.slug) ? r.organisationIds.map((organisationId) => ({ storyId: idOf.get(r.slug)!, organisationId })) : []));
  if (links.length) await tx.insert(storyOrganisations).values(links);
  return inserted.length;
}
