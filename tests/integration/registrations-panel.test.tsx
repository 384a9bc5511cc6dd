import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RegistrationPanel, type RegistrationPanelProps } from '../../src/features/registrations/views/RegistrationPanel.tsx';
import { i18nFor } from '../../src/web/i18n/i18n.ts';
import type { CurrentUser } from '../../src/web/types.ts';

/** The panel the event page shows per date: every state it can be in, rendered as the page would. */
const i = i18nFor('nl');
const base: RegistrationPanelProps = {
  i18n: i,
  event: { id: 'e1', slug: 'borrel', title: 'Borrel', registrationMode: 'internal', externalRegistrationUrl: null, capacity: 10, status: 'published' },
  occurrence: { id: 'o1', startsAt: new Date('2026-12-10T14:00:00Z'), endsAt: new Date('2026-12-10T15:00:00Z'), status: 'scheduled' },
  summary: { confirmed: 3, waitlisted: 0, placesLeft: 7, mine: null },
  user: null,
  csrfToken: 'csrf-token',
  past: false,
};
const html = (overrides: Partial<RegistrationPanelProps> = {}) => {
  const el = RegistrationPanel({ ...base, ...overrides });
  return el === null ? '' : String(el);
};
const user: CurrentUser = { id: 'u1', email: 'eva@example.org', name: 'Eva', emailVerified: true, roles: [], isDemo: false };

describe('the registration panel on the event page', () => {
  test('a visitor gets a form with name, email, organisation, the hidden date and the CSRF field', () => {
    const h = html();
    assert.match(h, /action="\/agenda\/borrel\/aanmelden"/);
    assert.match(h, /name="occurrenceId" value="o1"/);
    assert.match(h, /name="_csrf" value="csrf-token"/);
    for (const name of ['name', 'email', 'organisationName']) assert.match(h, new RegExp(`name="${name}"`));
    assert.match(h, /Nog 7 plekken vrij/);
    assert.match(h, /10 december 2026/);
    assert.doesNotMatch(h, /wachtlijst/);
  });

  test('two dates on one page have fields with ids of their own', () => {
    const a = html();
    const b = html({ occurrence: { ...base.occurrence, id: 'o2' } });
    const ids = (s: string) => [...s.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]);
    assert.equal(ids(a).filter((id) => ids(b).includes(id)).length, 0);
  });

  test('a full date offers the waitlist', () => {
    const h = html({ summary: { confirmed: 10, waitlisted: 2, placesLeft: 0, mine: null } });
    assert.match(h, /Zet mij op de wachtlijst/);
    assert.match(h, /name="wachtlijst" value="ja"/);
    assert.match(h, /2 mensen op de wachtlijst/);
  });

  test('no limit: no places line; no summary yet: read as nobody registered', () => {
    assert.doesNotMatch(html({ event: { ...base.event, capacity: null }, summary: { confirmed: 0, waitlisted: 0, placesLeft: null, mine: null } }), /plek/);
    assert.match(html({ summary: undefined }), /Nog 10 plekken vrij/);
  });

  test('a logged-in user registers in one click; someone already registered sees their status', () => {
    const h = html({ user });
    assert.match(h, /U meldt zich aan als Eva \(eva@example.org\)/);
    assert.doesNotMatch(h, /name="email"/);
    const mine = html({ user, summary: { confirmed: 4, waitlisted: 0, placesLeft: 6, mine: 'confirmed' } });
    assert.match(mine, /U bent aangemeld voor deze datum/);
    assert.match(mine, /href="\/mijn\/aanmeldingen"/);
    assert.doesNotMatch(mine, /<form/);
    assert.match(html({ user, summary: { confirmed: 10, waitlisted: 1, placesLeft: 0, mine: 'waitlisted' } }), /op de wachtlijst voor deze datum/);
  });

  test('no form when the date is cancelled, past, or the event not published', () => {
    assert.match(html({ occurrence: { ...base.occurrence, status: 'cancelled' } }), /gaat niet door/);
    assert.match(html({ event: { ...base.event, status: 'cancelled' } }), /gaat niet door/);
    assert.match(html({ past: true }), /voorbij/);
    assert.match(html({ event: { ...base.event, status: 'in_review' } }), /zodra het evenement gepubliceerd is/);
    for (const h of [html({ past: true }), html({ occurrence: { ...base.occurrence, status: 'cancelled' } })]) assert.doesNotMatch(h, /<form/);
  });

  test('external registration: a link to the organiser, only for web addresses; none: nothing', () => {
    const ext = { ...base.event, registrationMode: 'external' as const, externalRegistrationUrl: 'https://example.org/aanmelden' };
    assert.match(html({ event: ext }), /href="https:\/\/example.org\/aanmelden"/);
    assert.equal(html({ event: { ...ext, externalRegistrationUrl: 'javascript:alert(1)' } }), '');
    assert.equal(html({ event: { ...base.event, registrationMode: 'none' } }), '');
  });

  test('heading level 3 when the event page puts the panels under a heading of its own', () => {
    assert.match(html({ headingLevel: 3 }), /<h3/);
    assert.match(html(), /<h2/);
  });
});
