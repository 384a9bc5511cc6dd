import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Hono } from 'hono';
import type { AppEnv } from './types.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

/** Third-party assets served from node_modules (nothing is fetched at run time). */
const VENDOR: Record<string, string> = {
  'utrecht.css': 'node_modules/@utrecht/component-library-css/dist/index.css',
  'utrecht-tokens.css': 'node_modules/@utrecht/design-tokens/dist/index.css',
  'nl-skip-link.css': 'node_modules/@nl-design-system-candidate/skip-link-css/dist/skip-link.css',
  'nl-data-badge.css': 'node_modules/@nl-design-system-candidate/data-badge-css/dist/data-badge.css',
  'leaflet/leaflet.css': 'node_modules/leaflet/dist/leaflet.css',
  'leaflet/leaflet.js': 'node_modules/leaflet/dist/leaflet.js',
  'leaflet/images/marker-icon.png': 'node_modules/leaflet/dist/images/marker-icon.png',
  'leaflet/images/marker-icon-2x.png': 'node_modules/leaflet/dist/images/marker-icon-2x.png',
  'leaflet/images/marker-shadow.png': 'node_modules/leaflet/dist/images/marker-shadow.png',
  'leaflet/images/layers.png': 'node_modules/leaflet/dist/images/layers.png',
};

const TYPES: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.json': 'application/json',
};

type Asset = { body: Uint8Array; type: string; etag: string };

function load(file: string): Asset {
  const body = readFileSync(file);
  return {
    body,
    type: TYPES[path.extname(file)] ?? 'application/octet-stream',
    etag: `"${createHash('sha1').update(body).digest('base64url').slice(0, 16)}"`,
  };
}

function walk(dir: string, base = dir, out: Record<string, string> = {}): Record<string, string> {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) walk(full, base, out);
    else out[path.relative(base, full).split(path.sep).join('/')] = full;
  }
  return out;
}

/** /static/...: files of public/ and the vendor list, read once into memory, with ETags. */
export function staticRoutes(): Hono<AppEnv> {
  const assets = new Map<string, Asset>();
  for (const [rel, file] of Object.entries(walk(path.join(root, 'public')))) assets.set(rel, load(file));
  for (const [rel, file] of Object.entries(VENDOR)) assets.set(`vendor/${rel}`, load(path.join(root, file)));
  const app = new Hono<AppEnv>();
  app.get('/static/*', (c) => {
    const rel = c.req.path.slice('/static/'.length);
    const asset = assets.get(rel);
    if (!asset) return c.notFound();
    c.header('ETag', asset.etag);
    c.header('Cache-Control', 'public, max-age=3600');
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    c.header('Content-Type', asset.type);
    return c.body(asset.body as unknown as ArrayBuffer);
  });
  return app;
}
