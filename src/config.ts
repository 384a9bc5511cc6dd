import path from 'node:path';
import { z } from 'zod';

/** The only place that reads process.env. Every problem is listed at once. */
const portSchema = z.coerce.number().int().min(0).max(65535);

const EnvSchema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  PORT: portSchema.default(3000),
  HOST: z.string().min(1).optional(),
  DATA_DIR: z.string().min(1).default('./data'),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://')
    .optional(),
  PUBLIC_URL: z.string().url('must be a full URL such as https://impactregio.nl').optional(),
  SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().min(3).default('Impactregio <noreply@impactregio.nl>'),
  MAP_TILE_URL: z.string().min(1).default('https://tile.openstreetmap.org/{z}/{x}/{y}.png'),
  MAP_TILE_ATTRIBUTION: z.string().default('© OpenStreetMap-bijdragers'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  DEMO_DATA: z.enum(['auto', 'never']).default('auto'),
  /** Days after closing before a support request is anonymised (AVG/GDPR storage limitation). At least 30. */
  SUPPORT_RETENTION_DAYS: z.coerce.number().int().min(30, 'must be a whole number of days, at least 30').max(36_500).default(730),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  port: number;
  host: string;
  dataDir: string;
  databaseUrl: string | undefined;
  embedded: boolean;
  publicUrl: string;
  sessionSecret: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  mapTileUrl: string;
  mapTileAttribution: string;
  logLevel: string;
  trustProxy: boolean;
  demoData: 'auto' | 'never';
  /** Closed support requests older than this many days are anonymised by a scheduled job. */
  supportRetentionDays: number;
};

export class ConfigError extends Error {
  constructor(public readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  }
}

/**
 * Parses an environment (process.env by default) into a typed Config, or throws ConfigError listing every problem.
 * `server: true` adds the rules for running the web server (`npm start`).
 */
export function loadConfig(env: Record<string, string | undefined> = process.env, options: { server?: boolean } = {}): Config {
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = EnvSchema.safeParse(cleaned);
  const problems = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  // The web server needs a shared secret with an external database: there is no data folder to keep a generated
  // one in, and every app process behind a load balancer must use the same. Scripts (seeding) do not need it.
  if (options.server && cleaned.DATABASE_URL && !cleaned.SESSION_SECRET) {
    problems.push('SESSION_SECRET: required when DATABASE_URL is set (at least 32 random characters, the same for every app process)');
  }
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const e = parsed.data;
  const embedded = !e.DATABASE_URL;
  const host = e.HOST ?? (embedded ? '127.0.0.1' : '0.0.0.0');
  const port = e.PORT;
  return {
    env: e.NODE_ENV,
    port,
    host,
    dataDir: path.resolve(e.DATA_DIR),
    databaseUrl: e.DATABASE_URL,
    embedded,
    publicUrl: (e.PUBLIC_URL ?? `http://${host === '0.0.0.0' ? 'localhost' : host === '127.0.0.1' ? 'localhost' : host}:${port}`).replace(/\/$/, ''),
    sessionSecret: e.SESSION_SECRET,
    smtpUrl: e.SMTP_URL,
    mailFrom: e.MAIL_FROM,
    mapTileUrl: e.MAP_TILE_URL,
    mapTileAttribution: e.MAP_TILE_ATTRIBUTION,
    logLevel: e.LOG_LEVEL,
    trustProxy: e.TRUST_PROXY === 'true',
    demoData: e.DEMO_DATA,
    supportRetentionDays: e.SUPPORT_RETENTION_DAYS,
  };
}

/** Whether browser tests must run (CI) rather than skip when Chromium is missing. */
export function isCi(env: Record<string, string | undefined> = process.env): boolean {
  return env.CI === 'true';
}

/** Test-harness settings, read here so that config.ts stays the only reader of the environment. */
export function testEnv(env: Record<string, string | undefined> = process.env) {
  return {
    templateDatabaseUrl: env.IMPACTREGIO_TEST_TEMPLATE_URL,
    chromiumPath: env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    ci: isCi(env),
    /** Passed on to app processes that tests start, which run system tools (initdb, id, locale). */
    systemPath: env.PATH ?? '/usr/local/bin:/usr/bin:/bin',
  };
}
