import { sql } from 'drizzle-orm';
import type { DbOrTx } from '../../db/client.ts';
import { hashToken, randomToken } from '../../lib/ids.ts';
import { supportCaseCounters, supportEvents, supportMunicipalitySettings, supportRequests, supportRoutingRules, type SupportEventKind, type SupportOutcome, type SupportStatus, type SupportTopic } from './support.schema.ts';
import { ASK_CONSENT_TEXT_VERSION } from './support.validation.ts';
import { amsterdamDate, firstResponseDue } from './working-days.ts';

const DAY = 24 * 3600_000;

export type SupportDemoInput = {
  now: Date;
  coordinatorId: string | null;
  /** Account manager per municipality slug. */
  accountManagers: Map<string, string>;
  /** The IBDO partner organisation (financing questions in Drenthe go there first). */
  ibdoId: string | null;
  /** Municipalities of the province where IBDO works. */
  ibdoMunicipalities: string[];
  entrepreneur: { id: string; name: string; email: string } | null;
  /** Published demo organisations of the demo entrepreneur, for requests about them. */
  entrepreneurOrganisations: Array<{ id: string; municipalitySlug: string }>;
};

type DemoCase = {
  daysAgo: number;
  municipality: string;
  topic: SupportTopic;
  status: SupportStatus;
  description: string;
  /** Fictional visitor; null: the demo entrepreneur (about their first organisation in that municipality, if any). */
  visitor: { name: string; email: string } | null;
  toPartner?: boolean;
  messages?: string[];
  outcome?: SupportOutcome;
  satisfaction?: number;
  urgency?: 'low' | 'normal' | 'high';
};

/** ~15 fictional requests in several statuses, spread over the municipalities (the first ones are in Emmen). */
function demoCases(municipalities: string[]): DemoCase[] {
  const m = (i: number) => municipalities[i % municipalities.length]!;
  const visitor = (name: string) => ({ name, email: `${name.toLowerCase().replace(/[^a-z]+/g, '.')}@voorbeeld.demo.impactregio.nl` });
  return [
    { daysAgo: 1, municipality: m(0), topic: 'vergunningen-en-regels', status: 'assigned', visitor: visitor('Jan Hofstede'), description: 'Ik wil een kringloopwinkel openen in een oude schuur. Welke vergunning heb ik nodig voor de verbouwing?' },
    { daysAgo: 2, municipality: m(0), topic: 'financiering', status: 'referred', toPartner: true, visitor: null, description: 'Wij zoeken € 40.000 voor een tweede werkplaats voor mensen met afstand tot werk. Welke regelingen zijn er?' },
    { daysAgo: 8, municipality: m(0), topic: 'inkoop-en-aanbesteden', status: 'in_progress', visitor: null, messages: ['Dank voor uw vraag. Ik zoek uit wanneer de volgende inkoopsessie is.'], description: 'Hoe kan ons schoonmaakbedrijf meedoen bij opdrachten van de gemeente?' },
    { daysAgo: 9, municipality: m(0), topic: 'huisvesting-en-locatie', status: 'assigned', urgency: 'high', visitor: visitor('Priya Ramdin'), description: 'Ons huurcontract stopt over twee maanden. Kent de gemeente leegstaande bedrijfsruimte voor een sociale onderneming?' },
    { daysAgo: 14, municipality: m(0), topic: 'impact-meten', status: 'closed', outcome: 'answered', satisfaction: 5, visitor: null, messages: ['Kijk eens naar de Impact Meten-module in de kennisbank. Ik stuur u ook een voorbeeld van een impactrapport.'], description: 'Hoe laten wij zien wat onze dagbesteding oplevert voor de gemeente?' },
    { daysAgo: 3, municipality: m(1), topic: 'netwerk-en-samenwerking', status: 'new', visitor: visitor('Kees Oosting'), description: 'Ik zoek andere ondernemers die met jongeren werken, om samen een leerwerkplek op te zetten.' },
    { daysAgo: 6, municipality: m(1), topic: 'zichtbaarheid-en-marketing', status: 'waiting', visitor: visitor('Maaike Boer'), messages: ['Goed plan! Kunt u een korte tekst en een foto van uw onderneming sturen?'], description: 'Kan onze zorgboerderij in de nieuwsbrief van de gemeente komen?' },
    { daysAgo: 20, municipality: m(1), topic: 'personeel-en-inclusief-werk', status: 'closed', outcome: 'not_possible', satisfaction: 3, visitor: visitor('Ahmed Yilmaz'), messages: ['Helaas is de subsidie voor dit jaar op. In januari opent een nieuwe ronde.'], description: 'Is er subsidie voor een jobcoach bij ons in het bedrijf?' },
    { daysAgo: 4, municipality: m(2), topic: 'financiering', status: 'referred', toPartner: true, visitor: visitor('Gerda Zwiers'), description: 'Wij willen zonnepanelen op het dak van onze coöperatie. Kan iemand meedenken over de financiering?' },
    { daysAgo: 12, municipality: m(2), topic: 'vergunningen-en-regels', status: 'in_progress', visitor: visitor('Tom Lanting'), messages: ['Ik heb uw vraag doorgezet naar een collega van vergunningen. U hoort deze week meer.'], description: 'Mag ik op mijn erf een kleine verwerkingsruimte voor streekproducten bouwen?' },
    { daysAgo: 30, municipality: m(2), topic: 'anders', status: 'closed', outcome: 'withdrawn', visitor: visitor('Lisa de Wit'), description: 'Vraag over een evenement op het marktplein. (Ingetrokken: al geregeld.)' },
    { daysAgo: 5, municipality: m(3), topic: 'inkoop-en-aanbesteden', status: 'waiting', visitor: null, messages: ['Welke diensten wilt u aanbieden? Dan kijk ik welke inkopers u kunnen helpen.'], description: 'Wij maken meubels van oud hout. Koopt de gemeente ook circulair meubilair in?' },
    { daysAgo: 16, municipality: m(4), topic: 'impact-meten', status: 'closed', outcome: 'referred', satisfaction: 4, visitor: visitor('Bart Mulder'), messages: ['NHL Stenden heeft een studentenproject voor impactmeting. Ik heb u in contact gebracht.'], description: 'Wie kan ons helpen een eerste impactmeting te doen?' },
    { daysAgo: 7, municipality: m(5), topic: 'huisvesting-en-locatie', status: 'in_progress', visitor: visitor('Sara Koster'), messages: ['Er komt een pand vrij aan de Industrieweg. Zal ik een bezichtiging regelen?'], description: 'Wij zoeken een plek voor een repair café met werkplaats.' },
    { daysAgo: 0, municipality: m(5), topic: 'netwerk-en-samenwerking', status: 'assigned', visitor: visitor('Ruud Bos'), description: 'Is er een netwerk van sociale ondernemers in onze gemeente? Ik ben net begonnen.' },
  ];
}

/** Routing rules for every municipality and ~15 fictional requests, in the demo seed's transaction. */
export async function seedDemoSupport(tx: DbOrTx, input: SupportDemoInput, municipalities: string[]): Promise<number> {
  const { now } = input;
  // Routing: default account manager per municipality; financing first to IBDO in Drenthe; procurement to the AM.
  for (const slug of municipalities) {
    const am = input.accountManagers.get(slug) ?? null;
    await tx.insert(supportMunicipalitySettings).values({ municipalitySlug: slug, defaultUserId: am, responseWorkingDays: 3, updatedAt: now }).onConflictDoNothing();
    if (input.ibdoId && input.ibdoMunicipalities.includes(slug)) {
      await tx.insert(supportRoutingRules).values({ municipalitySlug: slug, topic: 'financiering', targetKind: 'partner', partnerOrganisationId: input.ibdoId, updatedAt: now }).onConflictDoNothing();
    }
    if (am) await tx.insert(supportRoutingRules).values({ municipalitySlug: slug, topic: 'inkoop-en-aanbesteden', targetKind: 'user', targetUserId: am, updatedAt: now }).onConflictDoNothing();
  }

  const counters = new Map<number, number>();
  let written = 0;
  // Emmen first: the demo account manager of Emmen then has the fullest inbox.
  const ordered = [...municipalities].sort((a, b) => Number(b === 'emmen') - Number(a === 'emmen'));
  for (const [index, c] of demoCases(ordered).entries()) {
    const am = input.accountManagers.get(c.municipality) ?? input.coordinatorId;
    const toPartner = c.toPartner && input.ibdoId && input.ibdoMunicipalities.includes(c.municipality);
    const status: SupportStatus = c.toPartner && !toPartner ? 'assigned' : c.status;
    if (!am && !toPartner) continue;
    const requester = c.visitor ? { id: null, ...c.visitor } : input.entrepreneur ? { ...input.entrepreneur } : null;
    if (!requester) continue;
    const createdAt = new Date(now.getTime() - c.daysAgo * DAY - (index % 5) * 3600_000);
    const year = amsterdamDate(createdAt).year;
    const n = (counters.get(year) ?? 0) + 1;
    counters.set(year, n);
    const org = c.visitor ? null : (input.entrepreneurOrganisations.find((o) => o.municipalitySlug === c.municipality) ?? null);
    const answeredAt = c.messages?.length ? new Date(createdAt.getTime() + DAY) : null;
    const closedAt = status === 'closed' ? new Date(createdAt.getTime() + 3 * DAY) : null;
    const [row] = await tx
      .insert(supportRequests)
      .values({
        caseNumber: `HV-${year}-${String(n).padStart(5, '0')}`,
        idempotencyKey: `demo-${hashToken(randomToken()).slice(0, 32)}`,
        topic: c.topic,
        municipalitySlug: c.municipality,
        organisationId: org?.id ?? null,
        requesterUserId: requester.id,
        requesterName: requester.name,
        requesterEmail: requester.email,
        description: c.description,
        urgency: c.urgency ?? 'normal',
        contactPreference: index % 3 === 0 ? 'phone' : 'email',
        requesterPhone: index % 3 === 0 ? '0591 000 000' : null,
        consentTextVersion: ASK_CONSENT_TEXT_VERSION,
        consentAt: createdAt,
        status,
        assigneeUserId: am,
        partnerOrganisationId: toPartner ? input.ibdoId : null,
        confirmedAt: createdAt,
        firstResponseDueAt: firstResponseDue(createdAt, 3),
        firstRespondedAt: answeredAt ?? closedAt,
        outcome: status === 'closed' ? (c.outcome ?? 'answered') : null,
        closedAt,
        satisfaction: status === 'closed' ? (c.satisfaction ?? null) : null,
        ratedAt: status === 'closed' && c.satisfaction ? new Date(closedAt!.getTime() + DAY) : null,
        isDemo: true,
        createdAt,
        updatedAt: closedAt ?? answeredAt ?? createdAt,
      })
      .returning({ id: supportRequests.id });
    const events: Array<typeof supportEvents.$inferInsert> = [
      { requestId: row!.id, at: createdAt, kind: 'submitted', actorUserId: requester.id, toStatus: 'unconfirmed' },
      {
        requestId: row!.id,
        at: createdAt,
        kind: 'routed',
        fromStatus: 'unconfirmed',
        toStatus: toPartner ? 'referred' : status === 'new' ? 'new' : 'assigned',
        partnerOrganisationId: toPartner ? input.ibdoId : null,
        details: toPartner ? { reason: 'partner', partnerOrganisationId: input.ibdoId } : { reason: 'default', assigneeUserId: am },
      },
    ];
    for (const message of c.messages ?? []) {
      events.push({ requestId: row!.id, at: answeredAt!, kind: 'message_to_requester' as SupportEventKind, actorUserId: am, body: message, fromStatus: 'assigned', toStatus: 'in_progress' });
    }
    if (closedAt) {
      const kind: SupportEventKind = c.outcome === 'withdrawn' ? 'withdrawn' : 'closed';
      events.push({ requestId: row!.id, at: closedAt, kind, actorUserId: kind === 'withdrawn' ? requester.id : am, fromStatus: 'in_progress', toStatus: 'closed', details: { outcome: c.outcome ?? 'answered' } });
      if (c.satisfaction) events.push({ requestId: row!.id, at: new Date(closedAt.getTime() + DAY), kind: 'rated', actorUserId: requester.id, details: { score: c.satisfaction } });
    }
    await tx.insert(supportEvents).values(events);
    written++;
  }
  for (const [year, n] of counters) {
    await tx
      .insert(supportCaseCounters)
      .values({ year, lastNumber: n })
      .onConflictDoUpdate({ target: supportCaseCounters.year, set: { lastNumber: sql`greatest(${supportCaseCounters.lastNumber}, ${n})` } });
  }
  return written;
}
