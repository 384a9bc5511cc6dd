import { roleAssignments } from '../../src/features/accounts/accounts.schema.ts';
import { askQuestion } from '../../src/features/support/support.ask.service.ts';
import { changeStatus, messageRequester } from '../../src/features/support/support.service.ts';
import type { CurrentUser } from '../../src/web/types.ts';
import type { TestContext } from '../helpers/test-app.ts';

/**
 * Data for the page table of the support desk (helper D): two questions of the entrepreneur about the published
 * organisation, one being handled (with an answer) and one closed and not yet rated. Without routing rules they land
 * with the coordinator. The admin of the fixture also becomes an account manager of Emmen, for the stand-in page.
 */
export type SupportFixture = { supportOpenId: string; supportClosedId: string };

export async function seedSupportD(t: TestContext, p: { entrepreneur: CurrentUser; coordinator: CurrentUser; adminId: string; organisationId: string }): Promise<SupportFixture> {
  await t.db.insert(roleAssignments).values({ userId: p.adminId, role: 'account_manager', municipalitySlug: 'emmen' });
  const ask = (key: string, topic: 'vergunningen-en-regels' | 'impact-meten', description: string) =>
    askQuestion(t.ctx(p.entrepreneur), { idempotencyKey: key, topic, organisationId: p.organisationId, description, urgency: 'normal', contactPreference: 'email' }, []);
  const open = await ask('fixture-support-open-0001', 'vergunningen-en-regels', 'Mogen wij een kas bouwen naast de stal? Welke vergunning is nodig?');
  await messageRequester(t.ctx(p.coordinator), open.request.id, 'Dat kan vaak zonder vergunning. Hoe groot wordt de kas?', true);
  const closed = await ask('fixture-support-closed-01', 'impact-meten', 'Hoe meten wij de impact van onze dagbesteding?');
  await messageRequester(t.ctx(p.coordinator), closed.request.id, 'Gebruik de module Impact meten in de kennisbank.');
  await changeStatus(t.ctx(p.coordinator), closed.request.id, 'closed', 'Beantwoord met een verwijzing.', 'answered');
  return { supportOpenId: open.request.id, supportClosedId: closed.request.id };
}
