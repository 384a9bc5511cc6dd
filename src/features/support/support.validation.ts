import { z } from 'zod';
import { region } from '../../data/reference.ts';
import { type SupportContactPreference, type SupportTopic, type SupportUrgency, SUPPORT_CONTACT_PREFERENCES, SUPPORT_OUTCOMES, SUPPORT_STATUSES, SUPPORT_TOPICS, SUPPORT_URGENCIES, TEAM_STRATEGIES } from './support.schema.ts';

/** The version of the consent text on the ask form; stored with each request. */
export const ASK_CONSENT_TEXT_VERSION = 'hulpvraag-2026-1';

const municipalitySlugs = region.municipalities.map((m) => m.slug) as [string, ...string[]];
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .optional()
    .transform((v) => (v ? v : undefined));

/** The hidden field that makes a repeated POST of one form return the same request. */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,100}$/, 'support.validation.formExpired');

const askBase = z.object({
  idempotencyKey: idempotencyKeySchema,
  topic: z.enum(SUPPORT_TOPICS),
  /** Empty when the question is about one of the requester's organisations (its municipality is used). */
  organisationId: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined)),
  municipality: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.enum(municipalitySlugs).optional()),
  description: z.string().trim().min(20, 'support.validation.descriptionShort').max(5000),
  urgency: z.enum(SUPPORT_URGENCIES),
  contactPreference: z.enum(SUPPORT_CONTACT_PREFERENCES),
  phone: optionalText(30).pipe(z.string().regex(/^[0-9+() -]{6,30}$/, 'support.validation.phone').optional()),
  consent: z.literal('on', 'support.validation.consent'),
});

// Runs even when other fields failed (`when`), so every problem is listed at once; `v` may then be incomplete.
const checks = (v: { contactPreference?: string; phone?: string; organisationId?: string; municipality?: string }, ctx: z.RefinementCtx) => {
  if (v.contactPreference === 'phone' && !v.phone) ctx.addIssue({ code: 'custom', path: ['phone'], message: 'support.validation.phoneNeeded' });
  if (!v.organisationId && !v.municipality) ctx.addIssue({ code: 'custom', path: ['municipality'], message: 'support.validation.municipality' });
};

/** The ask form of a logged-in user. */
export const askSchema = askBase.superRefine(checks, { when: () => true });

/** The ask form of a visitor: also name and email (confirmed by a link before the question is routed). */
export const visitorAskSchema = askBase
  .omit({ organisationId: true })
  .extend({
    name: z.string().trim().min(2).max(120),
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email().max(254)),
  })
  .superRefine(checks, { when: () => true });

export type AskInput = {
  idempotencyKey: string;
  topic: SupportTopic;
  organisationId?: string;
  municipality?: string;
  description: string;
  urgency: SupportUrgency;
  contactPreference: SupportContactPreference;
  phone?: string;
  name?: string;
  email?: string;
};

export const statusChangeSchema = z.object({
  status: z.enum(SUPPORT_STATUSES),
  outcome: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .pipe(z.enum(SUPPORT_OUTCOMES).optional()),
  statusNote: z.string().trim().max(5000).optional(),
});

export const messageSchema = z.object({
  message: z.string().trim().min(1).max(10_000),
  waitForReply: z.literal('on').optional(),
});
export const noteSchema = z.object({ note: z.string().trim().min(1).max(10_000) });
export const assignSchema = z.object({ assignee: z.string().min(1, 'support.error.assigneeInvalid'), reason: z.string().trim().max(1000).optional().default('') });
export const referSchema = z.object({ partner: z.string().min(1, 'support.error.partnerInvalid'), referNote: z.string().trim().min(1).max(5000) });

export const replySchema = z.object({ message: z.string().trim().min(1).max(10_000) });
export const withdrawSchema = z.object({ reason: z.string().trim().max(1000).optional().default('') });
export const rateSchema = z.object({ score: z.enum(['1', '2', '3', '4', '5'], 'support.validation.score').transform(Number) });

export const standInSchema = z
  .object({
    standIn: z.string().min(1, 'support.validation.standIn'),
    from: z.iso.date('support.validation.date'),
    until: z
      .string()
      .optional()
      .transform((v) => (v ? v : undefined))
      .pipe(z.iso.date('support.validation.date').optional()),
  })
  .refine((v) => !v.until || v.until >= v.from, { path: ['until'], message: 'support.validation.untilBeforeFrom' });

export const teamStrategySchema = z.enum(TEAM_STRATEGIES);
