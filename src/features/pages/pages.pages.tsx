import { Hono } from 'hono';
import { region } from '../../data/reference.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { countPublishedOrganisations } from '../directory/directory.service.ts';
import { HomeView, PlaceholderView, TextPageView } from './views/pages.views.tsx';
import { serviceContextOf } from '../accounts/accounts.http.ts';
import { countEventsBetween, upcomingOccurrences } from '../agenda/agenda.service.ts';
import { localToUtc, toLocal } from '../agenda/recurrence.ts';
import { latestStories } from '../stories/stories.service.ts';

const HOME_EVENTS = 4;
const HOME_STORIES = 3;

/** The calendar quarter (in Europe/Amsterdam) of an instant, as UTC bounds [from, to) and a label "4e kwartaal 2026". */
export function quarterOf(now: Date): { from: Date; to: Date; label: { quarter: number; year: number } } {
  const [y, m] = toLocal(now).date.split('-').map(Number);
  const q = Math.floor((m - 1) / 3);
  const start = `${y}-${String(q * 3 + 1).padStart(2, '0')}-01`;
  const end = q === 3 ? `${y + 1}-01-01` : `${y}-${String(q * 3 + 4).padStart(2, '0')}-01`;
  return { from: localToUtc(start, '00:00'), to: localToUtc(end, '00:00'), label: { quarter: q + 1, year: y } };
}

const PARTNERS = ['Impact Noord', 'Growing Emmen', 'Greendrinks Zuidoost-Drenthe', 'Ik Ben Drents Ondernemer (IBDO)', 'NHL Stenden'];

/** Home, about, privacy, accessibility, security.txt and the not-yet-built sections. */
export function staticPagesRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const i = c.var.i18n;
    const ctx = serviceContextOf(c);
    const quarter = quarterOf(ctx.clock.now());
    const [publishedCount, eventsThisQuarter, upcoming, stories] = await Promise.all([
      countPublishedOrganisations(ctx.db),
      countEventsBetween(ctx, quarter.from, quarter.to),
      upcomingOccurrences(ctx, { limit: HOME_EVENTS }),
      latestStories(ctx, HOME_STORIES),
    ]);
    return renderPage(
      c,
      {
        title: i.t('pages.home.title'),
        head: (
          <>
            <link rel="alternate" type="application/atom+xml" title={i.t('stories.atom.title')} href="/verhalen.atom" />
            <link rel="alternate" type="application/atom+xml" title={i.t('pages.home.eventsAtom')} href="/agenda.atom" />
          </>
        ),
      },
      <HomeView
        i={i}
        figures={{ published: publishedCount, eventsThisQuarter, quarter: quarter.label, municipalities: region.municipalities.length }}
        events={upcoming}
        stories={stories}
      />,
    );
  });

  app.get('/over', (c) => {
    const i = c.var.i18n;
    return renderPage(
      c,
      { title: i.t('pages.about.title') },
      <TextPageView
        i={i}
        titleKey="pages.about.title"
        intro={['pages.about.p1', 'pages.about.p2']}
        sections={[{ titleKey: 'pages.about.linesTitle', body: ['pages.about.imago', 'pages.about.netwerk', 'pages.about.support', 'pages.about.kennis'] }]}
        extra={
          <section>
            <h2 class="utrecht-heading-2">{i.t('pages.about.partnersTitle')}</h2>
            <ul class="utrecht-unordered-list">
              {PARTNERS.map((p) => (
                <li>{p}</li>
              ))}
            </ul>
          </section>
        }
      />,
    );
  });

  app.get('/privacy', (c) => {
    const i = c.var.i18n;
    return renderPage(
      c,
      { title: i.t('pages.privacy.title') },
      <TextPageView
        i={i}
        titleKey="pages.privacy.title"
        intro={['pages.privacy.p1']}
        sections={[
          { titleKey: 'pages.privacy.whatTitle', body: ['pages.privacy.what'] },
          { titleKey: 'pages.privacy.rightsTitle', body: ['pages.privacy.rights'] },
          { titleKey: 'pages.privacy.cookiesTitle', body: ['pages.privacy.cookies'] },
          { titleKey: 'pages.privacy.logsTitle', body: ['pages.privacy.logs'] },
        ]}
      />,
    );
  });

  app.get('/toegankelijkheid', (c) => {
    const i = c.var.i18n;
    return renderPage(
      c,
      { title: i.t('pages.accessibility.title') },
      <TextPageView
        i={i}
        titleKey="pages.accessibility.title"
        intro={['pages.accessibility.p1']}
        sections={[
          { titleKey: 'pages.accessibility.howTitle', body: ['pages.accessibility.how'] },
          { titleKey: 'pages.accessibility.statusTitle', body: ['pages.accessibility.status'] },
          { titleKey: 'pages.accessibility.contactTitle', body: ['pages.accessibility.contact'] },
        ]}
      />,
    );
  });

  app.get('/.well-known/security.txt', (c) => {
    const expires = new Date(c.var.deps.clock.now().getTime() + 180 * 24 * 3600_000);
    expires.setUTCHours(0, 0, 0, 0);
    const base = c.var.deps.config.publicUrl;
    c.header('Content-Type', 'text/plain; charset=utf-8');
    return c.body(
      [
        'Contact: mailto:security@impactregio.nl',
        `Expires: ${expires.toISOString()}`,
        'Preferred-Languages: nl, en',
        `Canonical: ${base}/.well-known/security.txt`,
        '',
      ].join('\n'),
    );
  });

  // Sections of later issues: a clear "coming soon" page rather than a 404 from the main navigation.
  for (const [path, titleKey] of [
    ['/inkoop', 'pages.placeholder.procurement'],
    ['/kennis', 'pages.placeholder.knowledge'],
  ] as const) {
    app.get(path, (c) => renderPage(c, { title: c.var.i18n.t(titleKey) }, <PlaceholderView i={c.var.i18n} titleKey={titleKey} />));
  }

  return app;
}
