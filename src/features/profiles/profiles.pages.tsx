import { type Context, Hono } from 'hono';
import { isAppError } from '../../lib/errors.ts';
import { emptyForm, type FormState } from '../../web/components/forms.tsx';
import { readForm, validate } from '../../web/forms.ts';
import type { I18n } from '../../web/i18n/i18n.ts';
import { requireRole, requireUser } from '../../web/middleware/auth.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { hasRole } from '../accounts/permissions.ts';
import type { CertificationRow, OrganisationRow } from './profiles.queries.ts';
import { getLogoForViewer, removeLogo, uploadLogo } from './profiles.logo.ts';
import {
  createOrganisation,
  getOwnOrganisation,
  giveConsent,
  type KvkTaken,
  listMyOrganisations,
  requestClaim,
  submitForReview,
  updateOrganisation,
  withdrawConsent,
} from './profiles.service.ts';
import { ClaimSchema, ConsentSchema, profileInputSchema } from './profiles.validation.ts';
import { ClaimView } from './views/ClaimView.tsx';
import { LogoView } from './views/LogoView.tsx';
import { MyOrganisationsView } from './views/MyOrganisationsView.tsx';
import { OrganisationView } from './views/OrganisationView.tsx';
import { profileFieldLabels, ProfileFormView } from './views/ProfileFormView.tsx';

const schemaFor = (c: Context<AppEnv>) => profileInputSchema({ currentYear: Number(new Intl.DateTimeFormat('en', { year: 'numeric', timeZone: 'Europe/Amsterdam' }).format(c.var.deps.clock.now())) });

/** The edit form filled from the stored organisation. */
function formValuesOf(o: OrganisationRow, certifications: CertificationRow[]): FormState['values'] {
  const str = (v: string | number | null) => (v === null ? '' : String(v));
  return {
    name: o.name,
    kvkNumber: str(o.kvkNumber),
    legalForm: str(o.legalForm),
    municipality: o.municipalitySlug,
    streetAddress: str(o.streetAddress),
    postcode: str(o.postcode),
    city: str(o.city),
    lat: str(o.lat),
    lng: str(o.lng),
    website: str(o.website),
    email: str(o.email),
    phone: str(o.phone),
    pitch: o.pitch,
    description: o.description,
    impactProblem: o.impactProblem,
    impactTargetGroup: o.impactTargetGroup,
    impactMeasurement: o.impactMeasurement,
    themes: o.themeSlugs,
    sdgs: o.sdgs.map(String),
    certifications: certifications.map((c) => c.code),
    certificationOther: certifications.find((c) => c.code === 'anders')?.otherName ?? '',
    foundedYear: str(o.foundedYear),
    employees: str(o.employees),
    employeesDistance: str(o.employeesDistanceToLabourMarket),
    offer: o.offer,
    needs: o.needs,
  };
}

const kvkTakenError = (i: I18n, taken: KvkTaken) => ({ kvkNumber: [i.t('profiles.validation.kvkTaken', { kvk: taken.kvkNumber })] });
const translate = (i: I18n, errors: Record<string, string[]>) =>
  Object.fromEntries(Object.entries(errors).map(([field, keys]) => [field, keys.map((k) => i.t(k))]));

/** /mijn/organisaties: an entrepreneur's own organisations, the create/edit forms, logo, consent and submit. */
export function profilesRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/mijn/organisaties', requireUser());
  app.use('/mijn/organisaties/*', requireUser());

  app.get('/mijn/organisaties', async (c) => {
    const i = c.var.i18n;
    const { organisations, claims } = await listMyOrganisations(serviceContextOf(c));
    return renderPage(
      c,
      { title: i.t('profiles.mine.title') },
      <MyOrganisationsView i={i} organisations={organisations} claims={claims} canCreate={hasRole(c.var.user, 'entrepreneur')} />,
    );
  });

  // --- create ---------------------------------------------------------------------------------------------------
  const renderCreate = (c: Context<AppEnv>, form: FormState, status: 200 | 409 | 422, kvkTaken: KvkTaken | null = null) =>
    renderPage(
      c,
      { title: c.var.i18n.t('profiles.create.title'), status },
      <ProfileFormView i={c.var.i18n} form={form} mode="create" action="/mijn/organisaties/nieuw" csrfToken={c.var.csrfToken} kvkTaken={kvkTaken} cancelHref="/mijn/organisaties" />,
    );

  app.get('/mijn/organisaties/nieuw', requireRole('entrepreneur'), (c) => renderCreate(c, emptyForm(), 200));

  app.post('/mijn/organisaties/nieuw', requireRole('entrepreneur'), async (c) => {
    const i = c.var.i18n;
    const values = await readForm(c);
    const parsed = validate(schemaFor(c), values, i);
    if (!parsed.success) return renderCreate(c, { values, errors: parsed.errors }, 422);
    const result = await createOrganisation(serviceContextOf(c), parsed.data);
    if (!result.ok) return renderCreate(c, { values, errors: kvkTakenError(i, result.kvkTaken) }, 409, result.kvkTaken);
    return redirectWithFlash(c, `/mijn/organisaties/${result.organisation.id}`, 'profiles.flash.created');
  });

  // --- claims ---------------------------------------------------------------------------------------------------
  const renderClaim = (c: Context<AppEnv>, form: FormState, status: 200 | 422) =>
    renderPage(c, { title: c.var.i18n.t('profiles.claim.title'), status }, <ClaimView i={c.var.i18n} csrfToken={c.var.csrfToken} form={form} />);

  app.get('/mijn/organisaties/claimen', requireRole('entrepreneur'), (c) => renderClaim(c, emptyForm({ kvkNumber: (c.req.query('kvk') ?? '').slice(0, 12) }), 200));

  app.post('/mijn/organisaties/claimen', requireRole('entrepreneur'), async (c) => {
    const i = c.var.i18n;
    const values = await readForm(c);
    const parsed = validate(ClaimSchema, values, i);
    if (!parsed.success) return renderClaim(c, { values, errors: parsed.errors }, 422);
    const result = await requestClaim(serviceContextOf(c), parsed.data);
    if (result === 'unknown_kvk') return renderClaim(c, { values, errors: { kvkNumber: [i.t('profiles.claim.unknownKvk')] } }, 422);
    const flashKey = { created: 'profiles.flash.claimSent', already_member: 'profiles.flash.alreadyMember', already_pending: 'profiles.flash.claimPending' }[result];
    return redirectWithFlash(c, '/mijn/organisaties', flashKey);
  });

  // --- one organisation -----------------------------------------------------------------------------------------
  const renderOverview = async (c: Context<AppEnv>, id: string, form?: FormState, status: 200 | 409 | 422 = 200) => {
    const data = await getOwnOrganisation(serviceContextOf(c), id);
    return renderPage(
      c,
      { title: data.organisation.name, status },
      <OrganisationView
        i={c.var.i18n}
        csrfToken={c.var.csrfToken}
        organisation={data.organisation}
        certifications={data.certifications}
        consent={data.consent}
        missing={data.missing}
        form={form}
      />,
    );
  };

  app.get('/mijn/organisaties/:id', (c) => renderOverview(c, c.req.param('id')));

  app.post('/mijn/organisaties/:id/toestemming', async (c) => {
    const i = c.var.i18n;
    const id = c.req.param('id');
    const values = await readForm(c);
    const parsed = validate(ConsentSchema, values, i);
    if (!parsed.success) return renderOverview(c, id, { values, errors: parsed.errors }, 422);
    await giveConsent(serviceContextOf(c), id);
    return redirectWithFlash(c, `/mijn/organisaties/${id}`, 'profiles.flash.consentGiven');
  });

  app.post('/mijn/organisaties/:id/toestemming/intrekken', async (c) => {
    const id = c.req.param('id');
    const result = await withdrawConsent(serviceContextOf(c), id);
    const key = result.unpublished ? 'profiles.flash.consentWithdrawnOffline' : result.withdrawn ? 'profiles.flash.consentWithdrawn' : 'profiles.flash.noConsent';
    return redirectWithFlash(c, `/mijn/organisaties/${id}`, key);
  });

  app.post('/mijn/organisaties/:id/indienen', async (c) => {
    const i = c.var.i18n;
    const id = c.req.param('id');
    try {
      const result = await submitForReview(serviceContextOf(c), id);
      if (result.ok) return redirectWithFlash(c, `/mijn/organisaties/${id}`, 'profiles.flash.submitted');
      const errors: FormState['errors'] = {};
      if (result.needsConsent) errors.consent = [i.t('profiles.submit.needsConsent')];
      if (result.missing.length) {
        const labels = profileFieldLabels(i);
        errors.submit = [i.t('profiles.submit.incomplete', { fields: result.missing.map((f) => labels[f] ?? f).join(', ') })];
      }
      return renderOverview(c, id, { values: {}, errors }, 422);
    } catch (e) {
      if (isAppError(e) && e.code === 'conflict') return renderOverview(c, id, { values: {}, errors: { submit: [i.t(e.message)] } }, 409);
      throw e;
    }
  });

  // --- edit -----------------------------------------------------------------------------------------------------
  const renderEdit = (c: Context<AppEnv>, id: string, name: string, form: FormState, status: 200 | 422) =>
    renderPage(
      c,
      { title: c.var.i18n.t('profiles.edit.title', { name }), status },
      <ProfileFormView
        i={c.var.i18n}
        form={form}
        mode="edit"
        action={`/mijn/organisaties/${id}/bewerken`}
        csrfToken={c.var.csrfToken}
        organisationName={name}
        cancelHref={`/mijn/organisaties/${id}`}
      />,
    );

  app.get('/mijn/organisaties/:id/bewerken', async (c) => {
    const id = c.req.param('id');
    const { organisation, certifications } = await getOwnOrganisation(serviceContextOf(c), id);
    return renderEdit(c, id, organisation.name, emptyForm(formValuesOf(organisation, certifications)), 200);
  });

  app.post('/mijn/organisaties/:id/bewerken', async (c) => {
    const i = c.var.i18n;
    const id = c.req.param('id');
    const ctx = serviceContextOf(c);
    // Membership first: an outsider gets the same 404 whether or not the input is valid.
    const { organisation } = await getOwnOrganisation(ctx, id);
    const values = await readForm(c);
    const parsed = validate(schemaFor(c), values, i);
    if (!parsed.success) return renderEdit(c, id, organisation.name, { values, errors: parsed.errors }, 422);
    const result = await updateOrganisation(ctx, id, parsed.data);
    if (!result.ok) return renderEdit(c, id, organisation.name, { values, errors: kvkTakenError(i, result.kvkTaken) }, 422);
    return redirectWithFlash(c, `/mijn/organisaties/${id}`, result.changedFields.length ? 'profiles.flash.saved' : 'profiles.flash.unchanged');
  });

  // --- logo -----------------------------------------------------------------------------------------------------
  const renderLogo = async (c: Context<AppEnv>, id: string, form: FormState, status: 200 | 422) => {
    const { organisation } = await getOwnOrganisation(serviceContextOf(c), id);
    return renderPage(
      c,
      { title: c.var.i18n.t('profiles.logo.title', { name: organisation.name }), status },
      <LogoView i={c.var.i18n} csrfToken={c.var.csrfToken} organisation={organisation} form={form} />,
    );
  };

  app.get('/mijn/organisaties/:id/logo', (c) => renderLogo(c, c.req.param('id'), emptyForm(), 200));

  app.post('/mijn/organisaties/:id/logo', async (c) => {
    const id = c.req.param('id');
    const body = await c.req.parseBody({ all: true });
    const file = Array.isArray(body.logo) ? body.logo[0] : body.logo;
    const upload = file instanceof File && (file.size > 0 || file.name) ? new Uint8Array(await file.arrayBuffer()) : null;
    try {
      await uploadLogo(serviceContextOf(c), id, upload);
    } catch (e) {
      if (isAppError(e) && e.code === 'validation_failed') return renderLogo(c, id, { values: {}, errors: translate(c.var.i18n, e.fieldErrors) }, 422);
      throw e;
    }
    return redirectWithFlash(c, `/mijn/organisaties/${id}/logo`, 'profiles.flash.logoSaved');
  });

  app.post('/mijn/organisaties/:id/logo/verwijderen', async (c) => {
    const id = c.req.param('id');
    const removed = await removeLogo(serviceContextOf(c), id);
    return redirectWithFlash(c, `/mijn/organisaties/${id}/logo`, removed ? 'profiles.flash.logoRemoved' : 'profiles.flash.noLogo');
  });

  app.get('/mijn/organisaties/:id/logo/afbeelding', async (c) => {
    const logo = await getLogoForViewer(serviceContextOf(c), c.req.param('id'));
    return c.body(new Uint8Array(logo.bytes), 200, { 'Content-Type': logo.contentType, 'Cache-Control': 'private, max-age=0, must-revalidate' });
  });

  return app;
}
