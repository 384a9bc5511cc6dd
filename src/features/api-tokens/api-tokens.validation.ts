import { z } from 'zod';
import { squish } from '../../lib/text.ts';

/** How long a new token stays valid, in days: the choices of the form. */
export const VALIDITY_DAYS = ['30', '90', '365'] as const;
export const DEFAULT_VALIDITY_DAYS = '90';

/** At most this many live tokens per person: every live token is a key to personal data. */
export const MAX_ACTIVE_TOKENS = 10;

export const CreateTokenSchema = z.object({
  name: z
    .string()
    .transform(squish)
    .pipe(z.string().min(1, 'apiTokens.validation.nameRequired').max(80, 'apiTokens.validation.nameTooLong')),
  validDays: z.enum(VALIDITY_DAYS, { message: 'common.validation.choice' }),
});
export type CreateTokenInput = z.output<typeof CreateTokenSchema>;

/** Tokens look like `irt_` + 43 URL-safe characters; the prefix lets secret scanners recognise a leaked one. */
export const TOKEN_PREFIX = 'irt_';
export const TOKEN_PATTERN = /^irt_[A-Za-z0-9_-]{43}$/;
