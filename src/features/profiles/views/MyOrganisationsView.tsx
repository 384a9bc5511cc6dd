import type { I18n } from '../../../web/i18n/i18n.ts';
import type { OrganisationRow } from '../profiles.queries.ts';
import { StatusSummary } from './ProfileDetails.tsx';

export type MyOrganisation = {
  id: string;
  name: string;
  slug: string;
  status: OrganisationRow['status'];
  rejectionReason: string | null;
  role: 'owner' | 'member';
  updatedAt: Date;
};

export type MyClaim = {
  id: string;
  status: 'pending' | 'approved' | 'rejected';
  createdAt: Date;
  decisionReason: string | null;
  kvkNumber: string | null;
  organisationName: string | null;
};

export function MyOrganisationsView({ i, organisations, claims, canCreate }: { i: I18n; organisations: MyOrganisation[]; claims: MyClaim[]; canCreate: boolean }) {
  return (
    <>
      <h1 class="utrecht-heading-1">{i.t('profiles.mine.title')}</h1>
      {organisations.length === 0 ? (
        <div class="ir-profile-empty-state">
          <p class="utrecht-paragraph">{i.t('profiles.mine.empty')}</p>
          {canCreate ? (
            <>
              <p class="utrecht-paragraph">{i.t('profiles.mine.emptyHow')}</p>
              <p class="utrecht-paragraph">{i.t('profiles.mine.emptyClaim')}</p>
            </>
          ) : (
            <p class="utrecht-paragraph">{i.t('profiles.mine.noRole')}</p>
          )}
        </div>
      ) : (
        <ul class="ir-profile-list">
          {organisations.map((o) => (
            <li class="ir-card ir-profile-list__item">
              <h2 class="utrecht-heading-3">
                <a class="utrecht-link" href={`/mijn/organisaties/${o.id}`}>
                  {o.name}
                </a>
              </h2>
              <StatusSummary i={i} status={o.status} rejectionReason={o.rejectionReason} muted />
              <ul class="ir-profile-links">
                <li>
                  <a class="utrecht-link" href={`/mijn/organisaties/${o.id}`}>
                    {i.t('profiles.mine.open')}
                    <span class="ir-visually-hidden">: {o.name}</span>
                  </a>
                </li>
                <li>
                  <a class="utrecht-link" href={`/mijn/organisaties/${o.id}/bewerken`}>
                    {i.t('profiles.mine.edit')}
                    <span class="ir-visually-hidden">: {o.name}</span>
                  </a>
                </li>
                <li>
                  <a class="utrecht-link" href={`/mijn/organisaties/${o.id}/logo`}>
                    {i.t('profiles.mine.logo')}
                    <span class="ir-visually-hidden">: {o.name}</span>
                  </a>
                </li>
              </ul>
            </li>
          ))}
        </ul>
      )}
      {canCreate ? (
        <ul class="ir-profile-links">
          <li>
            <a class="utrecht-button utrecht-button--primary-action ir-profile-button-link" href="/mijn/organisaties/nieuw">
              {i.t('profiles.mine.create')}
            </a>
          </li>
          <li>
            <a class="utrecht-link" href="/mijn/organisaties/claimen">
              {i.t('profiles.mine.claimLink')}
            </a>
          </li>
        </ul>
      ) : null}
      {claims.length ? (
        <section aria-labelledby="mijn-aanvragen">
          <h2 class="utrecht-heading-2" id="mijn-aanvragen">
            {i.t('profiles.mine.claimsTitle')}
          </h2>
          <ul class="ir-profile-list">
            {claims.map((c) => (
              <li class="ir-card">
                <p class="utrecht-paragraph">
                  {c.organisationName
                    ? i.t('profiles.mine.claimNamed', { name: c.organisationName, kvk: c.kvkNumber ?? '' })
                    : i.t('profiles.mine.claimKvk', { kvk: c.kvkNumber ?? '' })}
                </p>
                <p class="utrecht-paragraph">
                  {i.t('profiles.mine.claimSent', { date: i.formatDate(c.createdAt) })} {i.t(`profiles.claimStatus.${c.status}`)}
                </p>
                {c.status === 'rejected' && c.decisionReason ? (
                  <div class="ir-profile-reason">
                    <p class="utrecht-paragraph">
                      <strong>{i.t('profiles.mine.reasonLabel')}</strong>
                    </p>
                    <p class="utrecht-paragraph ir-profile-prewrap">{c.decisionReason}</p>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
