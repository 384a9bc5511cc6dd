import { type Context, Hono } from 'hono';
import { AppError } from '../../lib/errors.ts';
import { fieldErrorsFrom } from '../../web/forms.ts';
import { requireRole } from '../../web/middleware/auth.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { region } from '../../data/reference.ts';
import { staffScopeOf } from './support.service.ts';
import { REPORT_ROLES, ReportQuerySchema, supportReport, supportReportCsv } from './support.reports.service.ts';
import { ReportView } from './support.reports.view.tsx';

const typedOf = (c: Context<AppEnv>) => {
  const one = (k: string) => (c.req.query(k) ?? '').slice(0, 100);
  return { gemeente: one('gemeente'), onderwerp: one('onderwerp'), van: one('van'), tot: one('tot') };
};

/**
 * /beheer/hulpvragen/rapportage (+ .csv): the support report. Mounted before the support desk's own /beheer/hulpvragen
 * routes, so "rapportage" is never read as the id of a request.
 */
export function supportReportsRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();
  app.use('/beheer/hulpvragen/rapportage', requireRole(...REPORT_ROLES));
  app.use('/beheer/hulpvragen/rapportage.csv', requireRole(...REPORT_ROLES));

  app.get('/beheer/hulpvragen/rapportage', async (c) => {
    const i = c.var.i18n;
    const ctx = serviceContextOf(c);
    const typed = typedOf(c);
    const parsed = ReportQuerySchema.safeParse(typed);
    const scope = await staffScopeOf(ctx);
    const municipalities = scope.all ? region.municipalities.map((m) => m.slug) : scope.municipalities;
    if (!parsed.success) {
      const errors = fieldErrorsFrom(parsed.error, i);
      return renderPage(c, { title: i.t('supportReports.title'), status: 400 }, <ReportView i={i} report={null} typed={typed} municipalities={municipalities} errors={errors} />);
    }
    const report = await supportReport(ctx, parsed.data);
    return renderPage(c, { title: i.t('supportReports.title') }, <ReportView i={i} report={report} typed={typed} municipalities={municipalities} />);
  });

  app.get('/beheer/hulpvragen/rapportage.csv', async (c) => {
    const parsed = ReportQuerySchema.safeParse(typedOf(c));
    if (!parsed.success) throw new AppError('bad_request', 'supportReports.error.invalid');
    const { csv, filename } = await supportReportCsv(serviceContextOf(c), parsed.data, c.var.i18n);
    return c.body(csv, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${filename}"`,
      'Cache-Control': 'no-store',
    });
  });

  return app;
}
