import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { toCsv } from '../../src/lib/csv.ts';
import { registerForOccurrence } from '../../src/features/registrations/registrations.service.ts';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation, createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { auditActions, createTestEvent, registrationRows, uniqueEmail } from './registrations.helpers.ts';

/** Each registration from its own address: dozens from one would hit the rate limit (tested elsewhere). */
let ipCounter = 0;
const meta = () => ({ ip: `10.0.${Math.floor(++ipCounter / 250)}.${ipCounter % 250}`, lang: 'nl' as const });

describe('the organiser: attendee list, CSV export, attendance', () => {
  let t: TestContext;
  let member: TestClient;
  let orgId: string;
  before(async () => {
    t = await createTestContext();
    const owner = await createUser(t.db, { roles: ['entrepreneur'] });
    orgId = (await createOrganisation(t.db, { ownerId: owner.id })).id;
    member = new TestClient(t.app);
    await loginAs(t.db, member, owner);
  });
  after(async () => {
    await t.close();
  });

  const register = (slug: string, occurrenceId: string, fields: { name?: string; email?: string; organisationName?: string | null; waitlist?: boolean } = {}) =>
    registerForOccurrence(
      t.ctx(null),
      slug,
      { occurrenceId, name: fields.name ?? 'Piet Pieters', email: fields.email ?? uniqueEmail(), organisationName: fields.organisationName ?? null, waitlist: fields.waitlist ?? false },
      meta(),
    );

  test('who may see the list: organisation members, the coordinator, the creator; not others', async () => {
    const partner = await createUser(t.db, { roles: ['partner'] });
    const { event } = await createTestEvent(t.db, { organiserOrganisationId: orgId, createdByUserId: partner.id });
    const path = `/agenda/${event.slug}/deelnemers`;
    assert.equal((await member.get(path)).status, 200);

    const coordinator = new TestClient(t.app);
    await loginAs(t.db, coordinator, await createUser(t.db, { roles: ['coordinator'] }));
    assert.equal((await coordinator.get(path)).status, 200);

    const creator = new TestClient(t.app);
    await loginAs(t.db, creator, partner);
    assert.equal((await creator.get(path)).status, 200);

    const outsider = new TestClient(t.app);
    await loginAs(t.db, outsider, await createUser(t.db, { roles: ['entrepreneur'] }));
    assert.equal((await outsider.get(path)).status, 403);
    assert.equal((await outsider.get(`${path}.csv`)).status, 403);

    const visitor = new TestClient(t.app);
    const res = await visitor.get(path);
    assert.equal(res.status, 303);
    assert.match(res.headers.get('location') ?? '', /^\/inloggen/);
    assert.equal((await member.get('/agenda/bestaat-niet/deelnemers')).status, 404);
    assert.equal((await member.get(`${path}?datum=onzin`)).status, 400);
  });

  test('the list per date: confirmed, waitlist and cancelled, with counts and paging', async () => {
    const { event, occurrences } = await createTestEvent(t.db, { organiserOrganisationId: orgId, capacity: 55, starts: ['2026-12-01T18:00:00Z', '2026-12-08T18:00:00Z'] });
    for (let k = 0; k < 57; k++) await register(event.slug, occurrences[1].id, { name: `Deelnemer ${String(k).padStart(2, '0')}`, waitlist: true });
    await register(event.slug, occurrences[0].id, { name: 'Alleen Eerste Datum' });
    const first = await (await member.get(`/agenda/${event.slug}/deelnemers`)).text();
    assert.match(first, /Alleen Eerste Datum/, 'without a date: the next one to come');
    const page1 = await (await member.get(`/agenda/${event.slug}/deelnemers?datum=${occurrences[1].id}`)).text();
    assert.match(page1, /55 aangemeld, 2 op de wachtlijst, 0 afgemeld/);
    assert.equal((page1.match(/data-attendee=/g) ?? []).length, 50);
    assert.doesNotMatch(page1, /Alleen Eerste Datum/);
    const page2 = await (await member.get(`/agenda/${event.slug}/deelnemers?datum=${occurrences[1].id}&pagina=2`)).text();
    assert.equal((page2.match(/data-attendee=/g) ?? []).length, 7);
    assert.match(page2, /Deelnemer 56/);
    assert.match(page2, /Wachtlijst/);
  });

  test('CSV: BOM, one separator, quoted cells, formulas neutralised, the export audited', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { organiserOrganisationId: orgId });
    await register(event.slug, occurrence.id, { name: '=HYPERLINK("http://kwaad.example","klik")', organisationName: '+31 612345678' });
    await register(event.slug, occurrence.id, { name: '@SUM(A1:A2)', organisationName: '-2+3' });
    await register(event.slug, occurrence.id, { name: 'Anna "de" Vries; Emmen', organisationName: 'Zorg & Co' });
    const res = await member.get(`/agenda/${event.slug}/deelnemers.csv?datum=${occurrence.id}`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /^text\/csv; charset=utf-8/);
    assert.match(res.headers.get('content-disposition') ?? '', /^attachment; filename="deelnemers-.*-2026-12-10\.csv"$/);
    const bytes = new Uint8Array(await res.arrayBuffer());
    assert.deepEqual([...bytes.slice(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 byte order mark for Excel');
    const text = new TextDecoder().decode(bytes.slice(3));
    const lines = text.split('\r\n').filter(Boolean);
    assert.equal(lines.length, 4);
    assert.equal(lines[0], '"Datum";"Naam";"E-mailadres";"Organisatie";"Status";"Aangemeld op";"Aanwezig"');
    assert.ok(lines[1].includes(`"'=HYPERLINK(""http://kwaad.example"",""klik"")"`));
    assert.ok(lines[1].includes(`"'+31 612345678"`));
    assert.ok(lines[2].includes(`"'@SUM(A1:A2)"`));
    assert.ok(lines[2].includes(`"'-2+3"`));
    assert.ok(lines[3].includes('"Anna ""de"" Vries; Emmen"'), 'quotes doubled; the separator inside a quoted cell is harmless');
    for (const line of lines) assert.doesNotMatch(line, /(^|;)"[=+\-@\t\r]/, 'no cell starts with a formula character');
    assert.ok((await auditActions(t.db)).includes('registration.attendees_exported'));

    const all = await (await member.get(`/agenda/${event.slug}/deelnemers.csv`)).text();
    assert.equal(all.split('\r\n').filter(Boolean).length, 4, 'without a date: every date');
  });

  test('toCsv neutralises tab and carriage return too', () => {
    const csv = toCsv([['\tcmd', '\rcmd', 'gewoon', '']]);
    assert.equal(csv, `\uFEFF"'\tcmd";"'\rcmd";"gewoon";""\r\n`);
  });

  test('attendance: checkboxes per confirmed person once the date started; unticked means absent; audited', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { organiserOrganisationId: orgId, capacity: 2, starts: ['2026-11-28T09:00:00Z'] });
    // Registered the day before, while the date was still to come.
    t.clock.set('2026-11-27T10:00:00Z');
    for (const name of ['Aanwezig Persoon', 'Afwezig Persoon', 'Wachtend Persoon']) await register(event.slug, occurrence.id, { name, waitlist: true });
    t.clock.set('2026-11-28T10:00:00Z');
    const rows = await registrationRows(t.db, occurrence.id);
    const html = await (await member.get(`/agenda/${event.slug}/deelnemers?datum=${occurrence.id}`)).text();
    assert.equal((html.match(/name="attended"/g) ?? []).length, 2, 'a box for each confirmed person only');

    const res = await member.postForm(`/agenda/${event.slug}/deelnemers/aanwezigheid`, {
      occurrenceId: occurrence.id,
      shown: [rows[0].id, rows[1].id, rows[2].id],
      attended: [rows[0].id, rows[2].id],
      pagina: '1',
    });
    assert.equal(res.status, 303);
    assert.match(await (await member.follow(res)).text(), /De aanwezigheid is opgeslagen/);
    assert.deepEqual((await registrationRows(t.db, occurrence.id)).map((r) => r.attended), [true, false, null], 'the waitlisted person is not marked');
    assert.ok((await auditActions(t.db)).includes('registration.attendance_marked'));

    const outsider = new TestClient(t.app);
    await loginAs(t.db, outsider, await createUser(t.db, { roles: ['entrepreneur'] }));
    assert.equal((await outsider.postForm(`/agenda/${event.slug}/deelnemers/aanwezigheid`, { occurrenceId: occurrence.id, shown: [rows[1].id], attended: [rows[1].id] })).status, 403);
    assert.equal((await registrationRows(t.db, occurrence.id))[1].attended, false);
  });

  test('attendance before the date has started is refused and changes nothing', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { organiserOrganisationId: orgId });
    await register(event.slug, occurrence.id);
    const [row] = await registrationRows(t.db, occurrence.id);
    const html = await (await member.get(`/agenda/${event.slug}/deelnemers?datum=${occurrence.id}`)).text();
    assert.doesNotMatch(html, /name="attended"/);
    const res = await member.postForm(`/agenda/${event.slug}/deelnemers/aanwezigheid`, { occurrenceId: occurrence.id, shown: [row.id], attended: [row.id] });
    assert.equal(res.status, 303);
    assert.match(await (await member.follow(res)).text(), /zodra de datum begonnen is/);
    assert.equal((await registrationRows(t.db, occurrence.id))[0].attended, null);
    assert.equal((await member.postForm(`/agenda/${event.slug}/deelnemers/aanwezigheid`, { occurrenceId: 'onzin', shown: [], attended: [] })).status, 404);
  });
});
