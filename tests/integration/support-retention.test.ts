import assert from 'node:assert/strict';
import pino from 'pino';
import { after, before, describe, test } from 'node:test';
import { ConfigError, loadConfig } from '../../src/config.ts';
import { JOBS } from '../../src/jobs.ts';
import { ANONYMISED_NAME, anonymiseExpiredRequests, CONFIRM_LINK_DAYS, expireConfirmLinks, removeUnconfirmedRequests } from '../../src/features/support/support.retention.ts';
import { OUTBOX_RETENTION_DAYS, pruneOutbox } from '../../src/features/mail/outbox.retention.ts';
import { reportRows } from '../../src/features/support/support.reports.queries.ts';
import { createOrganisation, createUser } from '../helpers/factories.ts';
import { insertAttachment, insertSupportEvent, insertSupportRequest } from '../helpers/support-data.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

const DAY = 24 * 3600_000;

/** The retention job: closed requests older than SUPPORT_RETENTION_DAYS lose personal data; figures stay. */
describe('anonymisation of closed support requests after the retention period', () => {
  let t: TestContext;
  const q = async (sqlText: string, params: unknown[] = []) => (await t.db.$client.query(sqlText, params)).rows;
  const run = (retentionDays = 730) => anonymiseExpiredRequests({ db: t.db, clock: t.clock, retentionDays });

  before(async () => {
    t = await createTestContext({ now: '2026-11-28T10:00:00.000Z' });
  });
  after(async () => {
    await t.close();
  });

  test('SUPPORT_RETENTION_DAYS: 730 by default, at least 30', () => {
    assert.equal(loadConfig({}).supportRetentionDays, 730);
    assert.equal(loadConfig({ SUPPORT_RETENTION_DAYS: '365' }).supportRetentionDays, 365);
    assert.throws(() => loadConfig({ SUPPORT_RETENTION_DAYS: '5' }), (e: unknown) => e instanceof ConfigError && e.problems.some((p) => p.startsWith('SUPPORT_RETENTION_DAYS')));
    assert.throws(() => loadConfig({ SUPPORT_RETENTION_DAYS: 'twee jaar' }), ConfigError);
  });

  test('personal data goes, the figures stay; idempotent; the period is counted from closing', async () => {
    const requester = await createUser(t.db, { roles: ['entrepreneur'] });
    const staff = await createUser(t.db, { roles: [{ role: 'account_manager', municipality: 'emmen' }] });
    const org = await createOrganisation(t.db, { ownerId: requester.id });
    const now = t.clock.now().getTime();
    const common = { municipalitySlug: 'emmen', assigneeUserId: staff.id, requesterUserId: requester.id, organisationId: org.id, status: 'closed' as const, outcome: 'answered' as const };
    const old = await insertSupportRequest(t.db, {
      ...common,
      topic: 'huisvesting-en-locatie',
      requesterName: 'Henk de Vries',
      requesterEmail: 'henk@example.org',
      description: 'Ik zoek een bedrijfspand aan de Hoofdstraat 12.',
      createdAt: new Date(now - 800 * DAY),
      firstRespondedAt: new Date(now - 799 * DAY),
      closedAt: new Date(now - 731 * DAY),
      satisfaction: 5,
    });
    const recent = await insertSupportRequest(t.db, { ...common, requesterName: 'Recent Gesloten', createdAt: new Date(now - 760 * DAY), closedAt: new Date(now - 729 * DAY) });
    const stillOpen = await insertSupportRequest(t.db, { ...common, status: 'in_progress', outcome: null, requesterName: 'Nog Open', createdAt: new Date(now - 1500 * DAY) });
    await insertSupportEvent(t.db, { requestId: old.id, at: new Date(now - 799 * DAY), kind: 'message_to_requester', actorUserId: staff.id, body: 'Beste Henk, bel mij op 06-12345678.' });
    await insertSupportEvent(t.db, { requestId: old.id, at: new Date(now - 798 * DAY), kind: 'note', actorUserId: staff.id, body: 'Henk heeft schulden.' });
    await insertAttachment(t.db, old.id, 'plattegrond-henk.pdf');
    const filter = { municipalities: null, topic: null, from: '2024-01', to: '2026-11', now: t.clock.now() };
    const figuresBefore = await reportRows(t.db, filter, true);

    assert.equal(await run(), 1);
    const [row] = await q('select * from support_requests where id = $1', [old.id]);
    assert.equal(row.requester_name, ANONYMISED_NAME);
    assert.equal(row.requester_email, `anoniem-${old.id}@example.invalid`);
    assert.equal(row.requester_phone, null);
    assert.equal(row.requester_user_id, null);
    assert.equal(row.organisation_id, null);
    assert.equal(row.description, '');
    assert.equal(new Date(row.anonymised_at).toISOString(), t.clock.now().toISOString());
    // Kept for the figures.
    assert.equal(row.topic, 'huisvesting-en-locatie');
    assert.equal(row.municipality_slug, 'emmen');
    assert.equal(row.status, 'closed');
    assert.equal(row.outcome, 'answered');
    assert.equal(row.satisfaction, 5);
    assert.equal(row.assignee_user_id, staff.id);
    assert.ok(row.first_responded_at && row.closed_at && row.created_at);

    const everything = JSON.stringify(await q('select * from support_requests where id = $1', [old.id])) + JSON.stringify(await q('select * from support_events where request_id = $1', [old.id]));
    for (const personal of ['Henk', 'henk@example.org', 'Hoofdstraat', '0591', '06-12345678', 'schulden']) assert.ok(!everything.includes(personal), `${personal} is gone`);
    assert.equal((await q('select count(*)::int as n from support_attachments where request_id = $1', [old.id]))[0].n, 0);
    const kinds = (await q('select kind, body from support_events where request_id = $1 order by id', [old.id])).map((e) => `${e.kind}:${e.body}`);
    assert.deepEqual(kinds, ['message_to_requester:null', 'note:null', 'anonymised:null']);
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'support_request.anonymised' and subject_id = $1 and actor_user_id is null`, [old.id]))[0].n, 1);
    assert.deepEqual(await reportRows(t.db, filter, true), figuresBefore, 'the report counts the same');

    for (const id of [recent.id, stillOpen.id]) {
      const [other] = await q('select requester_name, anonymised_at from support_requests where id = $1', [id]);
      assert.equal(other.anonymised_at, null);
      assert.notEqual(other.requester_name, ANONYMISED_NAME);
    }

    // Again: nothing more to do, nothing changes.
    assert.equal(await run(), 0);
    assert.equal((await q(`select count(*)::int as n from support_events where request_id = $1 and kind = 'anonymised'`, [old.id]))[0].n, 1);

    // Two days later the second one is due; the open one never is.
    t.clock.advance(2 * DAY);
    try {
      assert.equal(await run(), 1);
      assert.equal((await q('select requester_name from support_requests where id = $1', [recent.id]))[0].requester_name, ANONYMISED_NAME);
      assert.equal((await q('select anonymised_at from support_requests where id = $1', [stillOpen.id]))[0].anonymised_at, null);
    } finally {
      t.clock.set('2026-11-28T10:00:00.000Z');
    }
  });

  test('the scheduled job uses the configured period', async () => {
    const staff = await createUser(t.db, { roles: [{ role: 'account_manager', municipality: 'emmen' }] });
    const closed = await insertSupportRequest(t.db, { municipalitySlug: 'emmen', assigneeUserId: staff.id, status: 'closed', outcome: 'answered', closedAt: new Date(t.clock.now().getTime() - 40 * DAY) });
    const job = JOBS.find((j) => j.name === 'anonymise closed support requests');
    assert.ok(job, 'the job is in src/jobs.ts');
    const deps = { ...t.deps, logger: pino({ level: 'silent' }) };
    await job.run({ ...deps, config: { ...t.config, supportRetentionDays: 730 } });
    assert.equal((await q('select anonymised_at from support_requests where id = $1', [closed.id]))[0].anonymised_at, null);
    await job.run({ ...deps, config: { ...t.config, supportRetentionDays: 30 } });
    assert.notEqual((await q('select anonymised_at from support_requests where id = $1', [closed.id]))[0].anonymised_at, null);
  });

  test('requests never confirmed by email are removed after 30 days, with their timeline and attachments', async () => {
    const now = t.clock.now().getTime();
    const stale = await insertSupportRequest(t.db, { municipalitySlug: 'emmen', status: 'unconfirmed', assigneeUserId: null, confirmedAt: null, requesterName: 'Nooit Bevestigd', createdAt: new Date(now - 31 * DAY) });
    await insertSupportEvent(t.db, { requestId: stale.id, at: new Date(now - 31 * DAY), kind: 'submitted' });
    await insertAttachment(t.db, stale.id);
    const fresh = await insertSupportRequest(t.db, { municipalitySlug: 'emmen', status: 'unconfirmed', assigneeUserId: null, confirmedAt: null, createdAt: new Date(now - 29 * DAY) });
    assert.equal(await removeUnconfirmedRequests({ db: t.db, clock: t.clock }), 1);
    assert.equal((await q('select count(*)::int as n from support_requests where id = $1', [stale.id]))[0].n, 0);
    assert.equal((await q('select count(*)::int as n from support_events where request_id = $1', [stale.id]))[0].n, 0);
    assert.equal((await q('select count(*)::int as n from support_attachments where request_id = $1', [stale.id]))[0].n, 0);
    assert.equal((await q('select count(*)::int as n from support_requests where id = $1', [fresh.id]))[0].n, 1);
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'support_request.unconfirmed_removed' and subject_id = $1`, [stale.id]))[0].n, 1);
    assert.equal(await removeUnconfirmedRequests({ db: t.db, clock: t.clock }), 0);
  });

  test('done outbox mails (names, request texts) are deleted after 90 days, or SUPPORT_RETENTION_DAYS if shorter; pending ones stay', async () => {
    assert.equal(OUTBOX_RETENTION_DAYS, 90);
    const now = t.clock.now().getTime();
    const mail = async (to: string, status: string, ageDays: number) =>
      (
        await q(`insert into outbox (to_address, subject, text_body, status, created_at, next_attempt_at) values ($1, 'Uw hulpvraag HV-2026-00001', 'Beste Henk, uw vraag over de Hoofdstraat', $2, $3, $3) returning id`, [
          to,
          status,
          new Date(now - ageDays * DAY),
        ])
      )[0].id as number;
    await q('delete from outbox');
    const oldSent = await mail('sent-oud@example.org', 'sent', 91);
    const oldStored = await mail('stored-oud@example.org', 'stored', 91);
    const oldFailed = await mail('failed-oud@example.org', 'failed', 91);
    const oldPending = await mail('pending-oud@example.org', 'pending', 91);
    const recentSent = await mail('sent-recent@example.org', 'sent', 89);
    const left = async () => (await q('select id from outbox order by id')).map((r) => Number(r.id));

    // Through the scheduled job, with the default 730-day support retention: 90 days for mails.
    const job = JOBS.find((j) => j.name === 'anonymise closed support requests')!;
    const deps = { ...t.deps, logger: pino({ level: 'silent' }) };
    await job.run({ ...deps, config: { ...t.config, supportRetentionDays: 730 } });
    assert.deepEqual(await left(), [Number(oldPending), Number(recentSent)], 'old done mails are gone; pending and recent ones stay');
    for (const gone of [oldSent, oldStored, oldFailed]) assert.ok(!(await left()).includes(Number(gone)));
    // Idempotent.
    assert.equal(await pruneOutbox(t.db, t.clock.now(), 730), 0);
    // A shorter support retention (here 30 days) shortens the mails' too: a 40-day-old sent mail goes.
    const forty = await mail('sent-40@example.org', 'sent', 40);
    assert.equal(await pruneOutbox(t.db, t.clock.now(), 730), 0);
    assert.equal(await pruneOutbox(t.db, t.clock.now(), 30), 2, 'the 40- and 89-day-old sent mails');
    assert.ok(!(await left()).includes(Number(forty)));
    assert.deepEqual(await left(), [Number(oldPending)]);
  });

  test('a used confirmation link is forgotten CONFIRM_LINK_DAYS after the click', async () => {
    const now = t.clock.now().getTime();
    const staff = await createUser(t.db, { roles: [{ role: 'account_manager', municipality: 'emmen' }] });
    const old = await insertSupportRequest(t.db, { municipalitySlug: 'emmen', assigneeUserId: staff.id, status: 'assigned', confirmTokenHash: `oud-${now}`, confirmedAt: new Date(now - (CONFIRM_LINK_DAYS + 1) * DAY) });
    const recent = await insertSupportRequest(t.db, { municipalitySlug: 'emmen', assigneeUserId: staff.id, status: 'assigned', confirmTokenHash: `recent-${now}`, confirmedAt: new Date(now - (CONFIRM_LINK_DAYS - 1) * DAY) });
    const waiting = await insertSupportRequest(t.db, { municipalitySlug: 'emmen', assigneeUserId: null, status: 'unconfirmed', confirmTokenHash: `wacht-${now}`, confirmedAt: null, createdAt: new Date(now - DAY) });
    assert.equal(await expireConfirmLinks({ db: t.db, clock: t.clock }), 1);
    const hash = async (id: string) => (await q('select confirm_token_hash from support_requests where id = $1', [id]))[0].confirm_token_hash;
    assert.equal(await hash(old.id), null);
    assert.equal(await hash(recent.id), `recent-${now}`);
    assert.equal(await hash(waiting.id), `wacht-${now}`);
  });
});
