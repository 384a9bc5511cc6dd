import { cancelEvent, createEvent } from '../../src/features/agenda/agenda.posting.ts';
import { eventFormSchema } from '../../src/features/agenda/agenda.validation.ts';
import type { CurrentUser } from '../../src/web/types.ts';
import type { TestContext } from '../helpers/test-app.ts';

/** What the page table needs for the agenda pages (see AGENDA_PAGES in pages.ts). */
export type AgendaFixture = {
  /** A published weekly series by the coordinator, with registration on the platform. */
  seriesSlug: string;
  seriesId: string;
  /** A cancelled single event. */
  cancelledSlug: string;
  /** The entrepreneur's event waiting for the coordinator. */
  inReviewEventId: string;
  inReviewEventSlug: string;
};

const form = (over: Record<string, string | string[]>) => ({
  title: 'Evenement',
  type: 'netwerkbijeenkomst',
  description: 'Kom langs en ontmoet andere **impactondernemers**.\n\n- koffie\n- een korte pitch\n\nMeer op [de website](https://example.org).',
  themes: ['energie', 'circulaire-economie'],
  sdgs: ['7', '12'],
  startDate: '2026-12-03',
  startTime: '19:30',
  endTime: '21:30',
  repeat: 'nee',
  attendance: 'locatie',
  locationName: 'De Nieuwe Kolk',
  streetAddress: 'Marktplein 1',
  postcode: '7811 AB',
  city: 'Emmen',
  municipality: 'emmen',
  registrationMode: 'none',
  ...over,
});

async function post(t: TestContext, actor: CurrentUser, values: Record<string, string | string[]>) {
  const input = eventFormSchema.parse(form(values));
  const result = await createEvent(t.ctx(actor), input);
  if (!result.ok) throw new Error(`fixture event refused: ${JSON.stringify(result.errors)}`);
  return result.event;
}

/** A series, a cancelled event and one in review, all through the posting service. */
export async function seedAgenda(t: TestContext, ids: { coordinator: CurrentUser; entrepreneur: CurrentUser; organisationId: string }): Promise<AgendaFixture> {
  const series = await post(t, ids.coordinator, {
    title: 'Energiecafé Emmen',
    repeat: 'wekelijks',
    weekdays: 'TH',
    endsBy: 'aantal',
    count: '8',
    registrationMode: 'internal',
    capacity: '25',
  });
  await post(t, ids.coordinator, {
    title: 'Webinar impact meten',
    type: 'webinar',
    startDate: '2026-12-08',
    startTime: '12:00',
    endTime: '13:00',
    attendance: 'online',
    onlineUrl: 'https://meet.example.org/impact',
    municipality: 'coevorden',
  });
  const cancelled = await post(t, ids.coordinator, { title: 'Markt voor duurzame producten', type: 'markt-beurs', startDate: '2026-12-12', startTime: '10:00', endTime: '16:00' });
  await cancelEvent(t.ctx(ids.coordinator), cancelled.id);
  await post(t, ids.coordinator, { title: 'Terugblik netwerkavond', startDate: '2026-10-15' });
  const inReview = await post(t, ids.entrepreneur, { title: 'Open dag zorgboerderij', type: 'overig', organisation: ids.organisationId, startDate: '2026-12-19', startTime: '10:00', endTime: '15:00' });
  return { seriesSlug: series.slug, seriesId: series.id, cancelledSlug: cancelled.slug, inReviewEventId: inReview.id, inReviewEventSlug: inReview.slug };
}
