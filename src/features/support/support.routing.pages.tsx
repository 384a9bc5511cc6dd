import { type Context, Hono } from 'hono';
import { isAppError } from '../../lib/errors.ts';
import { emptyForm, type FormState } from '../../web/components/forms.tsx';
import { asList, readForm, validate } from '../../web/forms.ts';
import { requireRole } from '../../web/middleware/auth.ts';
import { redirectWithFlash } from '../../web/middleware/flash.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { translateErrors } from './support.ask.pages.tsx';
import { DEFAULT_RESPONSE_WORKING_DAYS } from './support.ask.service.ts';
import { clearStandIn, myStandIn, type RuleInput, routingOfMunicipality, routingOverview, saveRouting, setStandIn } from './support.routing-admin.service.ts';
import { SUPPORT_TOPICS, TEAM_STRATEGIES, type TeamStrategy } from './support.schema.ts';
import { standInSchema } from './support.validation.ts';
import { RoutingEditView, RoutingOverviewView, StandInView } from './views/RoutingViews.tsx';

type RoutingData = Awaited<ReturnType<typeof routingOfMunicipality>>;

/** The stored routing as form values. */
function formValuesOf(data: RoutingData): FormState['values'] {
  const values: FormState['values'] = {
    defaultUser: data.settings?.defaultUserId ?? '',
    responseDays: String(data.settings?.responseWorkingDays ?? DEFAULT_RESPONSE_WORKING_DAYS),
  };
  for (const r of data.rules) {
    values[`kind-${r.topic}`] = r.targetKind;
    values[`user-${r.topic}`] = r.targetUserId ?? '';
    values[`team-${r.topic}`] = r.teamUserIds;
    values[`strategy-${r.topic}`] = r.teamStrategy ?? '';
    values[`partner-${r.topic}`] = r.partnerOrganisationId ?? '';
  }
  return values;
}

/** The posted form as rules: a topic whose "to" is empty has no rule. */
function rulesFrom(values: Record<string, string | string[]>): RuleInput[] {
  const one = (k: string) => (typeof values[k] === 'string' ? (values[k] as string) : '');
  const rules: RuleInput[] = [];
  for (const topic of SUPPORT_TOPICS) {
    const kind = one(`kind-${topic}`);
    if (kind !== 'user' && kind !== 'team' && kind !== 'partner') continue;
    const strategy = one(`strategy-${topic}`);
    rules.push({
      topic,
      kind,
      userId: one(`user-${topic}`) || undefined,
      teamUserIds: asList(values[`team-${topic}`]),
      strategy: (TEAM_STRATEGIES as readonly string[]).includes(strategy) ? (strategy as TeamStrategy) : undefined,
      partnerId: one(`partner-${topic}`) || undefined,
    });
  }
  return rules;
}

/** /beheer/hulpvragen/routering (coordinator) and /beheer/hulpvragen/vervanging (account manager). */
export function supportRoutingRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/beheer/hulpvragen/routering', requireRole('coordinator', 'admin'));
  app.use('/beheer/hulpvragen/routering/*', requireRole('coordinator', 'admin'));
  app.use('/beheer/hulpvragen/vervanging', requireRole('account_manager'));
  app.use('/beheer/hulpvragen/vervanging/*', requireRole('account_manager'));

  app.get('/beheer/hulpvragen/routering', async (c) => {
    const i = c.var.i18n;
    return renderPage(c, { title: i.t('support.routing.title') }, <RoutingOverviewView i={i} rows={await routingOverview(serviceContextOf(c))} />);
  });

  const renderEdit = async (c: Context<AppEnv>, slug: string, form: FormState | null, status: 200 | 422) => {
    const data = await routingOfMunicipality(serviceContextOf(c), slug);
    const i = c.var.i18n;
    return renderPage(
      c,
      { title: i.t('support.routing.edit', { name: data.municipality.name }), status },
      <RoutingEditView i={i} csrfToken={c.var.csrfToken} municipality={data.municipality} managers={data.managers} partners={data.partners} form={form ?? emptyForm(formValuesOf(data))} />,
    );
  };

  app.get('/beheer/hulpvragen/routering/:slug', (c) => renderEdit(c, c.req.param('slug'), null, 200));

  app.post('/beheer/hulpvragen/routering/:slug', async (c) => {
    const i = c.var.i18n;
    const slug = c.req.param('slug');
    const values = await readForm(c);
    const daysText = typeof values.responseDays === 'string' ? values.responseDays.trim() : '';
    const days = /^[0-9]{1,2}$/.test(daysText) ? Number(daysText) : Number.NaN;
    const defaultUser = typeof values.defaultUser === 'string' && values.defaultUser ? values.defaultUser : null;
    try {
      await saveRouting(serviceContextOf(c), slug, { defaultUserId: defaultUser, responseWorkingDays: days, rules: rulesFrom(values) });
    } catch (e) {
      if (isAppError(e) && e.code === 'validation_failed') return renderEdit(c, slug, { values, errors: translateErrors(i, e) }, 422);
      throw e;
    }
    return redirectWithFlash(c, `/beheer/hulpvragen/routering/${slug}`, 'support.flash.routingSaved');
  });

  const renderStandIn = async (c: Context<AppEnv>, form: FormState, status: 200 | 422) => {
    const i = c.var.i18n;
    const { current, currentName, options } = await myStandIn(serviceContextOf(c));
    return renderPage(
      c,
      { title: i.t('support.standIn.title'), status },
      <StandInView
        i={i}
        csrfToken={c.var.csrfToken}
        current={current ? { name: currentName ?? '', from: current.absentFrom, until: current.absentUntil } : null}
        options={options}
        form={form}
      />,
    );
  };

  app.get('/beheer/hulpvragen/vervanging', (c) => renderStandIn(c, emptyForm(), 200));

  app.post('/beheer/hulpvragen/vervanging', async (c) => {
    const i = c.var.i18n;
    const values = await readForm(c);
    const parsed = validate(standInSchema, values, i);
    if (!parsed.success) return renderStandIn(c, { values, errors: parsed.errors }, 422);
    try {
      await setStandIn(serviceContextOf(c), parsed.data);
    } catch (e) {
      if (isAppError(e) && e.code === 'validation_failed') return renderStandIn(c, { values, errors: translateErrors(i, e) }, 422);
      throw e;
    }
    return redirectWithFlash(c, '/beheer/hulpvragen/vervanging', 'support.flash.standInSaved');
  });

  app.post('/beheer/hulpvragen/vervanging/verwijderen', async (c) => {
    await clearStandIn(serviceContextOf(c));
    return redirectWithFlash(c, '/beheer/hulpvragen/vervanging', 'support.flash.standInCleared');
  });

  return app;
}
