import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import pino from 'pino';
import { createDb, type Db } from '../../src/db/client.ts';
import { sendDueReminders } from '../../src/features/registrations/registrations.reminders.ts';
import { notifyEventChanged, registerForOccurrence } from '../../src/features/registrations/registrations.service.ts';
import { JOBS } from '../../src/jobs.ts';
import { TestClient } from '../helpers/client.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { cancelPathIn, createTestEvent, mailsTo, registrationRows, uniqueEmail } from './registrations.helpers.ts';

const NOW = '2026-11-28T10:00:00.000Z';
const hoursFromNow = (h: number) => new Date(new Date(NOW).getTime() + h * 3600_000).toISOString();
let ip = 0;

describe('the reminder a day before', () => {
  let t: TestContext;
  before(async () => {
    t = await createTestContext({ now: NOW });
  });
  after(async () => {
    await t.close();
  });

  const deps = () => ({ db: t.db, clock: t.clock, mailer: t.deps.mailer, config: t.config, logger: t.deps.logger });
  const register = async (slug: string, occurrenceId: string, email: string, waitlist = false) => {
    const out = await registerForOccurrence(t.ctx(null), slug, { occurrenceId, name: 'Herinnerd', email, organisationName: null, waitlist }, { ip: `10.1.0.${++ip}`, lang: 'nl' });
    assert.ok(out.ok);
  };
  const remindersTo = async (email: string) => (await mailsTo(t.db, email)).filter((m) => m.subject.startsWith('Herinnering'));

  test('is a scheduled job of the app', () => {
    assert.ok(JOBS.some((j) => j.name === 'event reminders'));
  });

  test('confirmed people of dates starting 24 to 36 hours from now get one reminder; others none', async () => {
    const soon = await createTestEvent(t.db, { capacity: 1, starts: [hoursFromNow(20), hoursFromNow(25), hoursFromNow(35), hoursFromNow(37)] });
    const emails = { at20: uniqueEmail('h20'), at25: uniqueEmail('h25'), at35: uniqueEmail('h35'), at37: uniqueEmail('h37'), waiting: uniqueEmail('wacht'), cancelled: uniqueEmail('weg') };
    await register(soon.event.slug, soon.occurrences[0].id, emails.at20);
    await register(soon.event.slug, soon.occurrences[1].id, emails.at25);
    await register(soon.event.slug, soon.occurrences[2].id, emails.at35);
    await register(soon.event.slug, soon.occurrences[3].id, emails.at37);
    await register(soon.event.slug, soon.occurrences[1].id, emails.waiting, true);
    const offDate = await createTestEvent(t.db, { starts: [hoursFromNow(30)] });
    await register(offDate.event.slug, offDate.occurrence.id, emails.cancelled);
    await t.db.$client.query(`update event_occurrences set status = 'cancelled' where id = $1`, [offDate.occurrence.id]);

    assert.equal(await sendDueReminders(deps()), 2);
    assert.equal((await remindersTo(emails.at25)).length, 1);
    assert.equal((await remindersTo(emails.at35)).length, 1);
    for (const e of [emails.at20, emails.at37, emails.waiting, emails.cancelled]) assert.equal((await remindersTo(e)).length, 0, e);
    assert.ok((await registrationRows(t.db, soon.occurrences[1].id)).find((r) => r.email === emails.at25)!.reminder_sent_at);

    const mail = (await remindersTo(emails.at25))[0];
    assert.ok(mail.text_body.includes(soon.event.title));
    assert.match(mail.text_body, /Hoofdstraat 1/);

    assert.equal(await sendDueReminders(deps()), 0, 'nobody gets a second one');
    t.clock.advance(2 * 3600_000);
    try {
      assert.equal(await sendDueReminders(deps()), 1, 'the 37-hour date entered the window');
      assert.equal((await remindersTo(emails.at37)).length, 1);
    } finally {
      t.clock.set(NOW);
    }
  });

  test('the reminder has a working cancel link of its own, and the confirmation link keeps working too', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 1, starts: [hoursFromNow(30)] });
    const [a, w] = [uniqueEmail('a'), uniqueEmail('w')];
    await register(event.slug, occurrence.id, a);
    await register(event.slug, occurrence.id, w, true);
    await sendDueReminders(deps());
    const [confirmation, reminder] = await mailsTo(t.db, a);
    const fromReminder = cancelPathIn(reminder.text_body, t.config.publicUrl);
    const fromConfirmation = cancelPathIn(confirmation.text_body, t.config.publicUrl);
    assert.notEqual(fromReminder, fromConfirmation);
    const client = new TestClient(t.app);
    assert.match(await (await client.get(fromConfirmation)).text(), /data-cancel-state="ask"/);
    assert.equal((await client.postForm(fromReminder, {})).status, 303);
    assert.deepEqual((await registrationRows(t.db, occurrence.id)).map((r) => r.status), ['cancelled', 'confirmed']);
  });

  test('several processes running it at once send each reminder once (FOR UPDATE SKIP LOCKED)', async () => {
    await sendDueReminders(deps()); // what earlier tests left due (a promoted person), so the count below is ours
    const { event, occurrences } = await createTestEvent(t.db, { capacity: null, starts: [hoursFromNow(26), hoursFromNow(27)] });
    const emails: string[] = [];
    for (let k = 0; k < 60; k++) {
      const e = uniqueEmail('veel');
      emails.push(e);
      await register(event.slug, occurrences[k % 2].id, e);
    }
    const wide: Db = createDb(t.config.databaseUrl!, { max: 6 });
    try {
      const runs = await Promise.all(
        Array.from({ length: 4 }, () => sendDueReminders({ db: wide, clock: t.clock, mailer: t.deps.mailer, config: t.config, logger: pino({ level: 'silent' }) })),
      );
      assert.equal(runs.reduce((a, b) => a + b, 0), 60, 'together they sent exactly one per person');
    } finally {
      await wide.$client.end();
    }
    for (const e of emails) assert.equal((await remindersTo(e)).length, 1, e);
  });

  test('when the agenda moves a date, registrants get one mail with the new time, and a new reminder in time', async () => {
    const { event, occurrence } = await createTestEvent(t.db, { capacity: 1, starts: [hoursFromNow(30)] });
    const [a, w] = [uniqueEmail('verzet'), uniqueEmail('verzet-wacht')];
    await register(event.slug, occurrence.id, a);
    await register(event.slug, occurrence.id, w, true);
    await sendDueReminders(deps());
    assert.equal((await remindersTo(a)).length, 1);
    const moved = new Date(hoursFromNow(72));
    await t.db.$client.query('update event_occurrences set starts_at = $2, ends_at = $3 where id = $1', [occurrence.id, moved, new Date(moved.getTime() + 3600_000)]);
    await t.db.transaction((tx) => notifyEventChanged(tx, t.ctx(null), { eventId: event.id, occurrenceId: occurrence.id, datesChanged: true }));
    const changed = (await mailsTo(t.db, a)).filter((m) => m.subject.startsWith('Gewijzigd'));
    assert.equal(changed.length, 1);
    assert.match(changed[0].text_body, /1 december 2026/);
    assert.match(changed[0].text_body, /Hoofdstraat 1/);
    const toWaiting = (await mailsTo(t.db, w)).filter((m) => m.subject.startsWith('Gewijzigd'));
    assert.equal(toWaiting.length, 1);
    assert.equal(await sendDueReminders(deps()), 0, 'not yet: the new time is 72 hours away');
    t.clock.advance(40 * 3600_000);
    try {
      assert.equal(await sendDueReminders(deps()), 1);
      assert.equal((await remindersTo(a)).length, 2, 'a new reminder for the new time');
    } finally {
      t.clock.set(NOW);
    }
  });
});
