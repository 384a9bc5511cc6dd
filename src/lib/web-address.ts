import { z } from 'zod';

/**
 * A web address typed in a form: empty means none; "www.voorbeeld.nl" is read as https://www.voorbeeld.nl; only
 * http and https with a real host name (a dot in it) and without a user name or password are accepted.
 */
export function webAddressField(maxLength: number) {
  return z.preprocess(
    (v) => {
      // A field sent twice counts once; blank counts as not given.
      const s = Array.isArray(v) ? v[0] : v;
      if (s === undefined || s === null) return undefined;
      if (typeof s !== 'string') return s;
      const t = s.trim();
      if (t === '') return undefined;
      return /^[a-z][a-z0-9+.-]*:/i.test(t) ? t : `https://${t}`;
    },
    z
      .string()
      .max(maxLength)
      .refine((s) => {
        try {
          const u = new URL(s);
          return (u.protocol === 'http:' || u.protocol === 'https:') && u.hostname.includes('.') && !u.username && !u.password;
        } catch {
          return false;
        }
      }, 'common.validation.url')
      .optional(),
  );
}
