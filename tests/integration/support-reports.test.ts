import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../src/data/reference.ts';
import { TestClient } from '../helpers/client.ts';
import { createUser, loginAs } from '../helpers/factories.ts';
import { insertSupportRequest } from '../helpers/support-data.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { i18nFor } from '../../src/web/i18n/i18n.ts';
import { toCsv } from '../../src/lib/csv.ts';

const H = 3600_000;
const at = (iso: string) => new Date(iso);
const topic = (code: string) => i18nFor('nl').t(`support.topic.${code}`);

/** /beheer/hulpvragen/rapportage and its CSV: figures per month, municipality and topic, within the viewer's scope. */
describe('support report', () => {
  let t: TestContext;
  let emmen: TestClient;

  const q = async (sqlText: string, params: unknown[] = []) => (await t.db.$client.query(sqlText, params)).rows;
  async function clientFor(roles: Array<Role | { role: Role; municipality?: string }>) {
    const user = await createUser(t.db, { roles });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, user, t.clock.now());
    return { user, client };
  }

  before(async () => {
    t = await createTestContext({ now: '2026-11-28T10:00:00.000Z' });
    const am = await clientFor([{ role: 'account_manager', municipality: 'emmen' }]);
    emmen = am.client;
    const base = { municipalitySlug: 'emmen', assigneeUserId: am.user.id, topic: 'financiering' as const };
    // October: answered after 10 h (on time), closed in October, rated 4.
    const a = at('2026-10-05T09:00:00Z');
    await insertSupportRequest(t.db, { ...base, createdAt: a, firstResponseDueAt: new Date(a.getTime() + 72 * H), firstRespondedAt: new Date(a.getTime() + 10 * H), status: 'closed', outcome: 'answered', closedAt: at('2026-10-20T12:00:00Z'), satisfaction: 4 });
    // October: answered after 30 h, past its 24 h deadline; closed in November, rated 2.
    const b = at('2026-10-06T09:00:00Z');
    await insertSupportRequest(t.db, { ...base, createdAt: b, firstResponseDueAt: new Date(b.getTime() + 24 * H), firstRespondedAt: new Date(b.getTime() + 30 * H), status: 'closed', outcome: 'answered', closedAt: at('2026-11-02T12:00:00Z'), satisfaction: 2 });
    // 30 September 22:30 UTC is 1 October 00:30 in Amsterdam: an October request. Answered after 2 h.
    const c = at('2026-09-30T22:30:00Z');
    await insertSupportRequest(t.db, { ...base, createdAt: c, firstResponseDueAt: new Date(c.getTime() + 72 * H), firstRespondedAt: new Date(c.getTime() + 2 * H), status: 'in_progress' });
    // November, another topic: no answer yet and past the deadline: overdue.
    await insertSupportRequest(t.db, { ...base, topic: 'anders', createdAt: at('2026-11-10T09:00:00Z'), firstResponseDueAt: at('2026-11-13T17:00:00Z'), status: 'assigned' });
    // Not counted for Emmen: an unconfirmed request, and one in Coevorden.
    await insertSupportRequest(t.db, { ...base, status: 'unconfirmed', assigneeUserId: null, confirmedAt: null, createdAt: at('2026-11-11T09:00:00Z') });
    const coevorden = await createUser(t.db, { roles: [{ role: 'account_manager', municipality: 'coevorden' }] });
    await insertSupportRequest(t.db, { municipalitySlug: 'coevorden', assigneeUserId: coevorden.id, createdAt: at('2026-10-07T09:00:00Z') });
  });
  after(async () => {
    await t.close();
  });

  test('the account manager sees the figures of Emmen per month and topic, and the totals', async () => {
    const res = await emmen.get('/beheer/hulpvragen/rapportage');
    assert.equal(res.status, 200);
    const html = await res.text();
    const rows = [...html.matchAll(/<tr class="utrecht-table__row"><th[^>]*>([^<]+)<\/th>((?:<td[^>]*>[^<]*<\/td>)+)<\/tr>/g)].map((m) => [
      m[1],
      ...[...m[2].matchAll(/<td[^>]*>([^<]*)<\/td>/g)].map((x) => x[1]),
    ]);
    assert.deepEqual(rows, [
      ['oktober 2026', 'Emmen', topic('financiering'), '3', '1', '10,0 uur', '1', '4,0 (beoordelingen: 1)'],
      ['november 2026', 'Emmen', topic('anders'), '1', '0', '—', '1', '—'],
      ['november 2026', 'Emmen', topic('financiering'), '0', '1', '—', '0', '2,0 (beoordelingen: 1)'],
    ]);
    const totals = /<dl class="ir-profile-dl" data-totals="true">(.*?)<\/dl>/s.exec(html)![1];
    const values = [...totals.matchAll(/<dd>([^<]*)<\/dd>/g)].map((m) => m[1]);
    assert.deepEqual(values, ['4', '2', '10,0 uur', '2', '3,0 (beoordelingen: 2)']);
    assert.ok(html.includes('december 2025'), 'the default period is the last twelve months');
    assert.ok(!html.includes('Coevorden</td>'));
  });

  test('filters on topic and period; bad filters are a 400 with the typed values kept; another municipality is 403 and audited', async () => {
    const html = await (await emmen.get('/beheer/hulpvragen/rapportage?onderwerp=anders&van=2026-11&tot=2026-11')).text();
    assert.ok(html.includes(`<td class="utrecht-table__cell">${topic('anders')}</td>`));
    assert.ok(!html.includes(`<td class="utrecht-table__cell">${topic('financiering')}</td>`));
    const bad = await emmen.get('/beheer/hulpvragen/rapportage?van=2026-13&onderwerp=geld');
    assert.equal(bad.status, 400);
    const badHtml = await bad.text();
    assert.ok(badHtml.includes('value="2026-13"'));
    assert.ok(badHtml.includes('jjjj-mm'));
    assert.equal((await emmen.get('/beheer/hulpvragen/rapportage?van=2026-11&tot=2026-01')).status, 400);
    assert.equal((await emmen.get('/beheer/hulpvragen/rapportage?van=2020-01&tot=2026-01')).status, 400);
    // A year outside 2000..2100 (year 0000 does not exist in PostgreSQL) is a 400 with a message, not a server error.
    for (const query of ['van=0000-01&tot=0000-12', 'van=1999-12&tot=2000-01', 'van=2101-01&tot=2101-02', 'tot=9999-12']) {
      for (const path of ['/beheer/hulpvragen/rapportage', '/beheer/hulpvragen/rapportage.csv']) {
        const res = await emmen.get(`${path}?${query}`);
        assert.equal(res.status, 400, `${path}?${query}`);
        if (!path.endsWith('.csv')) assert.match(await res.text(), /Kies een jaar van 2000 tot en met 2100/, query);
      }
    }
    assert.equal((await emmen.get('/beheer/hulpvragen/rapportage?van=2000-01&tot=2000-12')).status, 200);
    const other = await emmen.get('/beheer/hulpvragen/rapportage?gemeente=coevorden');
    assert.equal(other.status, 403);
    assert.equal((await emmen.get('/beheer/hulpvragen/rapportage.csv?gemeente=coevorden')).status, 403);
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'support_report.denied' and subject_id = 'coevorden'`))[0].n, 2);
  });

  test('the CSV: BOM, semicolons, Dutch headers and decimal comma, a totals line; the export is audited', async () => {
    const res = await emmen.get('/beheer/hulpvragen/rapportage.csv?van=2026-10&tot=2026-11');
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('content-type'), 'text/csv; charset=utf-8');
    assert.match(res.headers.get('content-disposition') ?? '', /attachment; filename="hulpvragen-regio-2026-10-2026-11.csv"/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark');
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    assert.equal(lines[0], '"Maand";"Gemeente";"Onderwerp";"Nieuw";"Afgerond";"Eerste antwoord (mediaan, uren)";"Te laat";"Tevredenheid (gemiddeld, 1 tot 5)";"Aantal beoordelingen"');
    assert.equal(lines[1], `"2026-10";"Emmen";"${topic('financiering')}";"3";"1";"10,0";"1";"4,0";"1"`);
    assert.equal(lines[4], '"Totaal";"";"";"4";"2";"10,0";"2";"3,0";"2"');
    assert.equal(lines[5], '');
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'support_report.exported'`))[0].n, 1);
    // The report has no free text today, but the writer it uses neutralises formulas should a label ever start with one.
    assert.equal(toCsv([['=HYPERLINK("x")', '+1', '@a', '-2']]), '\uFEFF"\'=HYPERLINK(""x"")";"\'+1";"\'@a";"\'-2"\r\n');
  });

  test('the coordinator sees every municipality; partners and procurement officers are refused', async () => {
    const { client } = await clientFor(['coordinator']);
    const html = await (await client.get('/beheer/hulpvragen/rapportage?gemeente=coevorden')).text();
    assert.ok(html.includes('<td class="utrecht-table__cell">Coevorden</td>'));
    for (const roles of [['partner'], [{ role: 'procurement_officer', municipality: 'emmen' }], ['entrepreneur']] as Array<Array<Role | { role: Role; municipality: string }>>) {
      const other = await clientFor(roles);
      assert.equal((await other.client.get('/beheer/hulpvragen/rapportage')).status, 403);
      assert.equal((await other.client.get('/beheer/hulpvragen/rapportage.csv')).status, 403);
    }
  });
});
