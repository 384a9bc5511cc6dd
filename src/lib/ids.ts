import { createHash, randomBytes } from 'node:crypto';

/** A URL-safe random token (for sessions, email links, CSRF cookies). */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

/** Tokens are stored hashed so a database leak does not hand out live sessions or links. */
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

/** "Zorg & Welzijn B.V." -> "zorg-welzijn-b-v" */
export function slugify(input: string): string {
  const s = input
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/&/g, ' en ')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80)
    .replace(/-+$/g, '');
  return s || 'organisatie';
}
