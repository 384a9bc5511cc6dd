import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { region } from '../../src/data/reference.ts';
import { seedDemoData } from '../../src/features/demo/demo.seed.ts';
import { listRequestsForStaff } from '../../src/features/support/support.service.ts';
import { loadCurrentUser } from '../../src/features/accounts/sessions.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

describe('support desk demo data', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ now: '2026-11-28T10:00:00.000Z' });
    await seedDemoData(t.db, { clock: t.clock, passwordHash: 'not-a-real-hash' });
  });
  after(async () => {
    await t.close();
  });

  test('every municipality has a default account manager; financing in Drenthe goes to IBDO first', async () => {
    const settings = (await t.db.$client.query('select municipality_slug, default_user_id from support_municipality_settings')).rows;
    assert.equal(settings.length, region.municipalities.length);
    assert.ok(settings.every((s) => s.default_user_id));
    const partnerRules = (await t.db.$client.query("select r.municipality_slug, o.name from support_routing_rules r join organisations o on o.id = r.partner_organisation_id where r.target_kind = 'partner'")).rows;
    assert.deepEqual(partnerRules.map((r) => r.municipality_slug).sort(), region.municipalities.filter((m) => m.province === 'Drenthe').map((m) => m.slug).sort());
    assert.ok(partnerRules.every((r) => /IBDO/.test(r.name)));
  });

  test('about fifteen fictional requests in several statuses, each with an owner, labelled demo', async () => {
    const rows = (await t.db.$client.query('select * from support_requests')).rows;
    assert.ok(rows.length >= 14 && rows.length <= 16, `${rows.length} requests`);
    assert.ok(rows.every((r) => r.is_demo && (r.assignee_user_id || r.partner_organisation_id)));
    const statuses = new Set(rows.map((r) => r.status));
    for (const s of ['new', 'assigned', 'in_progress', 'waiting', 'referred', 'closed']) assert.ok(statuses.has(s), s);
    assert.equal(new Set(rows.map((r) => r.case_number)).size, rows.length, 'case numbers are unique');
    const counter = (await t.db.$client.query('select last_number from support_case_counters where year = 2026')).rows[0];
    assert.ok(counter.last_number >= rows.filter((r) => r.case_number.startsWith('HV-2026-')).length, 'new requests continue after the demo numbers');
  });

  test('the demo account manager of Emmen finds Emmen requests in the inbox', async () => {
    const u = (await t.db.$client.query("select * from users where email like 'accountmanager.emmen@%'")).rows[0];
    const actor = await loadCurrentUser(t.db, { id: u.id, email: u.email, name: u.name, emailVerifiedAt: u.email_verified_at, isDemo: true });
    const list = await listRequestsForStaff(t.ctx(actor), { view: 'all' }, 1);
    assert.ok(list.total >= 4);
    assert.ok(list.items.every((r) => r.municipalitySlug === 'emmen'));
  });
});
