import assert from 'node:assert/strict';
import { test } from 'node:test';
import { i18nFor } from '../../web/i18n/i18n.ts';
import { AddToCalendar } from './views/AddToCalendar.tsx';
import { SubscribeBox } from './views/SubscribeBox.tsx';

const html = async (node: unknown) => String(await (node as { toString(): string | Promise<string> }).toString());
const hrefs = (s: string) => [...s.matchAll(/href="([^"]+)"/g)].map((m) => m[1].replace(/&amp;/g, '&'));

test('SubscribeBox: webcal, Google, Outlook and Atom links for the current filters, and the address to copy', async () => {
  const out = await html(<SubscribeBox i={i18nFor('nl')} publicUrl="https://impactregio.example" filters={{ gemeente: 'emmen', thema: ['energie'] }} />);
  const links = hrefs(out);
  assert.equal(links[0], 'webcal://impactregio.example/agenda.ics?gemeente=emmen&thema=energie');
  const google = new URL(links[1]);
  assert.equal(google.origin, 'https://calendar.google.com');
  assert.equal(google.searchParams.get('cid'), 'webcal://impactregio.example/agenda.ics?gemeente=emmen&thema=energie');
  const outlook = new URL(links[2]);
  assert.equal(outlook.origin, 'https://outlook.live.com');
  assert.equal(outlook.searchParams.get('url'), 'https://impactregio.example/agenda.ics?gemeente=emmen&thema=energie');
  assert.equal(outlook.searchParams.get('name'), 'Impact in de Regio: agenda (Emmen, Energie)');
  assert.equal(links[3], '/agenda.atom?gemeente=emmen&thema=energie');
  assert.match(out, /<label class="utrecht-form-label" for="agenda-feed-url">Adres van de agenda<\/label>/);
  assert.match(out, /value="https:\/\/impactregio.example\/agenda.ics\?gemeente=emmen&amp;thema=energie" readonly=""/);
  assert.match(out, />Abonneren</);
});

test('AddToCalendar: Google and Outlook forms for the date in UTC, and the .ics file', async () => {
  const out = await html(
    <AddToCalendar
      i={i18nFor('en')}
      publicUrl="https://impactregio.example"
      event={{ slug: 'energiecafe', title: 'Energiecafé & meer', summary: 'Praat mee.', location: 'Wijkcentrum, Emmen', isRecurring: true }}
      occurrence={{ startsAt: new Date('2026-10-27T18:30:00Z'), endsAt: new Date('2026-10-27T20:00:00Z') }}
    />,
  );
  const [google, outlook, ics] = hrefs(out).map((h) => new URL(h, 'https://impactregio.example'));
  assert.equal(google.searchParams.get('dates'), '20261027T183000Z/20261027T200000Z');
  assert.equal(google.searchParams.get('text'), 'Energiecafé & meer');
  assert.equal(google.searchParams.get('details'), 'Praat mee.\n\nhttps://impactregio.example/agenda/energiecafe');
  assert.equal(google.searchParams.get('location'), 'Wijkcentrum, Emmen');
  assert.equal(outlook.searchParams.get('startdt'), '2026-10-27T18:30:00.000Z');
  assert.equal(outlook.searchParams.get('subject'), 'Energiecafé & meer');
  assert.equal(ics.pathname, '/agenda/energiecafe.ics');
  assert.match(out, /Download all dates as a calendar file/);
});
