import assert from 'node:assert/strict';
import type { Db } from '../../src/db/client.ts';
import { supportMunicipalitySettings, supportRoutingRules } from '../../src/features/support/support.schema.ts';
import { memberships } from '../../src/features/directory/directory.schema.ts';
import type { TestClient } from '../helpers/client.ts';
import { createOrganisation, createUser } from '../helpers/factories.ts';

/**
 * A small support desk for the support-*.test.ts files: a coordinator, account managers in Emmen and Coevorden,
 * IBDO as partner (with one partner user), and routing rules: in Emmen financing goes to IBDO, permits to Bram,
 * everything else to Anna (default); in Coevorden everything to Cora.
 */
export async function seedSupportDesk(db: Db) {
  const coordinator = await createUser(db, { name: 'Coco Coördinator', roles: ['coordinator'] });
  const anna = await createUser(db, { name: 'Anna Emmen', roles: [{ role: 'account_manager', municipality: 'emmen' }] });
  const bram = await createUser(db, { name: 'Bram Emmen', roles: [{ role: 'account_manager', municipality: 'emmen' }] });
  const cora = await createUser(db, { name: 'Cora Coevorden', roles: [{ role: 'account_manager', municipality: 'coevorden' }] });
  const ibdo = await createOrganisation(db, { name: 'IBDO', isPartner: true, municipalitySlug: 'emmen' });
  const partnerUser = await createUser(db, { name: 'Petra Partner', roles: ['partner'] });
  await db.insert(memberships).values({ userId: partnerUser.id, organisationId: ibdo.id, role: 'member' });
  await db.insert(supportMunicipalitySettings).values([
    { municipalitySlug: 'emmen', defaultUserId: anna.id, responseWorkingDays: 3 },
    { municipalitySlug: 'coevorden', defaultUserId: cora.id, responseWorkingDays: 2 },
  ]);
  await db.insert(supportRoutingRules).values([
    { municipalitySlug: 'emmen', topic: 'financiering', targetKind: 'partner', partnerOrganisationId: ibdo.id },
    { municipalitySlug: 'emmen', topic: 'vergunningen-en-regels', targetKind: 'user', targetUserId: bram.id },
  ]);
  return { coordinator, anna, bram, cora, ibdo, partnerUser };
}

let keySeq = 0;
export const newKey = () => `testkey-${process.pid}-${++keySeq}-abcdefgh`;

/** The fields of a valid ask form; override what a test is about. */
export function askFields(over: Record<string, string> = {}): Record<string, string> {
  return {
    idempotencyKey: newKey(),
    name: 'Vera Bezoeker',
    email: `vera-${process.pid}-${keySeq}@example.org`,
    municipality: 'emmen',
    topic: 'anders',
    description: 'Wij willen een werkplaats openen voor mensen met afstand tot werk. Waar begin ik?',
    urgency: 'normal',
    contactPreference: 'email',
    consent: 'on',
    ...over,
  };
}

export function multipart(fields: Record<string, string>, files: Array<{ name: string; bytes: Uint8Array; type?: string }> = []): FormData {
  const form = new FormData();
  for (const [k, v] of Object.entries(fields)) form.set(k, v);
  for (const f of files) form.append('attachments', new File([new Uint8Array(f.bytes)], f.name, { type: f.type ?? 'application/octet-stream' }));
  return form;
}

/** A minimal ZIP (stored entries) with the given entry names: enough for content sniffing of Office files. */
export function zipWith(entries: Array<{ name: string; content: string }>): Uint8Array {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name);
    const data = Buffer.from(e.content);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    parts.push(local, name, data);
    const c = Buffer.alloc(46);
    c.writeUInt32LE(0x02014b50, 0);
    c.writeUInt16LE(20, 4);
    c.writeUInt16LE(20, 6);
    c.writeUInt32LE(data.length, 20);
    c.writeUInt32LE(data.length, 24);
    c.writeUInt16LE(name.length, 28);
    c.writeUInt32LE(offset, 42);
    central.push(c, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...parts, cd, end]));
}

export const docx = () => zipWith([{ name: '[Content_Types].xml', content: '<Types/>' }, { name: 'word/document.xml', content: '<w:document/>' }]);
export const pdf = (size = 200) => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(size, 0x20)]));
export const png = () => new Uint8Array(Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));

export async function requestRows(db: Db) {
  return (await db.$client.query('select * from support_requests order by created_at, case_number')).rows as Array<Record<string, any>>;
}

export async function outboxTo(db: Db, address: string) {
  return (await db.$client.query('select * from outbox where to_address = $1 order by id', [address.toLowerCase()])).rows as Array<Record<string, any>>;
}

export function confirmPathIn(text: string): string {
  const m = /\/hulp-vragen\/bevestigen\/([A-Za-z0-9_-]{20,})/.exec(text);
  assert.ok(m, `a confirmation link in:\n${text}`);
  return m[0];
}

export async function auditRows(db: Db, action?: string) {
  const r = action
    ? await db.$client.query('select * from audit_log where action = $1 order by id', [action])
    : await db.$client.query('select * from audit_log order by id');
  return r.rows as Array<Record<string, any>>;
}

export const text = async (res: Response) => res.text();
export type { TestClient };
