import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { askQuestion } from '../../src/features/support/support.ask.service.ts';
import { addNote, changeStatus } from '../../src/features/support/support.service.ts';
import type { CurrentUser } from '../../src/web/types.ts';
import { TestClient } from '../helpers/client.ts';
import { createUser, loginAs } from '../helpers/factories.ts';
import { insertSupportEvent, insertSupportRequest } from '../helpers/support-data.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { askFields, newKey, outboxTo, seedSupportDesk } from './support.helpers.ts';

/**
 * Guards on changing a request (review of the support desk): an anonymised or unconfirmed request cannot be changed,
 * a partner reaches a request only while it is referred to it (or closed while referred, read-only), and a partner
 * never sees the municipality's notes on status steps.
 */
describe('support requests: who may change what, and what a partner sees', () => {
  let t: TestContext;
  let desk: Awaited<ReturnType<typeof seedSupportDesk>>;
  let owner: CurrentUser;
  let bram: TestClient;
  let coordinator: TestClient;
  let partner: TestClient;

  const q = async (sqlText: string, params: unknown[] = []) => (await t.db.$client.query(sqlText, params)).rows;
  const row = async (id: string) => (await q('select * from support_requests where id = $1', [id]))[0];
  const eventCount = async (id: string) => (await q('select count(*)::int as n from support_events where request_id = $1', [id]))[0].n as number;
  const ask = async (topic = 'vergunningen-en-regels') =>
    (await askQuestion(t.ctx(owner), { ...askFields(), idempotencyKey: newKey(), topic, urgency: 'normal', contactPreference: 'email', municipality: 'emmen' } as never, [])).request;

  before(async () => {
    t = await createTestContext({ now: '2026-11-30T09:00:00.000Z' });
    desk = await seedSupportDesk(t.db);
    owner = await createUser(t.db, { name: 'Olga Ondernemer', email: 'olga-guards@example.org', roles: ['entrepreneur'] });
    bram = new TestClient(t.app);
    await loginAs(t.db, bram, desk.bram, t.clock.now());
    coordinator = new TestClient(t.app);
    await loginAs(t.db, coordinator, desk.coordinator, t.clock.now());
    partner = new TestClient(t.app);
    await loginAs(t.db, partner, desk.partnerUser, t.clock.now());
  });
  after(async () => {
    await t.close();
  });

  test('an anonymised request cannot be reopened, noted, messaged or reassigned (409, nothing changes)', async () => {
    const anonymised = await insertSupportRequest(t.db, {
      municipalitySlug: 'emmen',
      assigneeUserId: desk.bram.id,
      status: 'closed',
      outcome: 'answered',
      closedAt: new Date('2024-01-10T10:00:00Z'),
      anonymisedAt: new Date('2026-01-11T10:00:00Z'),
      requesterName: '[geanonimiseerd]',
    });
    const before = { row: await row(anonymised.id), events: await eventCount(anonymised.id) };
    const attempts: Array<[string, Record<string, string>]> = [
      ['status', { status: 'in_progress', statusNote: 'Toch weer open' }],
      ['notitie', { note: 'Nog iets' }],
      ['bericht', { message: 'Hallo' }],
      ['toewijzen', { assignee: desk.anna.id, reason: 'Overname' }],
    ];
    for (const [path, form] of attempts) {
      const res = await bram.postForm(`/beheer/hulpvragen/${anonymised.id}/${path}`, form);
      assert.equal(res.status, 409, path);
      assert.match(await res.text(), /geanonimiseerd \(de bewaartermijn is voorbij\)/, path);
    }
    await assert.rejects(changeStatus(t.ctx(desk.coordinator), anonymised.id, 'in_progress'), (e: { code?: string }) => e.code === 'conflict');
    assert.deepEqual(await row(anonymised.id), before.row);
    assert.equal(await eventCount(anonymised.id), before.events);
    // The page offers no forms to change it.
    const html = await (await bram.get(`/beheer/hulpvragen/${anonymised.id}`)).text();
    assert.doesNotMatch(html, /action="[^"]*\/(status|notitie|bericht|toewijzen)"/);
  });

  test('an unconfirmed request cannot be acted on: 409 for the coordinator (who can see it), 404 for others', async () => {
    const unconfirmed = await insertSupportRequest(t.db, { municipalitySlug: 'emmen', assigneeUserId: null, status: 'unconfirmed', confirmedAt: null, firstResponseDueAt: null, confirmTokenHash: `guard-${process.pid}` });
    const before = { row: await row(unconfirmed.id), events: await eventCount(unconfirmed.id) };
    const mailsBefore = (await q('select count(*)::int as n from outbox'))[0].n;
    const attempts: Array<[string, Record<string, string>]> = [
      ['bericht', { message: 'Wij helpen u graag' }],
      ['notitie', { note: 'Vast bekijken' }],
      ['toewijzen', { assignee: desk.anna.id, reason: '' }],
      ['status', { status: 'in_progress' }],
      ['doorverwijzen', { partner: desk.ibdo.id, referNote: 'Voor IBDO' }],
    ];
    for (const [path, form] of attempts) {
      const res = await coordinator.postForm(`/beheer/hulpvragen/${unconfirmed.id}/${path}`, form);
      assert.equal(res.status, 409, path);
      assert.match(await res.text(), /nog niet bevestigd/, path);
      assert.equal((await bram.postForm(`/beheer/hulpvragen/${unconfirmed.id}/${path}`, form)).status, 404, `${path} for Bram`);
    }
    await assert.rejects(addNote(t.ctx(desk.coordinator), unconfirmed.id, 'x'), (e: { code?: string }) => e.code === 'conflict');
    assert.deepEqual(await row(unconfirmed.id), before.row);
    assert.equal(await eventCount(unconfirmed.id), before.events);
    assert.equal((await q('select count(*)::int as n from outbox'))[0].n, mailsBefore, 'nobody is mailed');
  });

  test('a partner reaches a request only while it is referred to it; taken back, it is gone; closed while referred, read-only', async () => {
    const r = await ask();
    const page = (client: TestClient) => client.get(`/beheer/hulpvragen/${r.id}`);
    const inList = async () => (await (await partner.get('/beheer/hulpvragen?weergave=all')).text()).includes(r.caseNumber);
    assert.equal((await page(partner)).status, 403, 'not referred yet');

    assert.equal((await bram.postForm(`/beheer/hulpvragen/${r.id}/doorverwijzen`, { partner: desk.ibdo.id, referNote: 'Voor IBDO: lening' })).status, 303);
    assert.equal((await page(partner)).status, 200);
    assert.ok(await inList());
    assert.equal((await partner.postForm(`/beheer/hulpvragen/${r.id}/notitie`, { note: 'IBDO belt morgen' })).status, 303);

    // The municipality takes it back: the referral ends, the partner no longer reaches it.
    assert.equal((await bram.postForm(`/beheer/hulpvragen/${r.id}/status`, { status: 'in_progress', statusNote: 'Intern: wij doen het toch zelf' })).status, 303);
    assert.equal((await row(r.id)).partner_organisation_id, null);
    assert.equal((await page(partner)).status, 403);
    assert.ok(!(await inList()));
    assert.equal((await partner.postForm(`/beheer/hulpvragen/${r.id}/notitie`, { note: 'Nog iets' })).status, 403);
    assert.equal((await partner.postForm(`/beheer/hulpvragen/${r.id}/bericht`, { message: 'Hallo' })).status, 403);

    // Referred again: the partner may only close it; asking the entrepreneur for a reply keeps it referred.
    assert.equal((await bram.postForm(`/beheer/hulpvragen/${r.id}/doorverwijzen`, { partner: desk.ibdo.id, referNote: 'Toch voor IBDO' })).status, 303);
    const refused = await partner.postForm(`/beheer/hulpvragen/${r.id}/status`, { status: 'waiting' });
    assert.equal(refused.status, 409);
    assert.match(await refused.text(), /alleen afronden/);
    assert.equal((await partner.postForm(`/beheer/hulpvragen/${r.id}/bericht`, { message: 'Kunt u de jaarcijfers sturen?', waitForReply: 'on' })).status, 303);
    assert.equal((await row(r.id)).status, 'referred');
    assert.equal((await row(r.id)).partner_organisation_id, desk.ibdo.id);

    // Closed while referred: the partner still reads it, but cannot change it.
    assert.equal((await bram.postForm(`/beheer/hulpvragen/${r.id}/status`, { status: 'closed', outcome: 'referred', statusNote: 'Geheime afsluitnotitie' })).status, 303);
    const closedPage = await page(partner);
    assert.equal(closedPage.status, 200);
    const html = await closedPage.text();
    assert.match(html, /Voor IBDO: lening/, 'what was referred');
    assert.match(html, /IBDO belt morgen/, 'its own note');
    assert.doesNotMatch(html, /action="[^"]*\/(status|notitie|bericht|toewijzen|doorverwijzen)"/, 'read-only');
    assert.ok(await inList());
    const note = await partner.postForm(`/beheer/hulpvragen/${r.id}/notitie`, { note: 'Achteraf nog iets' });
    assert.equal(note.status, 409);
    assert.match(await note.text(), /alleen nog lezen/);

    // Reopened by the municipality: the referral is over.
    assert.equal((await bram.postForm(`/beheer/hulpvragen/${r.id}/status`, { status: 'in_progress', statusNote: 'Heropend' })).status, 303);
    assert.equal((await page(partner)).status, 403);
    assert.ok(!(await inList()));
  });

  test('a partner sees the status steps, but not the notes the municipality wrote with them', async () => {
    const r = await ask();
    await insertSupportEvent(t.db, { requestId: r.id, at: t.clock.now(), kind: 'status_changed', actorUserId: desk.bram.id, fromStatus: 'assigned', toStatus: 'in_progress', body: 'Statusnotitie: ondernemer heeft schulden' });
    assert.equal((await bram.postForm(`/beheer/hulpvragen/${r.id}/doorverwijzen`, { partner: desk.ibdo.id, referNote: 'Graag een lening bekijken' })).status, 303);
    assert.equal((await partner.postForm(`/beheer/hulpvragen/${r.id}/status`, { status: 'closed', outcome: 'answered', statusNote: 'IBDO: lening geregeld' })).status, 303);
    assert.equal((await bram.postForm(`/beheer/hulpvragen/${r.id}/status`, { status: 'in_progress', statusNote: 'Heropen-notitie intern' })).status, 303);
    assert.equal((await bram.postForm(`/beheer/hulpvragen/${r.id}/doorverwijzen`, { partner: desk.ibdo.id, referNote: 'Nogmaals' })).status, 303);
    const html = await (await partner.get(`/beheer/hulpvragen/${r.id}`)).text();
    assert.doesNotMatch(html, /schulden/, 'status_changed note hidden');
    assert.doesNotMatch(html, /Heropen-notitie intern/, 'reopened note hidden');
    assert.match(html, /IBDO: lening geregeld/, 'the partner’s own closing note stays');
    assert.match(html, /Graag een lening bekijken/);
    // The municipality sees every note.
    const staffHtml = await (await bram.get(`/beheer/hulpvragen/${r.id}`)).text();
    for (const text of ['schulden', 'Heropen-notitie intern', 'IBDO: lening geregeld']) assert.match(staffHtml, new RegExp(text));
    // The entrepreneur was mailed about the closing.
    assert.ok((await outboxTo(t.db, 'olga-guards@example.org')).some((m) => /afgerond/.test(m.subject)));
  });
});
