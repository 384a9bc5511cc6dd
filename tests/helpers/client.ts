import type { Hono } from 'hono';
import { csrfTokenFor } from '../../src/web/middleware/csrf.ts';
import { TEST_SECRET } from './test-app.ts';

type AnyApp = Pick<Hono<any>, 'request'>;

/**
 * A browser-like client over app.request(): keeps cookies, sends the CSRF token with forms, never follows redirects
 * unless asked. Requests go through the whole app (middleware, routing, database), no mocks.
 */
export class TestClient {
  readonly cookies = new Map<string, string>();
  constructor(private readonly app: AnyApp) {}

  private cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  private remember(res: Response) {
    const setCookies = res.headers.getSetCookie?.() ?? [];
    for (const sc of setCookies) {
      const [pair, ...attrs] = sc.split(';');
      const idx = pair.indexOf('=');
      const name = pair.slice(0, idx).trim();
      const value = pair.slice(idx + 1).trim();
      const expired = attrs.some((a) => /max-age=0/i.test(a.trim()) || /expires=Thu, 01 Jan 1970/i.test(a.trim()));
      if (expired || value === '') this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
  }

  async request(path: string, init: RequestInit = {}): Promise<Response> {
    const headers = new Headers(init.headers);
    if (this.cookies.size && !headers.has('cookie')) headers.set('cookie', this.cookieHeader());
    const res = await this.app.request(path, { ...init, headers, redirect: 'manual' });
    this.remember(res);
    return res;
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request(path, { headers });
  }

  /** Follows redirects (GET) up to 5 times and returns the final response. */
  async follow(res: Response): Promise<Response> {
    let current = res;
    for (let i = 0; i < 5 && current.status >= 300 && current.status < 400; i++) {
      const loc = current.headers.get('location');
      if (!loc) break;
      current = await this.get(loc.replace(/^https?:\/\/[^/]+/, ''));
    }
    return current;
  }

  /** The CSRF token the app expects from this client; fetched cookie first if needed. */
  async csrfToken(): Promise<string> {
    if (!this.cookies.has('csrf')) await this.get('/healthz-csrf-warmup');
    return csrfTokenFor(TEST_SECRET, this.cookies.get('csrf')!);
  }

  /** POST an HTML form (urlencoded), with the CSRF token unless `csrf: false`. Arrays repeat the field. */
  async postForm(path: string, fields: Record<string, string | string[]>, options: { csrf?: boolean } = {}): Promise<Response> {
    const body = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) {
      for (const item of Array.isArray(v) ? v : [v]) body.append(k, item);
    }
    if (options.csrf !== false && !('_csrf' in fields)) body.set('_csrf', await this.csrfToken());
    return this.request(path, { method: 'POST', body, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
  }

  /** POST multipart form data (file uploads), with the CSRF token. */
  async postMultipart(path: string, form: FormData): Promise<Response> {
    if (!form.has('_csrf')) form.set('_csrf', await this.csrfToken());
    return this.request(path, { method: 'POST', body: form });
  }
}
