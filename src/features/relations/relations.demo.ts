import type { DbOrTx } from '../../db/client.ts';
import { contactMoments, type ContactKind } from './relations.schema.ts';
import { localDateOf } from './relations.validation.ts';

const DAY = 24 * 3600_000;

/** Fictional notes: what an account manager writes after a call or a visit (demo data, helper E). */
const NOTES: ReadonlyArray<{ kind: ContactKind; daysAgo: number; note: string }> = [
  { kind: 'visit', daysAgo: 40, note: 'Kennismaking op locatie. Ze willen groeien en zoeken een tweede ruimte. Afgesproken: ik stuur de lijst met beschikbare bedrijfsruimten.' },
  { kind: 'phone', daysAgo: 12, note: 'Teruggebeld over de subsidieaanvraag. Aanvraag is ingediend; uitslag verwacht over zes weken.' },
  { kind: 'email', daysAgo: 75, note: 'Uitnodiging voor de inkoopsessie gestuurd. Ze hebben belangstelling voor schoonmaak en catering.' },
  { kind: 'other', daysAgo: 5, note: 'Gesproken op de netwerkbijeenkomst. Vraagt om een introductie bij de wijkteams.' },
];

/**
 * A few contact moments for the first published organisations of each municipality, written by that municipality's
 * demo account manager, so the relationship view (/beheer/organisaties/:slug) has something to show.
 */
export async function seedDemoContactMoments(
  tx: DbOrTx,
  input: { now: Date; accountManagers: Map<string, string>; organisations: Array<{ id: string; municipalitySlug: string }> },
): Promise<void> {
  const rows: Array<typeof contactMoments.$inferInsert> = [];
  for (const [municipality, authorUserId] of input.accountManagers) {
    const own = input.organisations.filter((o) => o.municipalitySlug === municipality).slice(0, 2);
    own.forEach((o, idx) => {
      for (const n of NOTES.slice(idx * 2, idx * 2 + 2)) {
        const at = new Date(input.now.getTime() - n.daysAgo * DAY);
        rows.push({ organisationId: o.id, authorUserId, kind: n.kind, happenedOn: localDateOf(at), note: n.note, createdAt: at });
      }
    });
  }
  if (rows.length) await tx.insert(contactMoments).values(rows);
}
