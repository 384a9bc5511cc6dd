import type { Context } from 'hono';
import type { z } from 'zod';
import type { FieldErrors } from '../lib/errors.ts';
import type { I18n } from './i18n/i18n.ts';
import { CSRF_FIELD } from './middleware/csrf.ts';
import type { AppEnv } from './types.ts';

/**
 * Zod issues -> translated messages per field. A schema may give a message key of its own
 * (e.g. 'directory.validation.kvk'); otherwise the issue code picks a common message.
 */
export function fieldErrorsFrom(error: z.ZodError, i: I18n): FieldErrors {
  const out: FieldErrors = {};
  for (const issue of error.issues) {
    const field = issue.path.length ? issue.path.map(String).join('.') : '_form';
    (out[field] ??= []).push(messageFor(issue, i));
  }
  return out;
}

function messageFor(issue: z.core.$ZodIssue, i: I18n): string {
  const translated = i.t(issue.message);
  if (translated !== issue.message) return translated;
  const anyIssue = issue as z.core.$ZodIssue & { minimum?: number | bigint; maximum?: number | bigint; origin?: string; format?: string; input?: unknown };
  switch (issue.code) {
    case 'too_small':
      if (anyIssue.origin === 'string' && Number(anyIssue.minimum) <= 1) return i.t('common.validation.required');
      if (anyIssue.origin === 'array' && Number(anyIssue.minimum) <= 1) return i.t('common.validation.choice');
      if (anyIssue.origin === 'string') return i.t('common.validation.tooShort', { min: Number(anyIssue.minimum) });
      return i.t('common.validation.invalid');
    case 'too_big':
      if (anyIssue.origin === 'string') return i.t('common.validation.tooLong', { max: Number(anyIssue.maximum) });
      return i.t('common.validation.invalid');
    case 'invalid_format':
      if (anyIssue.format === 'email') return i.t('common.validation.email');
      if (anyIssue.format === 'url') return i.t('common.validation.url');
      return i.t('common.validation.invalid');
    case 'invalid_value':
      return i.t('common.validation.choice');
    case 'invalid_type':
      if (anyIssue.input === undefined || anyIssue.input === null || anyIssue.input === '') return i.t('common.validation.required');
      return i.t('common.validation.invalid');
    default:
      return i.t('common.validation.invalid');
  }
}

export type Validated<T> = { success: true; data: T } | { success: false; errors: FieldErrors };

export function validate<S extends z.ZodType>(schema: S, input: unknown, i: I18n): Validated<z.output<S>> {
  const r = schema.safeParse(input);
  return r.success ? { success: true, data: r.data } : { success: false, errors: fieldErrorsFrom(r.error, i) };
}

// No browser sends NUL in a text field, and PostgreSQL text cannot store it (a 500 otherwise): it is dropped.
const withoutNul = (s: string) => s.replace(/\u0000/g, '');

/** A submitted form as plain values (files dropped), without the CSRF field; repeated names become arrays. */
export async function readForm(c: Context<AppEnv>): Promise<Record<string, string | string[]>> {
  const body = await c.req.parseBody({ all: true });
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(body)) {
    if (k === CSRF_FIELD) continue;
    if (Array.isArray(v)) {
      const strings = v.filter((x): x is string => typeof x === 'string').map(withoutNul);
      out[k.replace(/\[\]$/, '')] = strings;
    } else if (typeof v === 'string') {
      out[k] = withoutNul(v);
    }
  }
  return out;
}

/** The value as a list, for checkbox groups (absent -> []). */
export const asList = (v: string | string[] | undefined): string[] => (Array.isArray(v) ? v : v ? [v] : []);
