import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { createEvent, cancelEvent } from '../../src/features/agenda/agenda.posting.ts';
import { eventFormSchema } from '../../src/features/agenda/agenda.validation.ts';
import { countAgendaItems, listAgendaItems, textMatchFor } from '../../src/features/agenda/agenda.queries.ts';
import type { CurrentUser } from '../../src/web/types.ts';
import { TestClient } from '../helpers/client.ts';
import { createOrganisation, createUser, loginAs } from '../helpers/factories.ts';
import { createTestContext, type TestContext } from '../helpers/test-app.ts';
import { eventForm } from './agenda.helpers.ts';

describe('agenda pages, filters and the open data API', () => {
  let t: TestContext;
  let coordinator: CurrentUser;
  let visitor: TestClient;
  const slugs: Record<string, string> = {};
  let orgSlug = '';

  async function post(key: string, over: Record<string, string | string[]>, actor = coordinator) {
    const result = await createEvent(t.ctx(actor), eventFormSchema.parse(eventForm(over)));
    assert.ok(result.ok, JSON.stringify(!result.ok && result.errors));
    slugs[key] = result.event.slug;
    return result.event;
  }

  before(async () => {
    t = await createTestContext({ now: '2026-11-28T10:00:00.000Z' });
    coordinator = await createUser(t.db, { roles: ['coordinator'] });
    const org = await createOrganisation(t.db, { name: 'Zonnewerf Coevorden', slug: 'zonnewerf-coevorden', municipalitySlug: 'coevorden' });
    orgSlug = org.slug;
    visitor = new TestClient(t.app);
    await post('emmen', { title: 'Energiecafé Emmen', themes: ['energie'], description: 'Over zonnepanelen en warmtepompen.' });
    await post('webinar', {
      title: 'Webinar inkoop',
      type: 'webinar',
      themes: ['inclusief-werk'],
      attendance: 'online',
      onlineUrl: 'https://meet.example.org/geheim',
      municipality: 'hoogeveen',
      locationName: '',
      streetAddress: '',
      postcode: '',
      city: '',
      startDate: '2026-12-15',
      startTime: '12:00',
      endTime: '13:00',
    });
    await post('coevorden', { title: 'Werkplaats Coevorden', organisation: org.id, municipality: 'coevorden', city: 'Coevorden', type: 'workshop', themes: ['circulaire-economie'], startDate: '2027-01-14' });
    await post('series', { title: 'Maandelijkse lunch', repeat: 'maandelijks', monthlyPosition: '-1', startDate: '2026-12-25', endsBy: 'aantal', count: '6', themes: ['voedsel'] });
    await post('past', { title: 'Netwerkavond oktober', startDate: '2026-10-08' });
    await post('hidden', { title: 'Besloten rondleiding', locationForRegisteredOnly: 'on', startDate: '2026-12-18', streetAddress: 'Geheimstraat 7' });
    const cancelled = await post('cancelled', { title: 'Afgelaste markt', type: 'markt-beurs', startDate: '2026-12-05' });
    await cancelEvent(t.ctx(coordinator), cancelled.id);
  });
  after(async () => {
    await t.close();
  });

  const html = async (path: string, status = 200) => {
    const res = await visitor.get(path);
    assert.equal(res.status, status, path);
    return res.text();
  };
  const titlesIn = (page: string) => ['Energiecafé Emmen', 'Webinar inkoop', 'Werkplaats Coevorden', 'Maandelijkse lunch', 'Netwerkavond oktober', 'Besloten rondleiding', 'Afgelaste markt'].filter((x) => page.includes(x));

  test('the list shows upcoming events soonest first, grouped by day, cancelled ones marked; past ones only in the archive', async () => {
    const page = await html('/agenda');
    assert.deepEqual(titlesIn(page).sort(), ['Afgelaste markt', 'Besloten rondleiding', 'Energiecafé Emmen', 'Maandelijkse lunch', 'Webinar inkoop', 'Werkplaats Coevorden'].sort());
    assert.ok(page.indexOf('Afgelaste markt') < page.indexOf('Energiecafé Emmen'), 'soonest first (5 before 10 December)');
    assert.match(page, /zaterdag 5 december 2026/);
    assert.match(page, /Gaat niet door/);
    assert.match(page, /19:30 tot 21:30 uur/);
    const archive = await html('/agenda/archief');
    assert.deepEqual(titlesIn(archive), ['Netwerkavond oktober']);
  });

  test('filters in the URL: municipality, theme, type, online, free text, date range', async () => {
    assert.deepEqual(titlesIn(await html('/agenda?gemeente=coevorden')), ['Werkplaats Coevorden']);
    assert.deepEqual(titlesIn(await html('/agenda?thema=voedsel&thema=inclusief-werk')).sort(), ['Maandelijkse lunch', 'Webinar inkoop']);
    assert.deepEqual(titlesIn(await html('/agenda?type=webinar')), ['Webinar inkoop']);
    assert.deepEqual(titlesIn(await html('/agenda?online=ja')), ['Webinar inkoop']);
    assert.ok(!titlesIn(await html('/agenda?online=nee')).includes('Webinar inkoop'));
    assert.deepEqual(titlesIn(await html('/agenda?q=warmtepompen')), ['Energiecafé Emmen']);
    assert.deepEqual(titlesIn(await html('/agenda?q=zonnepaneel')), ['Energiecafé Emmen'], 'Dutch stemming');
    assert.deepEqual(titlesIn(await html('/agenda?van=2026-12-15&tot=2026-12-18')).sort(), ['Besloten rondleiding', 'Webinar inkoop']);
    // The filter form shows what was chosen.
    assert.match(await html('/agenda?gemeente=coevorden'), /<option value="coevorden" selected="">/);
  });

  test('the two ways of applying free text (few or many matching events) give the same agenda', async () => {
    const w = { now: t.clock.now(), past: false };
    const match = await textMatchFor(t.db, 'inkoop');
    assert.equal(match?.kind, 'ids');
    const ids = match && 'ids' in match ? match.ids : [];
    const filters = { thema: [] as string[], q: 'inkoop' };
    const results = [];
    for (const text of [{ kind: 'ids' as const, ids }, { kind: 'vector' as const, q: 'inkoop' }]) {
      const items = await listAgendaItems(t.db, filters, w, 20, 0, { text });
      results.push({ items: items.map((x) => x.occurrenceId), count: await countAgendaItems(t.db, filters, w, 201, text) });
    }
    assert.ok(results[0].items.length > 0);
    assert.deepEqual(results[1], results[0]);
    assert.deepEqual(await textMatchFor(t.db, 'onvindbaarwoord'), { kind: 'none' });
    assert.equal(await textMatchFor(t.db, undefined), null);
  });

  test('unknown filter values answer 400 with a message per parameter, not an empty list', async () => {
    const cases: Array<[string, RegExp]> = [
      ['/agenda?gemeente=atlantis', /Deze gemeente kennen we niet/],
      ['/agenda?thema=ruimtevaart', /Dit thema kennen we niet/],
      ['/agenda?type=feest', /Deze soort evenement kennen we niet/],
      ['/agenda?online=misschien', /Kies bij online/],
      ['/agenda?van=2026-02-30', /De datum (&quot;|")vanaf(&quot;|") klopt niet/],
      ['/agenda?van=2026-12-10&tot=2026-12-01', /ligt voor de datum/],
      ['/agenda?weergave=jaar', /Kies als weergave/],
      ['/agenda?weergave=maand&maand=2026-13', /De maand klopt niet/],
      ['/agenda?pagina=nul', /paginanummer/],
      ['/agenda/archief?gemeente=atlantis', /Deze gemeente kennen we niet/],
    ];
    for (const [path, message] of cases) {
      const page = await html(path, 400);
      assert.match(page, message, path);
      assert.deepEqual(titlesIn(page), [], `${path} lists nothing`);
    }
    // Both wrong at once: both messages.
    const both = await html('/agenda?gemeente=atlantis&type=feest', 400);
    assert.match(both, /Deze gemeente kennen we niet/);
    assert.match(both, /Deze soort evenement kennen we niet/);
  });

  test('the month view is a calendar without JavaScript, with the events on their days and links to other months', async () => {
    const page = await html('/agenda?weergave=maand&maand=2026-12');
    assert.match(page, /<table class="utrecht-table ir-agenda-month">/);
    assert.match(page, /december 2026/);
    for (const title of ['Energiecafé Emmen', 'Webinar inkoop', 'Maandelijkse lunch', 'Afgelaste markt']) assert.ok(page.includes(title), title);
    assert.ok(!page.includes('Werkplaats Coevorden'), 'January is not in December');
    assert.match(page, /maand=2027-01/);
    assert.match(page, /maand=2026-11/);
    const january = await html('/agenda?weergave=maand&maand=2027-01&gemeente=coevorden');
    assert.deepEqual(titlesIn(january), ['Werkplaats Coevorden']);
  });

  test('an event page: when in Dutch time, where, organiser linked, themes, places, sanitised description and JSON-LD', async () => {
    const page = await html(`/agenda/${slugs.coevorden}`);
    assert.match(page, /donderdag 14 januari 2027, 19:30 tot 21:30 uur/);
    assert.match(page, /De Nieuwe Kolk, Marktplein 1, 7811 AB Coevorden/);
    assert.match(page, new RegExp(`href="/ondernemers/${orgSlug}"`));
    assert.match(page, /Circulaire economie/i);
    assert.match(page, /20 plaatsen, nog 20 vrij/);
    assert.match(page, /data-registration-panel/);
    assert.match(page, /<strong>koffie<\/strong>/);
    const ld = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(page)![1]);
    assert.equal(ld[0]['@type'], 'Event');
    assert.equal(ld[0].name, 'Werkplaats Coevorden');
    assert.equal(ld[0].startDate, '2027-01-14T19:30:00+01:00');
    assert.equal(ld[0].eventStatus, 'https://schema.org/EventScheduled');
    assert.equal(ld[0].eventAttendanceMode, 'https://schema.org/OfflineEventAttendanceMode');
    assert.equal(ld[0].location.address.addressLocality, 'Coevorden');
    assert.equal(ld[0].organizer.name, 'Zonnewerf Coevorden');

    const online = await html(`/agenda/${slugs.webinar}`);
    const onlineLd = JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(online)![1]);
    assert.equal(onlineLd[0].eventAttendanceMode, 'https://schema.org/OnlineEventAttendanceMode');

    const cancelled = await html(`/agenda/${slugs.cancelled}`);
    assert.match(cancelled, /Dit evenement gaat niet door/);
    assert.match(cancelled, /EventCancelled/);

    // A series lists its rule and each date; the JSON-LD describes the next dates.
    const series = await html(`/agenda/${slugs.series}`);
    assert.match(series, /Elke maand op de laatste vrijdag, 6 keer/);
    assert.equal(JSON.parse(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/.exec(series)![1]).length, 6);
  });

  test('an address shown only to registered people stays out of the page, the JSON-LD and the API', async () => {
    const page = await html(`/agenda/${slugs.hidden}`);
    assert.ok(!page.includes('Geheimstraat'), 'address hidden from visitors');
    assert.match(page, /data-location-hidden/);
    const api = await (await visitor.get(`/api/v1/evenementen/${slugs.hidden}`)).json();
    assert.equal(api.location.streetAddress, null);
    assert.equal(api.location.city, 'Emmen');
    // Its organiser (the coordinator) sees it.
    const staff = new TestClient(t.app);
    await loginAs(t.db, staff, coordinator, t.clock.now());
    assert.match(await (await staff.get(`/agenda/${slugs.hidden}`)).text(), /Geheimstraat 7/);
    // The list of the coordinator's events works too.
    const mine = await staff.get('/mijn/evenementen');
    assert.equal(mine.status, 200);
    assert.match(await mine.text(), /Besloten rondleiding/);
  });

  test('a description that somehow holds HTML (written around the form) is still shown as text, never run', async () => {
    await t.db.$client.query(`update events set description = $1 where slug = $2`, [
      '<script>alert(1)</script> <img src=x onerror="alert(2)"> [klik](javascript:alert(3)) <a href="javascript:alert(4)">x</a>',
      slugs.emmen,
    ]);
    const page = await html(`/agenda/${slugs.emmen}`);
    const body = page.slice(page.indexOf('<main'));
    assert.ok(!/<script>alert/.test(body), 'no script element');
    assert.ok(!/<img[^>]*onerror/i.test(body), 'no event handler attribute');
    assert.ok(!/href="javascript:/i.test(body), 'no javascript: link');
    assert.match(body, /&lt;script&gt;alert\(1\)&lt;\/script&gt;/, 'shown as text');
  });

  test('an organisation profile lists its upcoming events', async () => {
    const page = await html(`/ondernemers/${orgSlug}`);
    assert.match(page, /data-organisation-events/);
    assert.match(page, /Werkplaats Coevorden/);
  });

  test('API: list with filters, paging links, API-Version; detail; problem+json for unknown values', async () => {
    const res = await visitor.get('/api/v1/evenementen?pageSize=2');
    assert.equal(res.status, 200);
    assert.ok(res.headers.get('api-version'));
    const body = await res.json();
    assert.equal(body.items.length, 2);
    assert.equal(body.total, 5 + 6, 'five single upcoming events and the six dates of the series');
    assert.match(res.headers.get('link') ?? '', /rel="next"/);
    assert.match(res.headers.get('link') ?? '', /page=6/);
    assert.equal(res.headers.get('x-total-count'), '11');
    assert.equal(body.items[0].title, 'Afgelaste markt');
    assert.equal(body.items[0].status, 'cancelled');

    const filtered = await (await visitor.get('/api/v1/evenementen?gemeente=coevorden&type=workshop')).json();
    assert.deepEqual(filtered.items.map((x: { title: string }) => x.title), ['Werkplaats Coevorden']);
    assert.equal(filtered.items[0].organiser.slug, orgSlug);

    const bad = await visitor.get('/api/v1/evenementen?gemeente=atlantis&online=soms');
    assert.equal(bad.status, 400);
    assert.match(bad.headers.get('content-type') ?? '', /application\/problem\+json/);
    const problem = await bad.json();
    assert.deepEqual(problem.invalidParams.map((p: { name: string }) => p.name).sort(), ['gemeente', 'online']);

    const detail = await visitor.get(`/api/v1/evenementen/${slugs.series}`);
    assert.equal(detail.status, 200);
    const d = await detail.json();
    assert.equal(d.recurrence.rrule, 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=6');
    assert.equal(d.occurrences.length, 6);
    assert.equal(d.occurrences[0].startsAt, '2026-12-25T18:30:00.000Z');
    assert.equal((await visitor.get('/api/v1/evenementen/bestaat-niet')).status, 404);

    const doc = await (await visitor.get('/api/v1/openapi.json')).json();
    assert.ok(doc.paths['/api/v1/evenementen']);
    assert.ok(doc.paths['/api/v1/evenementen/{slug}']);
  });
});
