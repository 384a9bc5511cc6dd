import type { Child } from 'hono/jsx';
import { CERTIFICATIONS, LEGAL_FORMS, region, SDGS, THEMES } from '../../../data/reference.ts';
import { BadgeList, DataBadge } from '../../../web/components/Badge.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { CertificationRow, ProfileRow } from '../directory.profile.queries.ts';
import { logoHref } from '../directory.urls.ts';

export type OrganisationProfileViewProps = {
  i: I18n;
  organisation: ProfileRow;
  certifications: CertificationRow[];
  /** Stories about this organisation (rendered by the stories feature). */
  stories?: Child;
  /** Upcoming events of this organisation (rendered by the agenda feature). */
  events?: Child;
};

/** Blank lines separate paragraphs in the texts entrepreneurs write. */
const paragraphs = (text: string) =>
  text
    .split(/\n\s*\n/)
    .map((p) => p.trim())
    .filter(Boolean);

function Text({ text }: { text: string }) {
  return (
    <>
      {paragraphs(text).map((p) => (
        <p class="utrecht-paragraph ir-org-page__text">{p}</p>
      ))}
    </>
  );
}

/** Only http(s) links become clickable: a stored "javascript:" URL must never reach an href. */
const safeWebsite = (url: string | null): string | null => {
  if (!url) return null;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.toString() : null;
  } catch {
    return null;
  }
};

const websiteLabel = (url: string) => url.replace(/^https?:\/\//, '').replace(/\/$/, '');

/** GET /ondernemers/:slug: the public profile of one published organisation. */
export function OrganisationProfileView({ i, organisation: o, certifications, stories, events }: OrganisationProfileViewProps) {
  const municipality = region.municipalities.find((m) => m.slug === o.municipalitySlug)?.name ?? o.municipalitySlug;
  const legalForm = LEGAL_FORMS.find((l) => l.code === o.legalForm);
  const website = safeWebsite(o.website);
  const hasImpact = Boolean(o.impactProblem || o.impactTargetGroup || o.impactMeasurement);
  const hasFacts = o.foundedYear !== null || o.employees !== null || legalForm || o.kvkNumber;
  return (
    <article class="ir-org-page">
      <header class="ir-org-page__header">
        {o.hasLogo ? <img class="ir-org-page__logo" src={logoHref(o.slug)} alt={i.t('directory.profile.logoAlt', { name: o.name })} width={128} height={128} /> : null}
        <div>
          <h1 class="utrecht-heading-1">{o.name}</h1>
          {o.pitch ? <p class="utrecht-paragraph utrecht-paragraph--lead">{o.pitch}</p> : null}
          <p class="utrecht-paragraph ir-org-page__place">
            {o.city && o.city !== municipality ? i.t('directory.profile.placeIn', { city: o.city, municipality }) : i.t('directory.profile.municipalityOf', { municipality })}
          </p>
          <BadgeList items={[...(o.isPartner ? [i.t('directory.profile.partner')] : []), ...(o.isDemo ? [i.t('directory.profile.demo')] : [])]} />
        </div>
      </header>

      {o.description ? (
        <section aria-labelledby="over">
          <h2 class="utrecht-heading-2" id="over">
            {i.t('directory.profile.about')}
          </h2>
          <Text text={o.description} />
        </section>
      ) : null}

      {hasImpact ? (
        <section aria-labelledby="impact">
          <h2 class="utrecht-heading-2" id="impact">
            {i.t('directory.profile.impact')}
          </h2>
          <dl class="ir-definition-list">
            {(
              [
                ['directory.profile.impactProblem', o.impactProblem],
                ['directory.profile.impactTargetGroup', o.impactTargetGroup],
                ['directory.profile.impactMeasurement', o.impactMeasurement],
              ] as const
            ).map(([labelKey, text]) =>
              text ? (
                <div>
                  <dt>{i.t(labelKey)}</dt>
                  <dd>
                    <Text text={text} />
                  </dd>
                </div>
              ) : null,
            )}
          </dl>
        </section>
      ) : null}

      {o.themeSlugs.length || o.sdgs.length ? (
        <section aria-labelledby="themas">
          <h2 class="utrecht-heading-2" id="themas">
            {i.t('directory.profile.themesAndSdgs')}
          </h2>
          {o.themeSlugs.length ? (
            <>
              <h3 class="utrecht-heading-3">{i.t('directory.profile.themes')}</h3>
              <ul class="ir-badge-list">
                {o.themeSlugs.map((slug) => {
                  const t = THEMES.find((x) => x.slug === slug);
                  return (
                    <li>
                      <DataBadge>
                        <a class="utrecht-link" href={`/ondernemers?thema=${encodeURIComponent(slug)}`}>
                          {t ? i.label(t.label) : slug}
                        </a>
                      </DataBadge>
                    </li>
                  );
                })}
              </ul>
            </>
          ) : null}
          {o.sdgs.length ? (
            <>
              <h3 class="utrecht-heading-3">{i.t('directory.profile.sdgs')}</h3>
              <ul class="ir-badge-list">
                {[...o.sdgs]
                  .sort((a, b) => a - b)
                  .map((n) => {
                    const s = SDGS.find((x) => x.number === n);
                    return (
                      <li>
                        <DataBadge>
                          <a class="utrecht-link" href={`/ondernemers?sdg=${n}`}>
                            {i.t('directory.sdgLabel', { number: n, label: s ? i.label(s.label) : '' })}
                          </a>
                        </DataBadge>
                      </li>
                    );
                  })}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}

      {certifications.length ? (
        <section aria-labelledby="certificeringen">
          <h2 class="utrecht-heading-2" id="certificeringen">
            {i.t('directory.profile.certifications')}
          </h2>
          <ul class="ir-certifications">
            {certifications.map((c) => {
              const type = CERTIFICATIONS.find((x) => x.code === c.code);
              const label = c.code === 'anders' && c.otherName ? c.otherName : type ? i.label(type.label) : c.code;
              return (
                <li class="ir-certification">
                  <span class="ir-certification__name">{label}</span>{' '}
                  {c.verified ? (
                    <span class="ir-mark ir-mark--verified">
                      <span aria-hidden="true">✓ </span>
                      {i.t('directory.profile.verified')}
                    </span>
                  ) : (
                    <span class="ir-mark">{i.t('directory.profile.notVerified')}</span>
                  )}
                </li>
              );
            })}
          </ul>
        </section>
      ) : null}

      {hasFacts ? (
        <section aria-labelledby="organisatie">
          <h2 class="utrecht-heading-2" id="organisatie">
            {i.t('directory.profile.organisation')}
          </h2>
          <dl class="ir-definition-list">
            {o.foundedYear !== null ? (
              <div>
                <dt>{i.t('directory.profile.founded')}</dt>
                <dd>{o.foundedYear}</dd>
              </div>
            ) : null}
            {o.employees !== null ? (
              <div>
                <dt>{i.t('directory.profile.employees')}</dt>
                <dd>
                  {o.employeesDistanceToLabourMarket
                    ? i.t('directory.profile.employeesWithDistance', {
                        employees: i.formatNumber(o.employees),
                        distance: i.formatNumber(o.employeesDistanceToLabourMarket),
                      })
                    : i.formatNumber(o.employees)}
                </dd>
              </div>
            ) : null}
            {legalForm ? (
              <div>
                <dt>{i.t('directory.profile.legalForm')}</dt>
                <dd>{i.label(legalForm.label)}</dd>
              </div>
            ) : null}
            {o.kvkNumber ? (
              <div>
                <dt>{i.t('directory.profile.kvk')}</dt>
                <dd>{o.kvkNumber}</dd>
              </div>
            ) : null}
          </dl>
        </section>
      ) : null}

      {o.offer || o.needs ? (
        <section aria-labelledby="aanbod-vraag">
          <h2 class="utrecht-heading-2" id="aanbod-vraag">
            {i.t('directory.profile.offerAndNeeds')}
          </h2>
          {o.offer ? (
            <>
              <h3 class="utrecht-heading-3">{i.t('directory.profile.offer')}</h3>
              <Text text={o.offer} />
            </>
          ) : null}
          {o.needs ? (
            <>
              <h3 class="utrecht-heading-3">{i.t('directory.profile.needs')}</h3>
              <Text text={o.needs} />
            </>
          ) : null}
        </section>
      ) : null}

      {events ?? null}

      {stories ?? null}

      <section aria-labelledby="contact">
        <h2 class="utrecht-heading-2" id="contact">
          {i.t('directory.profile.contact')}
        </h2>
        <dl class="ir-definition-list">
          {o.streetAddress || o.postcode || o.city ? (
            <div>
              <dt>{i.t('directory.profile.address')}</dt>
              <dd>
                <address class="ir-address">
                  {o.streetAddress ? (
                    <>
                      {o.streetAddress}
                      <br />
                    </>
                  ) : null}
                  {[o.postcode, o.city].filter(Boolean).join(' ')}
                </address>
              </dd>
            </div>
          ) : null}
          <div>
            <dt>{i.t('directory.profile.municipality')}</dt>
            <dd>
              <a class="utrecht-link" href={`/ondernemers?gemeente=${encodeURIComponent(o.municipalitySlug)}`}>
                {municipality}
              </a>
            </dd>
          </div>
          {website ? (
            <div>
              <dt>{i.t('directory.profile.website')}</dt>
              <dd>
                <a class="utrecht-link" href={website} rel="noopener">
                  {websiteLabel(website)}
                </a>
              </dd>
            </div>
          ) : null}
          {o.email ? (
            <div>
              <dt>{i.t('directory.profile.email')}</dt>
              <dd>
                <a class="utrecht-link" href={`mailto:${o.email}`}>
                  {o.email}
                </a>
              </dd>
            </div>
          ) : null}
          {o.phone ? (
            <div>
              <dt>{i.t('directory.profile.phone')}</dt>
              <dd>
                <a class="utrecht-link" href={`tel:${o.phone.replace(/[^0-9+]/g, '')}`}>
                  {o.phone}
                </a>
              </dd>
            </div>
          ) : null}
        </dl>
      </section>

      <p class="utrecht-paragraph">
        <a class="utrecht-link" href="/ondernemers">
          {i.t('directory.profile.back')}
        </a>
      </p>
    </article>
  );
}
