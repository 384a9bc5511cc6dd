import type { Child } from 'hono/jsx';
import { CERTIFICATIONS, LEGAL_FORMS, region, SDGS, THEMES } from '../../../data/reference.ts';
import { BadgeList } from '../../../web/components/Badge.tsx';
import type { I18n } from '../../../web/i18n/i18n.ts';
import type { CertificationRow, OrganisationRow } from '../profiles.queries.ts';

/** The status as words (never colour alone), with a class for a visual badge. */
export function StatusBadge({ i, status }: { i: I18n; status: OrganisationRow['status'] }) {
  return <span class={`ir-org-status ir-org-status--${status}`}>{i.t(`profiles.status.${status}`)}</span>;
}

/**
 * What the status means for the members, and the coordinator's reason after a rejection. The explanation is muted in
 * the list of organisations, plain on the organisation's own page.
 */
export function StatusSummary({ i, status, rejectionReason, muted = false }: { i: I18n; status: OrganisationRow['status']; rejectionReason: string | null; muted?: boolean }) {
  return (
    <>
      <p class="utrecht-paragraph">
        {i.t('profiles.mine.statusLabel')} <StatusBadge i={i} status={status} />
      </p>
      <p class={muted ? 'utrecht-paragraph ir-profile-muted' : 'utrecht-paragraph'}>{i.t(`profiles.mine.status.${status}`)}</p>
      {status === 'rejected' && rejectionReason ? (
        <div class="ir-profile-reason">
          <p class="utrecht-paragraph">
            <strong>{i.t('profiles.mine.reasonLabel')}</strong>
          </p>
          <p class="utrecht-paragraph ir-profile-prewrap">{rejectionReason}</p>
        </div>
      ) : null}
    </>
  );
}

const labelOf = <T extends { label: { nl: string; en: string } }>(i: I18n, list: ReadonlyArray<T>, pick: (x: T) => boolean): string | null => {
  const hit = list.find(pick);
  return hit ? i.label(hit.label) : null;
};

function Row({ label, children }: { label: string; children?: Child }) {
  return (
    <div class="ir-profile-dl__row">
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Multi-line text typed by the entrepreneur, as paragraphs (no HTML from the user is ever rendered). */
function Paragraphs({ text, empty }: { text: string | null; empty: string }) {
  if (!text || !text.trim()) return <span class="ir-profile-empty">{empty}</span>;
  return (
    <>
      {text.split(/\n{2,}/).map((p) => (
        <p class="utrecht-paragraph ir-profile-prewrap">{p}</p>
      ))}
    </>
  );
}

/** Everything the entrepreneur entered, for the owner's own page and the coordinator's review page. */
export function ProfileDetails({
  i,
  organisation: o,
  certifications,
  headingLevel = 2,
}: {
  i: I18n;
  organisation: OrganisationRow;
  certifications: CertificationRow[];
  headingLevel?: 2 | 3;
}) {
  const empty = i.t('profiles.details.empty');
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const hClass = headingLevel === 2 ? 'utrecht-heading-2' : 'utrecht-heading-3';
  const municipality = region.municipalities.find((m) => m.slug === o.municipalitySlug)?.name ?? o.municipalitySlug;
  const text = (v: string | number | null | undefined) => (v === null || v === undefined || v === '' ? <span class="ir-profile-empty">{empty}</span> : String(v));
  return (
    <div class="ir-profile-details">
      <H class={hClass}>{i.t('profiles.form.sectionBasics')}</H>
      <dl class="ir-profile-dl">
        <Row label={i.t('profiles.field.name')}>{o.name}</Row>
        <Row label={i.t('profiles.field.kvkNumber')}>{text(o.kvkNumber)}</Row>
        <Row label={i.t('profiles.field.legalForm')}>{text(labelOf(i, LEGAL_FORMS, (f) => f.code === o.legalForm))}</Row>
        <Row label={i.t('profiles.field.municipality')}>{municipality}</Row>
        <Row label={i.t('profiles.field.pitch')}>{text(o.pitch)}</Row>
      </dl>
      <H class={hClass}>{i.t('profiles.form.sectionContact')}</H>
      <dl class="ir-profile-dl">
        <Row label={i.t('profiles.field.streetAddress')}>{text(o.streetAddress)}</Row>
        <Row label={i.t('profiles.field.postcode')}>{text(o.postcode)}</Row>
        <Row label={i.t('profiles.field.city')}>{text(o.city)}</Row>
        <Row label={i.t('profiles.details.location')}>
          {o.lat !== null && o.lng !== null ? `${i.formatNumber(o.lat)}, ${i.formatNumber(o.lng)}` : <span class="ir-profile-empty">{empty}</span>}
        </Row>
        <Row label={i.t('profiles.field.website')}>
          {o.website && /^https?:\/\//i.test(o.website) ? (
            <a class="utrecht-link" href={o.website} rel="noopener noreferrer nofollow">
              {o.website}
            </a>
          ) : (
            text(null)
          )}
        </Row>
        <Row label={i.t('profiles.field.email')}>{text(o.email)}</Row>
        <Row label={i.t('profiles.field.phone')}>{text(o.phone)}</Row>
      </dl>
      <H class={hClass}>{i.t('profiles.form.sectionAbout')}</H>
      <dl class="ir-profile-dl">
        <Row label={i.t('profiles.field.description')}>
          <Paragraphs text={o.description} empty={empty} />
        </Row>
        <Row label={i.t('profiles.field.foundedYear')}>{text(o.foundedYear)}</Row>
        <Row label={i.t('profiles.field.employees')}>{o.employees === null ? text(null) : i.formatNumber(o.employees)}</Row>
        <Row label={i.t('profiles.field.employeesDistance')}>
          {o.employeesDistanceToLabourMarket === null ? text(null) : i.formatNumber(o.employeesDistanceToLabourMarket)}
        </Row>
      </dl>
      <H class={hClass}>{i.t('profiles.form.sectionImpact')}</H>
      <dl class="ir-profile-dl">
        <Row label={i.t('profiles.field.impactProblem')}>
          <Paragraphs text={o.impactProblem} empty={empty} />
        </Row>
        <Row label={i.t('profiles.field.impactTargetGroup')}>
          <Paragraphs text={o.impactTargetGroup} empty={empty} />
        </Row>
        <Row label={i.t('profiles.field.impactMeasurement')}>
          <Paragraphs text={o.impactMeasurement} empty={empty} />
        </Row>
        <Row label={i.t('profiles.field.themes')}>
          {o.themeSlugs.length ? <BadgeList items={o.themeSlugs.map((slug) => labelOf(i, THEMES, (t) => t.slug === slug) ?? slug)} /> : text(null)}
        </Row>
        <Row label={i.t('profiles.field.sdgs')}>
          {o.sdgs.length ? <BadgeList items={o.sdgs.map((n) => `${n}. ${labelOf(i, SDGS, (s) => s.number === n) ?? ''}`)} /> : text(null)}
        </Row>
        <Row label={i.t('profiles.field.certifications')}>
          {certifications.length ? (
            <ul class="utrecht-unordered-list">
              {certifications.map((c) => (
                <li>
                  {c.code === 'anders' && c.otherName ? `${labelOf(i, CERTIFICATIONS, (x) => x.code === c.code)}: ${c.otherName}` : labelOf(i, CERTIFICATIONS, (x) => x.code === c.code) ?? c.code}
                  {' '}
                  <span class="ir-cert-state">({i.t(c.verified ? 'profiles.details.verified' : 'profiles.details.notVerified')})</span>
                </li>
              ))}
            </ul>
          ) : (
            text(null)
          )}
        </Row>
      </dl>
      <H class={hClass}>{i.t('profiles.form.sectionOfferNeeds')}</H>
      <dl class="ir-profile-dl">
        <Row label={i.t('profiles.field.offer')}>
          <Paragraphs text={o.offer} empty={empty} />
        </Row>
        <Row label={i.t('profiles.field.needs')}>
          <Paragraphs text={o.needs} empty={empty} />
        </Row>
      </dl>
    </div>
  );
}
