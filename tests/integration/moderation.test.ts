import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Role } from '../../src/data/reference.ts';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation, createUser, loginAs, type OrganisationOptions } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';

describe('moderation by the coordinator', () => {
  let t: TestContext;
  let coordinator: TestClient;
  let coordinatorId: string;
  before(async () => {
    t = await createTestContext();
    const user = await createUser(t.db, { roles: ['coordinator'] });
    coordinatorId = user.id;
    coordinator = new TestClient(t.app);
    await loginAs(t.db, coordinator, user, t.clock.now());
  });
  after(async () => {
    await t.close();
  });

  const q = async (sqlText: string, params: unknown[] = []) => (await t.db.$client.query(sqlText, params)).rows;
  let kvk = 11_000_000;

  async function clientFor(roles: Role[] = ['entrepreneur']) {
    const user = await createUser(t.db, { roles });
    const client = new TestClient(t.app);
    await loginAs(t.db, client, user, t.clock.now());
    return { user, client };
  }

  /** An organisation waiting for review, with an owner who gave consent. */
  async function inReview(over: OrganisationOptions = {}) {
    const owner = await clientFor(['entrepreneur']);
    const org = await createOrganisation(t.db, {
      kvkNumber: String(++kvk),
      status: 'in_review',
      publishedAt: null,
      submittedAt: t.clock.now(),
      pitch: 'Wij helpen mensen aan werk.',
      description: 'Een werkplaats voor hout.',
      impactProblem: 'Eenzaamheid in dorpen.',
      impactTargetGroup: 'Ouderen in Borger-Odoorn.',
      impactMeasurement: 'Het aantal bezoeken per maand.',
      offer: 'Koffie en gezelschap.',
      needs: 'Vrijwilligers met een auto.',
      city: 'Borger',
      themeSlugs: ['zorg-en-welzijn'],
      ownerId: owner.user.id,
      ...over,
    });
    await q(`insert into publish_consents (organisation_id, user_id, text_version, given_at) values ($1, $2, '2026-11-v1', $3)`, [org.id, owner.user.id, t.clock.now()]);
    return { org, owner };
  }

  test('only coordinators reach /beheer/moderatie; others get 403, visitors the login page', async () => {
    const { org } = await inReview();
    for (const roles of [['entrepreneur'], ['admin'], ['account_manager'], []] as Role[][]) {
      const { client } = await clientFor(roles);
      for (const path of ['/beheer/moderatie', `/beheer/moderatie/organisaties/${org.id}`, '/beheer/moderatie/aanvragen']) {
        assert.equal((await client.get(path)).status, 403, `${roles.join(',') || 'no role'} ${path}`);
      }
      assert.equal((await client.postForm(`/beheer/moderatie/organisaties/${org.id}/goedkeuren`, {})).status, 403);
    }
    const visitor = await new TestClient(t.app).get('/beheer/moderatie');
    assert.equal(visitor.status, 303);
    assert.match(visitor.headers.get('location') ?? '', /^\/inloggen/);
    assert.equal((await q('select status from organisations where id = $1', [org.id]))[0].status, 'in_review');
    assert.equal((await coordinator.get('/beheer/moderatie')).status, 200);
  });

  test('the queue lists profiles in review, oldest first, paginated', async () => {
    await q(`update organisations set status = 'draft' where status = 'in_review'`);
    const made: string[] = [];
    for (let n = 0; n < 21; n++) {
      const { org } = await inReview({ name: `Wachtrij ${String(n).padStart(2, '0')}`, submittedAt: new Date(Date.UTC(2026, 10, 1, 8, n)) });
      made.push(org.name);
    }
    const page1 = await (await coordinator.get('/beheer/moderatie')).text();
    assert.match(page1, /Ter beoordeling \(21\)/);
    const names1 = [...page1.matchAll(/>(Wachtrij \d\d)</g)].map((m) => m[1]);
    assert.deepEqual(names1, made.slice(0, 20), 'oldest submission first, 20 a page');
    assert.match(page1, /href="\/beheer\/moderatie\?pagina=2"/);
    const page2 = await (await coordinator.get('/beheer/moderatie?pagina=2')).text();
    assert.deepEqual([...page2.matchAll(/>(Wachtrij \d\d)</g)].map((m) => m[1]), ['Wachtrij 20']);
    assert.equal((await coordinator.get('/beheer/moderatie?pagina=abc')).status, 200);
    await q(`update organisations set status = 'draft' where name like 'Wachtrij %'`);
  });

  test('the review page shows everything the entrepreneur entered, with consent', async () => {
    const { org } = await inReview({ name: 'Alles Zichtbaar', website: 'https://alles.example', themeSlugs: ['zorg-en-welzijn'], sdgs: [3, 10] });
    const res = await coordinator.get(`/beheer/moderatie/organisaties/${org.id}`);
    assert.equal(res.status, 200);
    const html = await res.text();
    for (const text of [
      'Alles Zichtbaar',
      org.kvkNumber!,
      'Wij helpen mensen aan werk.',
      'Een werkplaats voor hout.',
      'Eenzaamheid in dorpen.',
      'Ouderen in Borger-Odoorn.',
      'Het aantal bezoeken per maand.',
      'Koffie en gezelschap.',
      'Vrijwilligers met een auto.',
      'https://alles.example',
      'Zorg en welzijn',
      '10. Ongelijkheid verminderen',
      'versie 2026-11-v1',
    ]) {
      assert.ok(html.includes(text), `review page shows ${text}`);
    }
    assert.match(html, /action="\/beheer\/moderatie\/organisaties\/[0-9a-f-]+\/goedkeuren"/);
    assert.equal((html.match(/<h1[\s>]/g) ?? []).length, 1);
  });

  test('approve publishes, mails the owners through the outbox and writes an audit entry; a second approve is a clear 409', async () => {
    const { org, owner } = await inReview({ name: 'Goed Bezig' });
    t.clock.set('2026-11-28T12:00:00.000Z');
    const res = await coordinator.postForm(`/beheer/moderatie/organisaties/${org.id}/goedkeuren`, {});
    assert.equal(res.status, 303);
    assert.equal(res.headers.get('location'), '/beheer/moderatie');
    const [o] = await q('select status, published_at, reviewed_at from organisations where id = $1', [org.id]);
    assert.equal(o.status, 'published');
    assert.equal(o.published_at.toISOString(), '2026-11-28T12:00:00.000Z');
    assert.equal(o.reviewed_at.toISOString(), '2026-11-28T12:00:00.000Z');
    const mails = await q('select subject, text_body from outbox where to_address = $1', [owner.user.email]);
    assert.equal(mails.length, 1);
    assert.match(mails[0].subject, /Uw profiel staat online: Goed Bezig/);
    assert.match(mails[0].text_body, new RegExp(`/ondernemers/${org.slug}`));
    const audit = await q(`select actor_user_id, details from audit_log where action = 'organisation.approved' and subject_id = $1`, [org.id]);
    assert.equal(audit.length, 1);
    assert.equal(audit[0].actor_user_id, coordinatorId);
    assert.doesNotMatch(JSON.stringify(audit[0].details), /@/, 'no email addresses in the audit log');

    const again = await coordinator.postForm(`/beheer/moderatie/organisaties/${org.id}/goedkeuren`, {});
    assert.equal(again.status, 409);
    assert.match(await again.text(), /niet meer ter beoordeling/);
    assert.equal((await q('select count(*)::int as n from outbox where to_address = $1', [owner.user.email]))[0].n, 1, 'no second mail');
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'organisation.approved' and subject_id = $1`, [org.id]))[0].n, 1);

    const mine = await (await owner.client.get('/mijn/organisaties')).text();
    assert.match(mine, /Gepubliceerd/);
    t.clock.set('2026-11-28T10:00:00.000Z');
  });

  test('reject needs a reason; the reason reaches the entrepreneur on /mijn/organisaties and by mail', async () => {
    const { org, owner } = await inReview({ name: 'Nog Even Niet' });
    const empty = await coordinator.postForm(`/beheer/moderatie/organisaties/${org.id}/afwijzen`, { reason: '  kort ' });
    assert.equal(empty.status, 422);
    const emptyHtml = await empty.text();
    assert.match(emptyHtml, /Schrijf een reden van minstens 10 tekens/);
    assert.match(emptyHtml, />kort<\/textarea>|>  kort <\/textarea>/, 'the typed reason is kept');
    assert.equal((await q('select status from organisations where id = $1', [org.id]))[0].status, 'in_review');

    const reason = 'Beschrijf beter voor wie u het doet en hoe u dat meet.';
    const res = await coordinator.postForm(`/beheer/moderatie/organisaties/${org.id}/afwijzen`, { reason });
    assert.equal(res.status, 303);
    const [o] = await q('select status, rejection_reason, published_at from organisations where id = $1', [org.id]);
    assert.equal(o.status, 'rejected');
    assert.equal(o.rejection_reason, reason);
    assert.equal(o.published_at, null);
    const mine = await (await owner.client.get('/mijn/organisaties')).text();
    assert.match(mine, /Afgewezen/);
    assert.ok(mine.includes(reason), 'the entrepreneur sees the reason');
    const [mail] = await q('select subject, text_body from outbox where to_address = $1', [owner.user.email]);
    assert.match(mail.subject, /nog niet goedgekeurd/);
    assert.ok(mail.text_body.includes(reason));
    const [audit] = await q(`select details from audit_log where action = 'organisation.rejected' and subject_id = $1`, [org.id]);
    assert.ok(audit, 'audited');
    assert.ok(!JSON.stringify(audit.details).includes('Beschrijf'), 'the free-text reason stays out of the audit log');

    // The entrepreneur fixes the profile and sends it again; the old reason is cleared then.
    const resubmit = await owner.client.postForm(`/mijn/organisaties/${org.id}/indienen`, {});
    assert.equal(resubmit.status, 303);
    const [again] = await q('select status, rejection_reason from organisations where id = $1', [org.id]);
    assert.equal(again.status, 'in_review');
    assert.equal(again.rejection_reason, null);
  });

  test('approve and reject at the same moment: exactly one wins, the other gets a 409, never a 500', async () => {
    const { org, owner } = await inReview({ name: 'Tegelijk' });
    const other = new TestClient(t.app);
    await loginAs(t.db, other, { id: coordinatorId }, t.clock.now());
    const [a, b] = await Promise.all([
      coordinator.postForm(`/beheer/moderatie/organisaties/${org.id}/goedkeuren`, {}),
      other.postForm(`/beheer/moderatie/organisaties/${org.id}/afwijzen`, { reason: 'Dit profiel is nog niet compleet genoeg.' }),
    ]);
    assert.deepEqual([a.status, b.status].sort(), [303, 409]);
    const [o] = await q('select status from organisations where id = $1', [org.id]);
    assert.equal(o.status, a.status === 303 ? 'published' : 'rejected');
    assert.equal((await q('select count(*)::int as n from outbox where to_address = $1', [owner.user.email]))[0].n, 1);
  });

  test('a profile whose consent was withdrawn cannot be approved', async () => {
    const { org, owner } = await inReview({ name: 'Bedacht Zich' });
    const withdraw = await owner.client.postForm(`/mijn/organisaties/${org.id}/toestemming/intrekken`, {});
    assert.equal(withdraw.status, 303);
    const res = await coordinator.postForm(`/beheer/moderatie/organisaties/${org.id}/goedkeuren`, {});
    assert.equal(res.status, 409);
    assert.match(await res.text(), /niet meer ter beoordeling/);
    assert.equal((await q('select status from organisations where id = $1', [org.id]))[0].status, 'draft');
  });

  test('unknown or malformed ids are a 404 page, not a 500', async () => {
    assert.equal((await coordinator.get('/beheer/moderatie/organisaties/geen-uuid')).status, 404);
    assert.equal((await coordinator.get('/beheer/moderatie/organisaties/00000000-0000-0000-0000-000000000000')).status, 404);
    assert.equal((await coordinator.postForm('/beheer/moderatie/organisaties/geen-uuid/goedkeuren', {})).status, 404);
    assert.equal((await coordinator.postForm('/beheer/moderatie/aanvragen/geen-uuid/goedkeuren', {})).status, 404);
  });

  test('the coordinator verifies certifications; certification_codes stays in sync', async () => {
    const owner = await clientFor(['entrepreneur']);
    const created = await owner.client.postForm('/mijn/organisaties/nieuw', {
      name: 'Met Keurmerk',
      kvkNumber: String(++kvk),
      legalForm: 'stichting',
      municipality: 'coevorden',
      certifications: ['pso', 'b-corp'],
    });
    assert.equal(created.status, 303);
    const id = created.headers.get('location')!.split('/').pop()!;
    const res = await coordinator.postForm(`/beheer/moderatie/organisaties/${id}/keurmerken`, { verified: ['pso'] });
    assert.equal(res.status, 303);
    const certs = await q('select code, verified, verified_by, verified_at from organisation_certifications where organisation_id = $1 order by code', [id]);
    assert.deepEqual(
      certs.map((c) => [c.code, c.verified, c.verified_by, c.verified_at?.toISOString() ?? null]),
      [
        ['b-corp', false, null, null],
        ['pso', true, coordinatorId, t.clock.now().toISOString()],
      ],
    );
    assert.deepEqual((await q('select certification_codes from organisations where id = $1', [id]))[0].certification_codes, ['b-corp', 'pso']);
    const page = await (await owner.client.get(`/mijn/organisaties/${id}`)).text();
    assert.match(page, /PSO \(Prestatieladder Socialer Ondernemen\) <span class="ir-cert-state">\(gecontroleerd door de makelaar\)/);

    // The owner drops B Corp: the row and the code disappear together; PSO stays verified.
    await owner.client.postForm(`/mijn/organisaties/${id}/bewerken`, { name: 'Met Keurmerk', kvkNumber: String(kvk), legalForm: 'stichting', municipality: 'coevorden', certifications: ['pso'] });
    assert.deepEqual((await q('select certification_codes from organisations where id = $1', [id]))[0].certification_codes, ['pso']);
    assert.equal((await q(`select verified from organisation_certifications where organisation_id = $1 and code = 'pso'`, [id]))[0].verified, true);

    // A tampered form (too many or too long codes) is refused and changes nothing: it must not read as "none ticked".
    for (const verified of [Array.from({ length: 21 }, (_, n) => `code-${n}`), ['pso', 'x'.repeat(101)]]) {
      assert.equal((await coordinator.postForm(`/beheer/moderatie/organisaties/${id}/keurmerken`, { verified })).status, 400);
      assert.equal((await q(`select verified from organisation_certifications where organisation_id = $1 and code = 'pso'`, [id]))[0].verified, true);
    }

    await coordinator.postForm(`/beheer/moderatie/organisaties/${id}/keurmerken`, {});
    assert.equal((await q(`select verified, verified_by from organisation_certifications where organisation_id = $1 and code = 'pso'`, [id]))[0].verified_by, null);
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'organisation.certifications_verified' and subject_id = $1`, [id]))[0].n, 2);
  });

  test('a pending claim: approval makes the claimant a member who can edit; owners and claimant get a mail', async () => {
    const owner = await clientFor(['entrepreneur']);
    const org = await createOrganisation(t.db, { name: 'Claim BV', kvkNumber: String(++kvk), ownerId: owner.user.id });
    const claimant = await clientFor(['entrepreneur']);
    assert.equal((await claimant.client.get(`/mijn/organisaties/${org.id}/bewerken`)).status, 404, 'not a member yet');
    await claimant.client.postForm('/mijn/organisaties/claimen', { kvkNumber: org.kvkNumber!, message: 'Ik ben de nieuwe directeur.' });
    const [claim] = await q('select id from organisation_claims where user_id = $1', [claimant.user.id]);

    const list = await (await coordinator.get('/beheer/moderatie/aanvragen')).text();
    assert.match(list, new RegExp(`href="/beheer/moderatie/aanvragen/${claim.id}"`));
    const detail = await (await coordinator.get(`/beheer/moderatie/aanvragen/${claim.id}`)).text();
    assert.match(detail, /Ik ben de nieuwe directeur\./);

    const res = await coordinator.postForm(`/beheer/moderatie/aanvragen/${claim.id}/goedkeuren`, {});
    assert.equal(res.status, 303);
    const [c] = await q('select status, decided_by from organisation_claims where id = $1', [claim.id]);
    assert.equal(c.status, 'approved');
    assert.equal(c.decided_by, coordinatorId);
    const [m] = await q('select role from memberships where user_id = $1 and organisation_id = $2', [claimant.user.id, org.id]);
    assert.equal(m.role, 'member');
    assert.equal((await claimant.client.get(`/mijn/organisaties/${org.id}/bewerken`)).status, 200, 'the new member can edit');
    assert.match((await q('select subject from outbox where to_address = $1', [claimant.user.email]))[0].subject, /U bent nu lid van Claim BV/);
    assert.match((await q('select subject from outbox where to_address = $1', [owner.user.email]))[0].subject, /Nieuw lid van Claim BV/);
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'claim.approved' and subject_id = $1`, [claim.id]))[0].n, 1);

    const again = await coordinator.postForm(`/beheer/moderatie/aanvragen/${claim.id}/goedkeuren`, {});
    assert.equal(again.status, 409);
    assert.match(await again.text(), /al besloten/);
  });

  test('a claim on an organisation without owners makes the claimant its owner', async () => {
    const org = await createOrganisation(t.db, { name: 'Weesorganisatie', kvkNumber: String(++kvk) });
    const claimant = await clientFor(['entrepreneur']);
    await claimant.client.postForm('/mijn/organisaties/claimen', { kvkNumber: org.kvkNumber!, message: '' });
    const [claim] = await q('select id from organisation_claims where user_id = $1', [claimant.user.id]);
    await coordinator.postForm(`/beheer/moderatie/aanvragen/${claim.id}/goedkeuren`, {});
    assert.equal((await q('select role from memberships where user_id = $1 and organisation_id = $2', [claimant.user.id, org.id]))[0].role, 'owner');
  });

  test('a rejected claim needs a reason; the claimant sees it and gets a mail; no membership is made', async () => {
    const owner = await clientFor(['entrepreneur']);
    const org = await createOrganisation(t.db, { name: 'Niet Van Jou BV', kvkNumber: String(++kvk), status: 'draft', publishedAt: null, ownerId: owner.user.id });
    const claimant = await clientFor(['entrepreneur']);
    await claimant.client.postForm('/mijn/organisaties/claimen', { kvkNumber: org.kvkNumber!, message: 'Graag.' });
    const [claim] = await q('select id from organisation_claims where user_id = $1', [claimant.user.id]);
    const noReason = await coordinator.postForm(`/beheer/moderatie/aanvragen/${claim.id}/afwijzen`, { reason: '' });
    assert.equal(noReason.status, 422);
    const reason = 'De eigenaar kent u niet. Neem eerst contact met hen op.';
    const res = await coordinator.postForm(`/beheer/moderatie/aanvragen/${claim.id}/afwijzen`, { reason });
    assert.equal(res.status, 303);
    assert.equal((await q('select status from organisation_claims where id = $1', [claim.id]))[0].status, 'rejected');
    assert.equal((await q('select count(*)::int as n from memberships where user_id = $1', [claimant.user.id]))[0].n, 0);
    const mine = await (await claimant.client.get('/mijn/organisaties')).text();
    assert.ok(mine.includes(reason));
    assert.doesNotMatch(mine, /Niet Van Jou BV/, 'the name of an unpublished organisation is not revealed to a rejected claimant');
    const [mail] = await q('select text_body from outbox where to_address = $1', [claimant.user.email]);
    assert.ok(mail.text_body.includes(reason));
    assert.doesNotMatch(mail.text_body, /Niet Van Jou BV/);
    assert.equal((await q('select count(*)::int as n from outbox where to_address = $1', [owner.user.email]))[0].n, 1);
    assert.equal((await q(`select count(*)::int as n from audit_log where action = 'claim.rejected' and subject_id = $1`, [claim.id]))[0].n, 1);
  });

  test('edits of a published profile keep it online and show up under recent changes until marked as seen', async () => {
    const owner = await clientFor(['entrepreneur']);
    const org = await createOrganisation(t.db, {
      name: 'Blijft Online',
      kvkNumber: String(++kvk),
      legalForm: 'bv',
      reviewedAt: new Date('2026-11-01T00:00:00Z'),
      updatedAt: new Date('2026-11-01T00:00:00Z'),
      ownerId: owner.user.id,
    });
    const before = await (await coordinator.get('/beheer/moderatie/wijzigingen')).text();
    assert.doesNotMatch(before, /Blijft Online/);

    const res = await owner.client.postForm(`/mijn/organisaties/${org.id}/bewerken`, {
      name: 'Blijft Online',
      kvkNumber: org.kvkNumber!,
      legalForm: 'bv',
      municipality: 'emmen',
      pitch: 'Een nieuwe, betere zin.',
    });
    assert.equal(res.status, 303);
    assert.equal((await q('select status from organisations where id = $1', [org.id]))[0].status, 'published');

    const list = await (await coordinator.get('/beheer/moderatie/wijzigingen')).text();
    assert.match(list, /Blijft Online/);
    const review = await (await coordinator.get(`/beheer/moderatie/organisaties/${org.id}`)).text();
    assert.match(review, /Gewijzigd sinds uw laatste controle/);
    assert.match(review, /<li>Korte zin over uw organisatie<\/li>/);
    assert.match(review, /Een nieuwe, betere zin\./);

    const seen = await coordinator.postForm(`/beheer/moderatie/organisaties/${org.id}/gezien`, {});
    assert.equal(seen.status, 303);
    assert.doesNotMatch(await (await coordinator.get('/beheer/moderatie/wijzigingen')).text(), /Blijft Online/);
  });

  test('the coordinator can take a published profile offline with a reason', async () => {
    const owner = await clientFor(['entrepreneur']);
    const org = await createOrganisation(t.db, { name: 'Gaat Offline', kvkNumber: String(++kvk), ownerId: owner.user.id });
    const res = await coordinator.postForm(`/beheer/moderatie/organisaties/${org.id}/offline`, { reason: 'De nieuwe tekst past niet bij het platform.' });
    assert.equal(res.status, 303);
    const [o] = await q('select status, published_at, rejection_reason from organisations where id = $1', [org.id]);
    assert.equal(o.status, 'rejected');
    assert.equal(o.published_at, null);
    assert.match((await q('select subject from outbox where to_address = $1', [owner.user.email]))[0].subject, /offline gehaald/);
    const again = await coordinator.postForm(`/beheer/moderatie/organisaties/${org.id}/offline`, { reason: 'De nieuwe tekst past niet bij het platform.' });
    assert.equal(again.status, 409);
  });

  test('the moderation pages render in English', async () => {
    const { org } = await inReview({ name: 'English Please' });
    await coordinator.get('/beheer/moderatie?lang=en');
    for (const [path, text] of [
      ['/beheer/moderatie', /Moderation: profiles in review/],
      ['/beheer/moderatie/aanvragen', /Moderation: requests to become a member/],
      ['/beheer/moderatie/wijzigingen', /Moderation: recent changes/],
      [`/beheer/moderatie/organisaties/${org.id}`, /Review: English Please/],
    ] as const) {
      const html = await (await coordinator.get(path)).text();
      assert.match(html, text, path);
      assert.doesNotMatch(html, /(moderation|profiles)\.[a-zA-Z]+\.[a-zA-Z]/, `${path} shows no raw message keys`);
    }
    await coordinator.get('/beheer/moderatie?lang=nl');
  });
});
