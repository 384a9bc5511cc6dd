import { z } from 'zod';
import { squish } from '../../lib/text.ts';

/** Shared input rules of the accounts feature; messages are catalogue keys (see fieldErrorsFrom). */
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;

export const EmailSchema = z
  .string()
  .trim()
  .toLowerCase()
  .min(1, { message: 'common.validation.required', abort: true })
  .max(254, { message: 'accounts.validation.emailTooLong', abort: true })
  .pipe(z.email('common.validation.email'));

/** Whitespace (also newlines) collapses to single spaces: a name is one line wherever it is shown. */
export const NameSchema = z
  .string()
  .transform(squish)
  .pipe(z.string().min(1, 'accounts.validation.nameRequired').max(100, 'accounts.validation.nameTooLong'));

export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, 'accounts.validation.passwordTooShort')
  .max(PASSWORD_MAX, 'accounts.validation.passwordTooLong');

export const RegisterSchema = z.object({ name: NameSchema, email: EmailSchema, password: NewPasswordSchema });
export type RegisterInput = z.output<typeof RegisterSchema>;

/** Login checks presence only: the rules for new passwords may change, old passwords must keep working. */
export const LoginSchema = z.object({
  email: EmailSchema,
  password: z.string().min(1, 'accounts.validation.passwordRequired').max(1000, 'accounts.login.failed'),
});
export type LoginInput = z.output<typeof LoginSchema>;

export const ForgotPasswordSchema = z.object({ email: EmailSchema });

export const ResetPasswordSchema = z.object({ password: NewPasswordSchema });

export const ChangeNameSchema = z.object({ name: NameSchema });

export const ChangePasswordSchema = z.object({
  currentPassword: z.string().min(1, 'accounts.validation.currentPasswordRequired').max(1000, 'accounts.password.currentWrong'),
  newPassword: NewPasswordSchema,
});
export type ChangePasswordInput = z.output<typeof ChangePasswordSchema>;

/**
 * Where to go after logging in: only a path on this site. Anything that a browser could read as another host
 * (`//evil.example`, `/\evil.example`, `https://evil.example`, control characters) falls back to /mijn.
 */
export function safeReturnPath(raw: unknown, fallback = '/mijn'): string {
  if (typeof raw !== 'string' || raw.length === 0 || raw.length > 1000) return fallback;
  if (!raw.startsWith('/') || raw.startsWith('//') || raw.includes('\\')) return fallback;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, 'http://same.invalid');
  } catch {
    return fallback;
  }
  if (url.origin !== 'http://same.invalid') return fallback;
  const path = `${url.pathname}${url.search}${url.hash}`;
  // Going back to the login or logout page after logging in would be a loop.
  if (/^\/(inloggen|uitloggen)(\/|\?|#|$)/.test(path)) return fallback;
  return path;
}
