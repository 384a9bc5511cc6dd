import { type Context, Hono } from 'hono';
import { region } from '../../data/reference.ts';
import { AppError } from '../../lib/errors.ts';
import { emptyForm, type FormState } from '../../web/components/forms.tsx';
import { readForm, validate } from '../../web/forms.ts';
import { requireRole } from '../../web/middleware/auth.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { getRelationshipView, listableMunicipalities, listOrganisationsForStaff, logContactMoment, RELATIONS_ROLES } from './relations.service.ts';
import { contactMomentSchema, localDateOf, OrganisationListFiltersSchema } from './relations.validation.ts';
import { OrganisationListView } from './views/OrganisationListView.tsx';
import { RelationshipView } from './views/RelationshipView.tsx';

/** /beheer/organisaties: the relationship view of organisations for account managers and the coordinator. */
export function relationsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/beheer/organisaties', requireRole(...RELATIONS_ROLES));
  app.use('/beheer/organisaties/*', requireRole(...RELATIONS_ROLES));

  app.get('/beheer/organisaties', async (c) => {
    const i = c.var.i18n;
    const parsed = OrganisationListFiltersSchema.safeParse(c.req.query());
    if (!parsed.success) throw new AppError('bad_request', 'relations.error.invalidFilter');
    const ctx = serviceContextOf(c);
    const result = await listOrganisationsForStaff(ctx, parsed.data);
    const scope = listableMunicipalities(ctx);
    const municipalities = scope === 'all' ? region.municipalities.map((m) => m.slug) : scope;
    return renderPage(
      c,
      { title: i.t('relations.list.title') },
      <OrganisationListView i={i} filters={{ q: parsed.data.q, gemeente: parsed.data.gemeente }} municipalities={municipalities} result={result} />,
    );
  });

  const view = async (c: Context<AppEnv>, form: FormState, status: 200 | 422 = 200) => {
    const i = c.var.i18n;
    const data = await getRelationshipView(serviceContextOf(c), c.req.param('slug') ?? '');
    const now = c.var.deps.clock.now();
    return renderPage(
      c,
      { title: i.t('relations.view.title', { name: data.organisation.name }), status },
      <RelationshipView i={i} csrfToken={c.var.csrfToken} data={data} form={form} now={now} today={localDateOf(now)} />,
    );
  };

  app.get('/beheer/organisaties/:slug', (c) => view(c, emptyForm({ kind: 'phone', happenedOn: localDateOf(c.var.deps.clock.now()) })));

  app.post('/beheer/organisaties/:slug/contactmomenten', async (c) => {
    const values = await readForm(c);
    const parsed = validate(contactMomentSchema(localDateOf(c.var.deps.clock.now())), values, c.var.i18n);
    // The view checks the scope (and audits a refusal) before anything of the organisation is shown.
    if (!parsed.success) return view(c, { values, errors: parsed.errors }, 422);
    const slug = c.req.param('slug');
    await logContactMoment(serviceContextOf(c), slug, parsed.data);
    return redirectWithFlash(c, `/beheer/organisaties/${slug}#contactmomenten`, 'relations.flash.contactLogged');
  });

  return app;
}
