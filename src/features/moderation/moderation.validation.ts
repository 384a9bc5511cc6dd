import { z } from 'zod';

/** A reason the coordinator gives when rejecting a profile or a claim, or taking a profile offline; the entrepreneur sees it. */
export const ReasonSchema = z.object({
  reason: z.preprocess(
    (v) => (typeof v === 'string' ? v.replace(/\r\n/g, '\n').trim() : v),
    z.string({ message: 'moderation.validation.reason' }).min(10, 'moderation.validation.reason').max(2000),
  ),
});

/** The certification codes the coordinator ticks as verified on the review page. */
export const VerifySchema = z.object({
  verified: z.preprocess((v) => (Array.isArray(v) ? v : v ? [v] : []), z.array(z.string().max(100)).max(20)),
});
