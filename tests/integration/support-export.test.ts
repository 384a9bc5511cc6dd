import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { TestClient } from '../helpers/client.ts';
import { createUser, loginAs } from '../helpers/factories.ts';
import { insertAttachment, insertSupportEvent, insertSupportRequest } from '../helpers/support-data.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

/** /mijn/hulpvragen/download: all of an entrepreneur's requests as JSON, messages included, internal notes never. */
describe('download of one’s own support requests', () => {
  let t: TestContext;
  const q = async (sqlText: string, params: unknown[] = []) => (await t.db.$client.query(sqlText, params)).rows;

  before(async () => {
    t = await createTestContext();
  });
  after(async () => {
    await t.close();
  });

  test('every own request with its messages and milestones; no internal notes, nobody else’s requests; audited', async () => {
    const me = await createUser(t.db, { name: 'Eva Ondernemer', email: 'eva@example.org', roles: ['entrepreneur'] });
    const staff = await createUser(t.db, { name: 'Anna Accountmanager', roles: [{ role: 'account_manager', municipality: 'emmen' }] });
    const someoneElse = await createUser(t.db, { roles: ['entrepreneur'] });
    const first = await insertSupportRequest(t.db, { municipalitySlug: 'emmen', requesterUserId: me.id, requesterName: 'Eva Ondernemer', requesterEmail: 'eva@example.org', assigneeUserId: staff.id, caseNumber: 'HV-2026-00011', description: 'Hoe vraag ik subsidie aan?', createdAt: new Date('2026-10-01T09:00:00Z') });
    await insertSupportRequest(t.db, { municipalitySlug: 'emmen', requesterUserId: me.id, assigneeUserId: staff.id, caseNumber: 'HV-2026-00012', status: 'closed', outcome: 'answered', closedAt: new Date('2026-11-01T09:00:00Z'), satisfaction: 4 });
    await insertSupportRequest(t.db, { municipalitySlug: 'emmen', requesterUserId: someoneElse.id, assigneeUserId: staff.id, caseNumber: 'HV-2026-00013', description: 'Vraag van iemand anders' });
    await insertSupportEvent(t.db, { requestId: first.id, at: new Date('2026-10-01T09:00:00Z'), kind: 'submitted', actorUserId: me.id });
    await insertSupportEvent(t.db, { requestId: first.id, at: new Date('2026-10-02T09:00:00Z'), kind: 'note', actorUserId: staff.id, body: 'INTERN: lastige klant' });
    await insertSupportEvent(t.db, { requestId: first.id, at: new Date('2026-10-02T10:00:00Z'), kind: 'status_changed', actorUserId: staff.id, fromStatus: 'assigned', toStatus: 'in_progress', body: 'INTERN: eerst navragen' });
    await insertSupportEvent(t.db, { requestId: first.id, at: new Date('2026-10-02T11:00:00Z'), kind: 'message_to_requester', actorUserId: staff.id, body: 'Beste Eva, kijk eens op de site van de provincie.' });
    await insertSupportEvent(t.db, { requestId: first.id, at: new Date('2026-10-03T11:00:00Z'), kind: 'message_from_requester', actorUserId: me.id, body: 'Dank u, dat ga ik doen.' });
    await insertAttachment(t.db, first.id, 'begroting.pdf');

    const client = new TestClient(t.app);
    await loginAs(t.db, client, me, t.clock.now());
    const res = await client.get('/mijn/hulpvragen/download');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
    assert.equal(res.headers.get('content-disposition'), 'attachment; filename="mijn-hulpvragen-2026-11-28.json"');
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const text = await res.text();
    const data = JSON.parse(text);
    assert.deepEqual(data.account, { name: 'Eva Ondernemer', email: 'eva@example.org' });
    assert.deepEqual(data.requests.map((r: { caseNumber: string }) => r.caseNumber).sort(), ['HV-2026-00011', 'HV-2026-00012']);
    const one = data.requests.find((r: { caseNumber: string }) => r.caseNumber === 'HV-2026-00011');
    assert.equal(one.description, 'Hoe vraag ik subsidie aan?');
    assert.deepEqual(one.requester, { name: 'Eva Ondernemer', email: 'eva@example.org', phone: '0591 123 456' });
    const texts = one.timeline.map((e: { text: string | null }) => e.text).filter(Boolean);
    assert.deepEqual(texts, ['Beste Eva, kijk eens op de site van de provincie.', 'Dank u, dat ga ik doen.']);
    assert.ok(one.timeline.some((e: { kind: string; toStatus: string }) => e.kind === 'status_changed' && e.toStatus === 'in_progress'), 'milestones are there');
    assert.ok(!text.includes('INTERN'), 'no internal notes, not even status notes');
    assert.ok(!text.includes('iemand anders'));
    assert.equal(one.attachments[0].fileName, 'begroting.pdf');
    assert.match(one.attachments[0].download, new RegExp(`/mijn/hulpvragen/${first.id}/bijlagen/`));
    const closed = data.requests.find((r: { caseNumber: string }) => r.caseNumber === 'HV-2026-00012');
    assert.equal(closed.satisfaction, 4);
    assert.equal((await q(`select details from audit_log where action = 'support_request.exported_by_requester' and actor_user_id = $1`, [me.id]))[0].details.count, 2);
  });

  test('someone without requests gets an empty list; visitors go to the login page', async () => {
    const nobody = await createUser(t.db, { roles: ['entrepreneur'] });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, nobody, t.clock.now());
    const data = await (await client.get('/mijn/hulpvragen/download')).json();
    assert.deepEqual(data.requests, []);
    const visitor = await new TestClient(t.app).get('/mijn/hulpvragen/download');
    assert.equal(visitor.status, 303);
    assert.equal(visitor.headers.get('location'), '/inloggen?terug=%2Fmijn%2Fhulpvragen%2Fdownload');
  });
});
