import type { Context } from 'hono';
import type { Child } from 'hono/jsx';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { Layout } from './layout/Layout.tsx';
import type { AppEnv } from './types.ts';

export type PageOptions = {
  title: string;
  status?: ContentfulStatusCode;
  head?: Child;
  scripts?: string[];
};

/** Renders a view inside the layout with everything the layout needs from the request. */
export function renderPage(c: Context<AppEnv>, options: PageOptions, body: Child) {
  const url = new URL(c.req.url);
  url.searchParams.set('lang', c.var.lang === 'nl' ? 'en' : 'nl');
  const html = (
    <Layout
      i={c.var.i18n}
      title={options.title}
      user={c.var.user}
      csrfToken={c.var.csrfToken}
      path={c.req.path}
      otherLangHref={`${url.pathname}${url.search}`}
      flash={c.var.flash}
      demo={c.var.deps.demo}
      head={options.head}
      scripts={['/static/js/forms.js', ...(options.scripts ?? [])]}
    >
      {body}
    </Layout>
  );
  c.header('Cache-Control', 'no-store');
  return c.html(`<!doctype html>${html}`, options.status ?? 200);
}
