import { z } from 'zod';
import { squish } from '../../lib/text.ts';
import { EmailSchema, NameSchema } from '../accounts/accounts.validation.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export const OccurrenceIdSchema = z.string().regex(UUID, 'registrations.validation.occurrence');

/** "ja" when the form offered the waitlist: only then does a full date put someone on it. */
const WaitlistFlag = z
  .string()
  .optional()
  .transform((v) => v === 'ja');

/** A visitor's registration: name, email, organisation (optional). */
export const VisitorRegistrationSchema = z.object({
  occurrenceId: OccurrenceIdSchema,
  name: NameSchema,
  email: EmailSchema,
  organisationName: z
    .string()
    .optional()
    .transform((v) => squish(v ?? ''))
    .pipe(z.string().max(150, 'registrations.validation.organisationTooLong'))
    .transform((v) => v || null),
  wachtlijst: WaitlistFlag,
});
export type VisitorRegistrationInput = z.output<typeof VisitorRegistrationSchema>;

/** A logged-in user registers in one click: name and email come from the account. */
export const AccountRegistrationSchema = z.object({ occurrenceId: OccurrenceIdSchema, wachtlijst: WaitlistFlag });

/** The attendance form: the registrations shown on the page, and which of them came. */
export const AttendanceSchema = z.object({
  occurrenceId: OccurrenceIdSchema,
  shown: z.array(z.string().regex(UUID, 'common.validation.invalid')).max(200, 'common.validation.invalid'),
  attended: z.array(z.string().regex(UUID, 'common.validation.invalid')).max(200, 'common.validation.invalid'),
});
export type AttendanceInput = z.output<typeof AttendanceSchema>;
