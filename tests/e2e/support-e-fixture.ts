import { createApiToken } from '../../src/features/api-tokens/api-tokens.service.ts';
import { logContactMoment } from '../../src/features/relations/relations.service.ts';
import type { CurrentUser } from '../../src/web/types.ts';
import { insertSupportRequest } from '../helpers/support-data.ts';
import type { TestContext } from '../helpers/test-app.ts';

/**
 * Data for the page table of helper E's pages: an API token of the coordinator, support requests over a few months
 * for the report and the relationship view of the published organisation, and a contact moment with it.
 */
export type SupportEFixture = { apiTokenId: string };

const H = 3600_000;

export async function seedSupportE(t: TestContext, p: { coordinator: CurrentUser; organisationId: string; organisationSlug: string }): Promise<SupportEFixture> {
  const ctx = t.ctx(p.coordinator);
  const { id: apiTokenId } = await createApiToken(ctx, { name: 'Zaaksysteem gemeente', validDays: '90' });
  const now = t.clock.now().getTime();
  const months = [200, 120, 60, 20, 5];
  for (const [n, daysAgo] of months.entries()) {
    const createdAt = new Date(now - daysAgo * 24 * H);
    const closed = n < 3;
    await insertSupportRequest(t.db, {
      municipalitySlug: n % 2 ? 'hoogeveen' : 'emmen',
      organisationId: n % 2 ? null : p.organisationId,
      topic: n % 3 ? 'financiering' : 'impact-meten',
      caseNumber: `HV-2026-0090${n}`,
      assigneeUserId: p.coordinator.id,
      createdAt,
      firstResponseDueAt: new Date(createdAt.getTime() + 72 * H),
      firstRespondedAt: n === 4 ? null : new Date(createdAt.getTime() + (6 + n * 20) * H),
      status: closed ? 'closed' : 'in_progress',
      outcome: closed ? 'answered' : null,
      closedAt: closed ? new Date(createdAt.getTime() + 10 * 24 * H) : null,
      satisfaction: closed ? 3 + (n % 3) : null,
    });
  }
  await logContactMoment(ctx, p.organisationSlug, { kind: 'visit', happenedOn: '2026-11-20', note: 'Bezoek op de boerderij.\nAfgesproken: hulp bij de subsidieaanvraag.' });
  return { apiTokenId };
}
