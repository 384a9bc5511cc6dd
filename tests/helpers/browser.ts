import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type Browser, type Page } from 'playwright-core';
import { testEnv } from '../../src/config.ts';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];

/**
 * Why the browser tests of a file are skipped, or false when they run: without the browser they are skipped with
 * this notice, except with CI=true, where they run and fail on the missing browser. Use as describe's `skip` option.
 */
export function browserSkipReason(): string | false {
  const { chromiumPath, ci } = testEnv();
  if (existsSync(chromiumPath) || ci) return false;
  return `browser tests skipped: ${chromiumPath} not found (apt-get install -y chromium)`;
}

/**
 * Debian's Chromium through playwright-core. Without /usr/bin/chromium the test is skipped with a notice,
 * except with CI=true, where a missing browser is a failure. Pass `t` to skip that test; without it, null means
 * "no browser" and the caller skips (see browserSkipReason).
 */
export async function launchBrowser(t?: { skip(message?: string): void }): Promise<Browser | null> {
  const { chromiumPath, ci } = testEnv();
  if (!existsSync(chromiumPath)) {
    if (ci) throw new Error(`CI=true but no browser at ${chromiumPath}: install Debian's chromium (apt-get install -y chromium).`);
    t?.skip(`browser tests skipped: ${chromiumPath} not found (apt-get install -y chromium)`);
    return null;
  }
  return chromium.launch({ executablePath: chromiumPath, args: CHROMIUM_ARGS });
}

/** Serves an app over real HTTP on a free loopback port. */
export async function startServer(app: { fetch: (req: Request) => Response | Promise<Response> }): Promise<{ url: string; close(): Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({
        url: `http://127.0.0.1:${info.port}`,
        close: () =>
          new Promise<void>((r) => {
            server.close(() => r());
            // Keep-alive connections of the browser would hold close() open until they time out.
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
  });
}

/** Runs axe (WCAG 2.0/2.1 A and AA, 2.2 AA) and returns readable violations; [] when the page is clean. */
export async function axeViolations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  return result.violations.map(
    (v) => `${v.id} (${v.impact}): ${v.help} -> ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`,
  );
}
