import type { DbOrTx } from '../../db/client.ts';
import { region } from '../../data/reference.ts';
import { eventOccurrences, events, type EventType, type RecurrenceRule } from './agenda.schema.ts';
import { expandRecurrence, monthlyPositionOf, toLocal, weekdayOf } from './recurrence.ts';

const DAY = 24 * 3600_000;

/** What the demo seed knows of a demo organisation that may organise an event. */
export type DemoEventOrganisation = { id: string; slug: string; municipalitySlug: string; mine: boolean; isPartner: boolean };

type Spec = {
  title: string;
  type: EventType;
  municipality: string;
  /** Days from now (negative: in the past) of the first date, and the local start time and length. */
  inDays: number;
  time: string;
  minutes: number;
  themes: string[];
  sdgs: number[];
  text: string;
  /** Who organises it: the programme (coordinator), a partner organisation, or an entrepreneur's organisation. */
  by: 'programme' | 'partner' | 'entrepreneur' | 'organisation';
  repeat?: { freq: 'weekly' | 'monthly'; interval?: number; count: number };
  online?: 'only' | 'also';
  registration?: { mode: 'internal' | 'external' | 'none'; capacity?: number };
  status?: 'published' | 'in_review' | 'cancelled';
  hidden?: boolean;
  place?: string;
};

const SPECS: Spec[] = [
  { title: 'Energiecafé Emmen', type: 'netwerkbijeenkomst', municipality: 'emmen', inDays: 4, time: '19:30', minutes: 120, themes: ['energie'], sdgs: [7, 13], by: 'programme', repeat: { freq: 'monthly', count: 6 }, registration: { mode: 'internal', capacity: 30 }, text: 'Elke maand praten ondernemers en inwoners over zonne-energie, warmtepompen en energiecoöperaties.', place: 'Wijkcentrum De Kolk' },
  { title: 'Inkoopsessie gemeente Coevorden', type: 'inkoopsessie', municipality: 'coevorden', inDays: 12, time: '14:00', minutes: 150, themes: ['inclusief-werk'], sdgs: [8, 12], by: 'programme', registration: { mode: 'internal', capacity: 15 }, text: 'Maak kennis met de inkopers van de gemeente. Zij vertellen welke opdrachten eraan komen en hoe u als impactondernemer kunt meedoen.', place: 'Gemeentehuis Coevorden' },
  { title: 'Webinar: impact meten in één middag', type: 'webinar', municipality: 'hoogeveen', inDays: 6, time: '12:00', minutes: 60, themes: ['inclusief-werk', 'zorg-en-welzijn'], sdgs: [8], by: 'partner', online: 'only', registration: { mode: 'internal' }, text: 'Hoe laat u zien wat uw bedrijf oplevert voor mens en omgeving? Een praktische introductie met voorbeelden uit de regio.' },
  { title: 'Leergang impact ondernemen: bijeenkomst', type: 'leergang-bijeenkomst', municipality: 'hoogeveen', inDays: 8, time: '15:30', minutes: 120, themes: ['onderwijs'], sdgs: [4, 17], by: 'programme', repeat: { freq: 'weekly', interval: 2, count: 6 }, registration: { mode: 'internal', capacity: 20 }, hidden: true, text: 'De leergang voor ambtenaren en medewerkers van kennisinstellingen. Het adres krijgt u na aanmelding.', place: 'Leslokaal Hoogeveen' },
  { title: 'Markt voor duurzame producten', type: 'markt-beurs', municipality: 'hardenberg', inDays: 30, time: '10:00', minutes: 360, themes: ['circulaire-economie', 'voedsel'], sdgs: [12], by: 'programme', registration: { mode: 'none' }, text: 'Lokale makers en impactondernemers verkopen hun producten. Vrij toegankelijk.', place: 'Marktplein Hardenberg' },
  { title: 'Netwerkontbijt Aa en Hunze', type: 'netwerkbijeenkomst', municipality: 'aa-en-hunze', inDays: 10, time: '07:45', minutes: 90, themes: ['leefbaarheid'], sdgs: [11, 17], by: 'entrepreneur', repeat: { freq: 'monthly', count: 5 }, registration: { mode: 'internal', capacity: 25 }, text: 'Een vroeg ontbijt met ondernemers uit de dorpen. Kort voorstellen, goede koffie.', place: 'Dorpshuis Gieten' },
  { title: 'Workshop circulair ondernemen', type: 'workshop', municipality: 'borger-odoorn', inDays: 9, time: '13:30', minutes: 180, themes: ['circulaire-economie'], sdgs: [12], by: 'entrepreneur', status: 'in_review', registration: { mode: 'internal', capacity: 12 }, text: 'Leer hoe u afval van het ene bedrijf grondstof maakt voor het andere.', place: 'Werkplaats Borger' },
  { title: 'Repair Café Emmen', type: 'overig', municipality: 'emmen', inDays: 2, time: '10:00', minutes: 180, themes: ['circulaire-economie'], sdgs: [12], by: 'entrepreneur', repeat: { freq: 'weekly', count: 10 }, registration: { mode: 'none' }, text: 'Breng uw kapotte spullen mee. Vrijwilligers helpen u ze te repareren.', place: 'Buurthuis Emmerhout' },
  { title: 'Netwerkavond impactondernemers', type: 'netwerkbijeenkomst', municipality: 'emmen', inDays: -20, time: '19:00', minutes: 150, themes: ['inclusief-werk'], sdgs: [8], by: 'programme', registration: { mode: 'internal', capacity: 40 }, text: 'Ondernemers met impact ontmoeten elkaar en de gemeente.', place: 'Theater De Kolk' },
  { title: 'Workshop social return', type: 'workshop', municipality: 'coevorden', inDays: -45, time: '09:30', minutes: 150, themes: ['inclusief-werk'], sdgs: [8, 10], by: 'programme', registration: { mode: 'internal', capacity: 20 }, text: 'Wat vraagt de gemeente bij social return, en hoe laat u zien wat u doet?', place: 'Gemeentehuis Coevorden' },
  { title: 'Aftrap actieprogramma impact ondernemen', type: 'netwerkbijeenkomst', municipality: 'hoogeveen', inDays: -90, time: '16:00', minutes: 120, themes: ['leefbaarheid'], sdgs: [17], by: 'programme', registration: { mode: 'none' }, text: 'De start van het actieprogramma met de zes gemeenten.', place: 'Raadhuis Hoogeveen' },
  { title: 'Fietstocht langs impactondernemers', type: 'overig', municipality: 'aa-en-hunze', inDays: 20, time: '13:00', minutes: 240, themes: ['natuur-en-biodiversiteit'], sdgs: [15], by: 'programme', status: 'cancelled', registration: { mode: 'internal', capacity: 25 }, text: 'Een fietstocht langs vier bedrijven. Gaat niet door vanwege het weer.', place: 'Start: Brink in Rolde' },
  { title: 'Groene borrel Zuidoost-Drenthe', type: 'netwerkbijeenkomst', municipality: 'emmen', inDays: 14, time: '17:30', minutes: 120, themes: ['energie', 'natuur-en-biodiversiteit'], sdgs: [13], by: 'partner', repeat: { freq: 'monthly', count: 8 }, registration: { mode: 'none' }, text: 'Informeel bijpraten met mensen die met duurzaamheid bezig zijn.', place: 'Café Centraal' },
  { title: 'Inkoopsessie gemeente Hardenberg', type: 'inkoopsessie', municipality: 'hardenberg', inDays: 40, time: '14:00', minutes: 120, themes: ['inclusief-werk'], sdgs: [8], by: 'programme', registration: { mode: 'internal', capacity: 15 }, text: 'De gemeente Hardenberg als launching customer: welke opdrachten komen eraan?', place: 'Gemeentehuis Hardenberg' },
  { title: 'Webinar: financiering voor impactondernemers', type: 'webinar', municipality: 'emmen', inDays: 16, time: '16:00', minutes: 75, themes: ['armoede-en-schulden'], sdgs: [8, 9], by: 'partner', online: 'only', registration: { mode: 'external' }, text: 'Welke leningen, subsidies en fondsen zijn er voor ondernemers met impact?' },
  { title: 'Workshop: uw impact in één minuut', type: 'workshop', municipality: 'hoogeveen', inDays: 25, time: '19:00', minutes: 120, themes: ['inclusief-werk'], sdgs: [8], by: 'organisation', registration: { mode: 'internal', capacity: 16 }, text: 'Oefen uw pitch en krijg tips van andere ondernemers.', place: 'Bibliotheek Hoogeveen' },
  { title: 'Open dag zorgboerderij', type: 'overig', municipality: 'borger-odoorn', inDays: 35, time: '11:00', minutes: 300, themes: ['zorg-en-welzijn'], sdgs: [3], by: 'organisation', registration: { mode: 'none' }, text: 'Kijk mee op de boerderij en ontmoet de deelnemers en begeleiders.', place: 'Zorgboerderij Exloo' },
  { title: 'Terugkomdag leergang', type: 'leergang-bijeenkomst', municipality: 'coevorden', inDays: 50, time: '09:00', minutes: 420, themes: ['onderwijs'], sdgs: [4], by: 'programme', registration: { mode: 'internal', capacity: 30 }, text: 'Deelnemers van de leergang delen wat ze hebben geleerd.', place: 'Kasteel Coevorden' },
  { title: 'Netwerkbijeenkomst Vechtdal', type: 'netwerkbijeenkomst', municipality: 'hardenberg', inDays: 13, time: '19:30', minutes: 120, themes: ['leefbaarheid', 'wonen'], sdgs: [11], by: 'organisation', online: 'also', registration: { mode: 'internal', capacity: 50 }, text: 'Op locatie of online: ondernemers uit het Vechtdal over wonen en leefbaarheid.', place: 'De Klinker' },
  { title: 'Voedselbos-excursie', type: 'overig', municipality: 'aa-en-hunze', inDays: -10, time: '14:00', minutes: 120, themes: ['voedsel', 'natuur-en-biodiversiteit'], sdgs: [2, 15], by: 'organisation', registration: { mode: 'none' }, text: 'Een rondleiding door een jong voedselbos.', place: 'Voedselbos Grolloo' },
];

const slugOf = (title: string) =>
  `demo-${title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')}`;

const municipalityName = (slug: string) => region.municipalities.find((m) => m.slug === slug)?.name ?? slug;

/**
 * Twenty fictional demo events over the six municipalities (is_demo; every description says it is made up): single
 * events and series, past ones for the archive, one cancelled, one waiting for the coordinator. Deterministic given
 * `now`. Regions other than the default get the same events in their own municipalities.
 */
export async function seedDemoEvents(
  tx: DbOrTx,
  ctx: { now: Date; coordinatorId: string | null; partnerId: string | null; entrepreneurId: string | null; organisations: DemoEventOrganisation[] },
): Promise<number> {
  const municipalities = region.municipalities.map((m) => m.slug);
  const mineOrgs = ctx.organisations.filter((o) => o.mine);
  const partnerOrgs = ctx.organisations.filter((o) => o.isPartner);
  const otherOrgs = ctx.organisations.filter((o) => !o.mine && !o.isPartner);
  let n = 0;
  for (const [index, spec] of SPECS.entries()) {
    const municipality = municipalities.includes(spec.municipality) ? spec.municipality : municipalities[index % municipalities.length];
    const sameMunicipality = (list: DemoEventOrganisation[]) => list.find((o) => o.municipalitySlug === municipality) ?? list[index % Math.max(1, list.length)];
    const organiser =
      spec.by === 'partner' ? partnerOrgs[index % Math.max(1, partnerOrgs.length)] : spec.by === 'entrepreneur' ? sameMunicipality(mineOrgs) : spec.by === 'organisation' ? sameMunicipality(otherOrgs) : undefined;
    const createdBy = spec.by === 'partner' ? ctx.partnerId : spec.by === 'entrepreneur' ? ctx.entrepreneurId : ctx.coordinatorId;
    const date = toLocal(new Date(ctx.now.getTime() + spec.inDays * DAY)).date;
    let recurrence: RecurrenceRule | null = null;
    if (spec.repeat) {
      const day = weekdayOf(date);
      const position = monthlyPositionOf(date);
      recurrence =
        spec.repeat.freq === 'weekly'
          ? { freq: 'weekly', interval: spec.repeat.interval ?? 1, byWeekday: [day], count: spec.repeat.count }
          : { freq: 'monthly', interval: spec.repeat.interval ?? 1, byWeekday: [day], setPos: position.isLast ? -1 : position.pos, count: spec.repeat.count };
    }
    const status = spec.status ?? 'published';
    const generated = expandRecurrence(`${date}T${spec.time}`, recurrence, spec.minutes);
    const onLocation = spec.online !== 'only';
    const isOnline = spec.online !== undefined;
    const city = municipalityName(municipality);
    const created = new Date(ctx.now.getTime() - (40 - index) * DAY);
    const [row] = await tx
      .insert(events)
      .values({
        slug: slugOf(spec.title),
        title: spec.title,
        description: `*Dit evenement is verzonnen en hoort bij de demo-omgeving.*\n\n${spec.text}`,
        type: spec.type,
        organiserOrganisationId: organiser?.id ?? null,
        createdByUserId: createdBy,
        municipalitySlug: municipality,
        themeSlugs: spec.themes,
        sdgs: spec.sdgs,
        isOnline,
        locationName: onLocation ? (spec.place ?? null) : null,
        streetAddress: onLocation ? `Voorbeeldstraat ${index + 1}` : null,
        postcode: null,
        city: onLocation ? city : null,
        onlineUrl: isOnline ? `https://meet.example.org/demo-${index + 1}` : null,
        locationForRegisteredOnly: spec.hidden ?? false,
        durationMinutes: spec.minutes,
        recurrence,
        registrationMode: spec.registration?.mode ?? 'none',
        externalRegistrationUrl: spec.registration?.mode === 'external' ? 'https://example.org/aanmelden-demo' : null,
        capacity: spec.registration?.mode === 'internal' ? (spec.registration.capacity ?? null) : null,
        status,
        isDemo: true,
        submittedAt: created,
        publishedAt: status === 'in_review' ? null : created,
        cancelledAt: status === 'cancelled' ? new Date(ctx.now.getTime() - DAY) : null,
        sequence: status === 'cancelled' ? 1 : 0,
        createdAt: created,
        updatedAt: created,
      })
      .onConflictDoNothing()
      .returning({ id: events.id });
    if (!row) continue;
    await tx.insert(eventOccurrences).values(
      generated.map((g) => ({
        eventId: row.id,
        startsAt: g.startsAt,
        endsAt: g.endsAt,
        originalStartsAt: g.originalStartsAt,
        eventStatus: status,
        municipalitySlug: municipality,
        type: spec.type,
        isOnline,
        themeSlugs: spec.themes,
      })),
    );
    n++;
  }
  return n;
}
