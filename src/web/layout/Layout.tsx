import type { Child } from 'hono/jsx';
import type { I18n } from '../i18n/i18n.ts';
import type { CurrentUser } from '../types.ts';
import { CSRF_FIELD } from '../middleware/csrf.ts';
import { isStaff } from '../../features/accounts/permissions.ts';

export type LayoutProps = {
  i: I18n;
  title: string;
  user: CurrentUser | null;
  csrfToken: string;
  /** Current path, for aria-current in the navigation. */
  path: string;
  /** The current URL with ?lang= set to the other language. */
  otherLangHref: string;
  flash?: string | null;
  demo?: boolean;
  head?: Child;
  /** Extra script files (progressive enhancement only). */
  scripts?: string[];
  children?: Child;
};

const NAV: ReadonlyArray<{ href: string; key: string }> = [
  { href: '/ondernemers', key: 'common.nav.directory' },
  { href: '/agenda', key: 'common.nav.agenda' },
  { href: '/hulp-vragen', key: 'common.nav.support' },
  { href: '/inkoop', key: 'common.nav.procurement' },
  { href: '/kennis', key: 'common.nav.knowledge' },
  { href: '/over', key: 'common.nav.about' },
];

const isCurrent = (path: string, href: string) => path === href || path.startsWith(`${href}/`);

/** The page frame: skip link, header with region name and main navigation, main content, footer. */
export function Layout(p: LayoutProps) {
  const { i } = p;
  const platform = i.t('common.platformName');
  return (
    <html lang={i.lang}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>{p.title === platform ? platform : `${p.title} | ${platform}`}</title>
        <link rel="icon" href="/static/icons/favicon.svg" type="image/svg+xml" />
        <link rel="stylesheet" href="/static/vendor/utrecht-tokens.css" />
        <link rel="stylesheet" href="/static/vendor/utrecht.css" />
        <link rel="stylesheet" href="/static/vendor/nl-skip-link.css" />
        <link rel="stylesheet" href="/static/vendor/nl-data-badge.css" />
        <link rel="stylesheet" href="/static/css/theme.css" />
        <link rel="stylesheet" href="/static/css/app.css" />
        {p.head}
        {(p.scripts ?? []).map((src) => (
          <script src={src} defer />
        ))}
      </head>
      <body class="utrecht-theme impactregio-theme utrecht-root">
        <a class="nl-skip-link nl-skip-link--visible-on-focus" href="#main">
          {i.t('common.skipLink')}
        </a>
        <header class="utrecht-page-header ir-header">
          <div class="ir-container ir-header__bar">
            <a class="ir-brand" href="/" aria-label={`${platform}, ${i.t('common.nav.home')}`}>
              <span class="ir-brand__name">{platform}</span>
              <span class="ir-brand__tagline">{i.t('common.regionTagline')}</span>
            </a>
            <div class="ir-header__tools">
              <a class="utrecht-link ir-lang" href={p.otherLangHref} hreflang={i.t('common.lang.otherCode')} lang={i.t('common.lang.otherCode')}>
                {i.t('common.lang.other')}
              </a>
              {p.user ? (
                <>
                  <a class="utrecht-link" href="/mijn" aria-current={isCurrent(p.path, '/mijn') ? 'page' : undefined}>
                    {i.t('common.nav.mine')}
                  </a>
                  {isStaff(p.user) ? (
                    <a class="utrecht-link" href="/beheer" aria-current={isCurrent(p.path, '/beheer') ? 'page' : undefined}>
                      {i.t('common.nav.staff')}
                    </a>
                  ) : null}
                  <form method="post" action="/uitloggen" class="ir-inline-form">
                    <input type="hidden" name={CSRF_FIELD} value={p.csrfToken} />
                    <button type="submit" class="utrecht-button utrecht-button--subtle ir-button-small">
                      {i.t('common.nav.logout')}
                    </button>
                  </form>
                </>
              ) : (
                <a class="utrecht-link" href="/inloggen">
                  {i.t('common.nav.login')}
                </a>
              )}
            </div>
          </div>
          <nav class="ir-nav" aria-label={i.t('common.nav.label')}>
            <ul class="ir-container ir-nav__list">
              {NAV.map((n) => (
                <li>
                  <a class="ir-nav__link" href={n.href} aria-current={isCurrent(p.path, n.href) ? 'page' : undefined}>
                    {i.t(n.key)}
                  </a>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        {p.demo ? (
          <p class="ir-demo-notice">
            <span class="ir-container">{i.t('common.demoNotice')}</span>
          </p>
        ) : null}
        <main id="main" tabindex={-1} class="ir-container ir-main">
          {p.flash ? (
            <div class="utrecht-alert utrecht-alert--ok ir-flash" role="status">
              <p class="utrecht-paragraph">{i.t(p.flash)}</p>
            </div>
          ) : null}
          {p.children}
        </main>
        <footer class="utrecht-page-footer ir-footer">
          <div class="ir-container">
            <p class="utrecht-paragraph">{i.t('common.footer.text')}</p>
            <nav aria-label={i.t('common.footer.label')}>
              <ul class="ir-footer__links">
                <li><a class="utrecht-link" href="/over">{i.t('common.footer.about')}</a></li>
                <li><a class="utrecht-link" href="/privacy">{i.t('common.footer.privacy')}</a></li>
                <li><a class="utrecht-link" href="/toegankelijkheid">{i.t('common.footer.accessibility')}</a></li>
                <li><a class="utrecht-link" href="/.well-known/security.txt">{i.t('common.footer.security')}</a></li>
              </ul>
            </nav>
          </div>
        </footer>
      </body>
    </html>
  );
}
