import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../src/data/reference.ts';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation, createUser, loginAs } from '../helpers/factories.ts';
import { insertRegistration, insertSupportRequest } from '../helpers/support-data.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

/** The relationship view /beheer/organisaties/:slug: requests, events attended, contact moments; scope and audit. */
describe('relationship view and contact moments', () => {
  let t: TestContext;
  let emmenOrg: Awaited<ReturnType<typeof createOrganisation>>;
  let coevordenOrg: Awaited<ReturnType<typeof createOrganisation>>;
  let emmen: { user: { id: string }; client: TestClient };
  let member: { id: string; name: string };

  const q = async (sqlText: string, params: unknown[] = []) => (await t.db.$client.query(sqlText, params)).rows;

  async function clientFor(roles: Array<Role | { role: Role; municipality?: string }>) {
    const user = await createUser(t.db, { roles });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, user, t.clock.now());
    return { user, client };
  }

  before(async () => {
    t = await createTestContext();
    member = await createUser(t.db, { name: 'Mila Lid', roles: ['entrepreneur'] });
    emmenOrg = await createOrganisation(t.db, { name: 'Fietsenmakerij Emmen', municipalitySlug: 'emmen', ownerId: member.id, email: 'info@fiets.example.org' });
    coevordenOrg = await createOrganisation(t.db, { name: 'Geheime Kaasmakerij Coevorden', municipalitySlug: 'coevorden' });
    emmen = await clientFor([{ role: 'account_manager', municipality: 'emmen' }]);
    await insertSupportRequest(t.db, { municipalitySlug: 'emmen', organisationId: emmenOrg.id, caseNumber: 'HV-2026-00101', assigneeUserId: emmen.user.id, topic: 'financiering' });
    await insertSupportRequest(t.db, { municipalitySlug: 'coevorden', organisationId: coevordenOrg.id, caseNumber: 'HV-2026-00102', assigneeUserId: emmen.user.id });
    await insertRegistration(t.db, { userId: member.id, title: 'Netwerkontbijt Emmen', startsAt: new Date('2026-10-01T07:00:00Z'), attended: true });
    await insertRegistration(t.db, { userId: member.id, title: 'Afgezegd Event', startsAt: new Date('2026-10-02T07:00:00Z'), status: 'cancelled' });
  });
  after(async () => {
    await t.close();
  });

  test('the account manager of the municipality sees requests, events attended and an honest procurement placeholder; the read is audited', async () => {
    const res = await emmen.client.get(`/beheer/organisaties/${emmenOrg.slug}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.ok(html.includes('Fietsenmakerij Emmen'));
    assert.ok(html.includes('HV-2026-00101'), 'the support request is listed');
    assert.ok(html.includes('Netwerkontbijt Emmen'), 'the event attended is listed');
    assert.ok(html.includes('Mila Lid'));
    assert.ok(html.includes('Was er'));
    assert.ok(!html.includes('Afgezegd Event'), 'cancelled registrations are not attendance');
    assert.ok(html.includes('komen later'), 'procurement says it comes later');
    const audit = await q(`select * from audit_log where action = 'organisation.relations_read' and subject_id = $1`, [emmenOrg.id]);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].actor_user_id, emmen.user.id);
  });

  test('logging a contact moment: errors come back with 422 and the typed text; a valid one is saved, listed and audited', async () => {
    const url = `/beheer/organisaties/${emmenOrg.slug}/contactmomenten`;
    const bad = await emmen.client.postForm(url, { kind: 'visit', happenedOn: '2026-12-25', note: 'Bezoek gepland aan de werkplaats' });
    assert.equal(bad.status, 422);
    const badHtml = await bad.text();
    assert.ok(badHtml.includes('niet in de toekomst'));
    assert.ok(badHtml.includes('Bezoek gepland aan de werkplaats'), 'the typed note is kept');
    for (const fields of [
      { kind: 'fax', happenedOn: '2026-11-20', note: 'x' },
      { kind: 'phone', happenedOn: '2026-02-30', note: 'x' },
      { kind: 'phone', happenedOn: '2026-11-20', note: '   ' },
      { kind: 'phone', happenedOn: '2026-11-20', note: 'x'.repeat(4001) },
    ]) {
      assert.equal((await emmen.client.postForm(url, fields)).status, 422, JSON.stringify(fields).slice(0, 80));
    }
    assert.equal((await q('select count(*)::int as n from contact_moments'))[0].n, 0);

    const ok = await emmen.client.postForm(url, { kind: 'phone', happenedOn: '2026-11-27', note: 'Gebeld over de subsidieaanvraag.\nVolgende week terugbellen.' });
    assert.equal(ok.status, 303);
    const page = await (await emmen.client.follow(ok)).text();
    assert.ok(page.includes('Het contactmoment is opgeslagen.'));
    assert.ok(page.includes('Gebeld over de subsidieaanvraag.'));
    assert.ok(page.includes('27 november 2026'));
    const [row] = await q('select * from contact_moments');
    assert.equal(row.author_user_id, emmen.user.id);
    assert.equal(row.kind, 'phone');
    const audit = await q(`select details from audit_log where action = 'contact_moment.created' and subject_id = $1`, [emmenOrg.id]);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].details.contactMomentId, row.id);
    assert.ok(!JSON.stringify(audit[0].details).includes('subsidie'), 'no note text in the audit log');

    const list = await (await emmen.client.get('/beheer/organisaties?q=fietsen')).text();
    assert.ok(list.includes('Fietsenmakerij Emmen'));
    assert.ok(list.includes('27 november 2026'), `the list shows the last contact: ${list.slice(list.indexOf('<table'), list.indexOf('</table>'))}`);
  });

  test('an account manager of Emmen cannot open, write to or list a Coevorden organisation: 403, audited, no data', async () => {
    const before = (await q(`select count(*)::int as n from audit_log where action = 'organisation.relations_denied'`))[0].n;
    const view = await emmen.client.get(`/beheer/organisaties/${coevordenOrg.slug}`);
    assert.equal(view.status, 403);
    const html = await view.text();
    assert.ok(!html.includes('Kaasmakerij'), 'not even the name');
    assert.ok(!html.includes('HV-2026-00102'));
    const post = await emmen.client.postForm(`/beheer/organisaties/${coevordenOrg.slug}/contactmomenten`, { kind: 'phone', happenedOn: '2026-11-27', note: 'Poging' });
    assert.equal(post.status, 403);
    const invalidPost = await emmen.client.postForm(`/beheer/organisaties/${coevordenOrg.slug}/contactmomenten`, { kind: '', happenedOn: '', note: '' });
    assert.equal(invalidPost.status, 403, 'a bad form is refused before it is checked');
    assert.ok(!(await invalidPost.text()).includes('Kaasmakerij'));
    const list = await emmen.client.get('/beheer/organisaties?gemeente=coevorden');
    assert.equal(list.status, 403);
    const all = await (await emmen.client.get('/beheer/organisaties')).text();
    assert.ok(!all.includes('Kaasmakerij'), 'the list shows only the own municipality');
    assert.equal((await q(`select count(*)::int as n from contact_moments where organisation_id = $1`, [coevordenOrg.id]))[0].n, 0);
    const after = (await q(`select count(*)::int as n from audit_log where action = 'organisation.relations_denied'`))[0].n;
    assert.equal(after - before, 4);
  });

  test('the coordinator sees every municipality; unknown organisations are 404; bad filters 400; other roles 403', async () => {
    const coordinator = await clientFor(['coordinator']);
    const list = await (await coordinator.client.get('/beheer/organisaties?gemeente=coevorden')).text();
    assert.ok(list.includes('Geheime Kaasmakerij Coevorden'));
    const res = await coordinator.client.get(`/beheer/organisaties/${coevordenOrg.slug}`);
    assert.equal(res.status, 200);
    assert.ok((await res.text()).includes('HV-2026-00102'));
    assert.equal((await coordinator.client.get('/beheer/organisaties/bestaat-niet')).status, 404);
    assert.equal((await coordinator.client.get('/beheer/organisaties?gemeente=atlantis')).status, 400);
    for (const roles of [['partner'], ['procurement_officer'], ['admin'], ['entrepreneur']] as Role[][]) {
      const other = await clientFor(roles.map((role) => (role === 'procurement_officer' ? { role, municipality: 'emmen' } : role)));
      assert.equal((await other.client.get(`/beheer/organisaties/${emmenOrg.slug}`)).status, 403, roles.join());
    }
  });
});
