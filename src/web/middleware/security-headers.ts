import { createMiddleware } from 'hono/factory';
import type { AppEnv } from '../types.ts';

/**
 * Strict headers on every response. No inline scripts anywhere: scripts are files under /static.
 * Map tiles come from the configured tile server, so its origin is allowed for images.
 */
export const securityHeaders = (options: { tileOrigin: string | null; https: boolean }) =>
  createMiddleware<AppEnv>(async (c, next) => {
    await next();
    const img = ["'self'", 'data:', ...(options.tileOrigin ? [options.tileOrigin] : [])].join(' ');
    c.header(
      'Content-Security-Policy',
      [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        `img-src ${img}`,
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ].join('; '),
    );
    c.header('X-Content-Type-Options', 'nosniff');
    c.header('Referrer-Policy', 'strict-origin-when-cross-origin');
    c.header('X-Frame-Options', 'DENY');
    c.header('Cross-Origin-Opener-Policy', 'same-origin');
    c.header('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
    if (options.https) c.header('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  });

/** The origin of a tile URL template such as https://tile.example.org/{z}/{x}/{y}.png. */
export function tileOriginOf(template: string): string | null {
  try {
    return new URL(template.replace(/\{[a-z]\}/g, '0')).origin;
  } catch {
    return null;
  }
}
