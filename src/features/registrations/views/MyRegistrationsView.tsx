import type { I18n } from '../../../web/i18n/i18n.ts';
import { formatWhen } from '../registrations.format.ts';

export type MyRegistration = {
  id: string;
  status: 'confirmed' | 'waitlisted' | 'cancelled';
  position: number | null;
  startsAt: Date;
  endsAt: Date;
  occurrenceStatus: 'scheduled' | 'cancelled';
  slug: string;
  title: string;
  eventStatus: string;
};

/** "Mijn aanmeldingen": dates still to come, each with a link to cancel (a page that asks to confirm). */
export function MyRegistrationsView({ i, items }: { i: I18n; items: MyRegistration[] }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('registrations.mine.title')}</h1>
      <p class="utrecht-paragraph">{i.t('registrations.mine.intro')}</p>
      {items.length === 0 ? (
        <div class="ir-profile-empty-state">
          <p class="utrecht-paragraph">{i.t('registrations.mine.empty')}</p>
          <p class="utrecht-paragraph">
            <a class="utrecht-link" href="/agenda">
              {i.t('registrations.mine.agendaLink')}
            </a>
          </p>
        </div>
      ) : (
        <ul class="ir-profile-list" data-my-registrations>
          {items.map((r) => {
            const off = r.eventStatus === 'cancelled' || r.occurrenceStatus === 'cancelled';
            const when = formatWhen(i, r.startsAt, r.endsAt);
            return (
              <li class="ir-result" data-registration={r.id}>
                <h2 class="utrecht-heading-3 ir-result__title">
                  <a class="utrecht-link" href={`/agenda/${encodeURIComponent(r.slug)}`}>
                    {r.title}
                  </a>
                </h2>
                <p class="ir-result__meta">{when}</p>
                <p class="utrecht-paragraph">
                  {off
                    ? i.t('registrations.mine.eventOff')
                    : r.status === 'waitlisted'
                      ? i.t('registrations.cancel.statusWaitlisted', { position: r.position ?? 1 })
                      : i.t('registrations.status.confirmed')}
                </p>
                {off ? null : (
                  <p class="utrecht-paragraph">
                    <a class="utrecht-link" href={`/mijn/aanmeldingen/${r.id}/annuleren`} aria-label={i.t('registrations.mine.cancelFor', { title: r.title, date: when })}>
                      {i.t('registrations.mine.cancel')}
                    </a>
                  </p>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </>
  );
}
