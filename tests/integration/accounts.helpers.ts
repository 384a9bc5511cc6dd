import assert from 'node:assert/strict';
import type { Db } from '../../src/db/client.ts';
import type { TestClient } from '../helpers/client.ts';

/** Small helpers shared by the accounts test files: read the outbox like a user reads their mailbox. */

export type OutboxRow = { id: number; to_address: string; subject: string; text_body: string; status: string; attempts: number; next_attempt_at: Date; sent_at: Date | null };

export async function mailsTo(db: Db, address: string): Promise<OutboxRow[]> {
  const r = await db.$client.query('select * from outbox where to_address = $1 order by id', [address.toLowerCase()]);
  return r.rows;
}

export async function lastMailTo(db: Db, address: string): Promise<OutboxRow> {
  const mails = await mailsTo(db, address);
  assert.ok(mails.length > 0, `a mail was queued for ${address}`);
  return mails.at(-1)!;
}

/** The path of the first absolute link to `pathPrefix` in a mail, e.g. '/e-mail-bevestigen/abc...'. */
export function linkIn(text: string, publicUrl: string, pathPrefix: string): string {
  const escaped = `${publicUrl}${pathPrefix}`.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  const m = new RegExp(`${escaped}/([A-Za-z0-9_-]{20,})`).exec(text);
  assert.ok(m, `the mail holds an absolute link ${publicUrl}${pathPrefix}/<token>:\n${text}`);
  return `${pathPrefix}/${m[1]}`;
}

export const STRONG_PASSWORD = 'een lange zin als wachtwoord';

let n = 0;
export const uniqueEmail = (label = 'persoon') => `${label}-${process.pid}-${++n}@example.org`;

/** Registers through the form; returns the email used. */
export async function register(client: TestClient, fields: { name?: string; email?: string; password?: string } = {}): Promise<string> {
  const email = fields.email ?? uniqueEmail();
  const res = await client.postForm('/registreren', { name: fields.name ?? 'Anna de Vries', email, password: fields.password ?? STRONG_PASSWORD });
  assert.equal(res.status, 303, 'registration redirects');
  assert.equal(res.headers.get('location'), '/registreren/verstuurd');
  return email;
}

/** Registers and clicks the verification link from the outbox; returns the email. */
export async function registerVerified(client: TestClient, db: Db, publicUrl: string, fields: { name?: string; email?: string; password?: string } = {}): Promise<string> {
  const email = await register(client, fields);
  const link = linkIn((await lastMailTo(db, email)).text_body, publicUrl, '/e-mail-bevestigen');
  const res = await client.get(link);
  assert.equal(res.status, 303, 'verification redirects to the login page');
  return email;
}

export async function login(client: TestClient, email: string, password: string, terug?: string): Promise<Response> {
  return client.postForm('/inloggen', { email, password, ...(terug !== undefined ? { terug } : {}) });
}

export async function countRows(db: Db, sql: string, params: unknown[] = []): Promise<number> {
  const r = await db.$client.query(`select count(*)::int as n from (${sql}) q`, params);
  return r.rows[0].n;
}

/** The Set-Cookie header line for a cookie name. */
export function setCookieLine(res: Response, name: string): string | undefined {
  return (res.headers.getSetCookie?.() ?? []).find((c) => c.startsWith(`${name}=`));
}
