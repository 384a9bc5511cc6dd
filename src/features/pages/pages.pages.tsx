import { Hono } from 'hono';
import { region } from '../../data/reference.ts';
import { renderPage } from '../../web/render.tsx';
import type { AppEnv } from '../../web/types.ts';
import { countPublishedOrganisations } from '../directory/directory.service.ts';
import { HomeView, PlaceholderView, TextPageView } from './views/pages.views.tsx';

const PARTNERS = ['Impact Noord', 'Growing Emmen', 'Greendrinks Zuidoost-Drenthe', 'Ik Ben Drents Ondernemer (IBDO)', 'NHL Stenden'];

/** Home, about, privacy, accessibility, security.txt and the not-yet-built sections. */
export function staticPagesRoutes(): Hono<AppEnv> {
  const app = new Hono<AppEnv>();

  app.get('/', async (c) => {
    const i = c.var.i18n;
    const publishedCount = await countPublishedOrganisations(c.var.deps.db);
    return renderPage(c, { title: i.t('pages.home.title') }, <HomeView i={i} publishedCount={publishedCount} municipalityCount={region.municipalities.length} />);
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
    ['/agenda', 'pages.placeholder.agenda'],
    ['/hulp-vragen', 'pages.placeholder.support'],
    ['/inkoop', 'pages.placeholder.procurement'],
    ['/kennis', 'pages.placeholder.knowledge'],
  ] as const) {
    app.get(path, (c) => renderPage(c, { title: c.var.i18n.t(titleKey) }, <PlaceholderView i={c.var.i18n} titleKey={titleKey} />));
  }

  return app;
}
