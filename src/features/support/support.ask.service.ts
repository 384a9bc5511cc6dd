import type { DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { hashToken, randomToken } from '../../lib/ids.ts';
import type { ServiceContext } from '../../web/types.ts';
import { enforceRateLimit, type RateLimitRule } from '../accounts/rate-limit.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { type CheckedAttachment, checkAttachments, type Upload } from './support.attachments.ts';
import { supportMail } from './support.mails.ts';
import { CONFIRM_LINK_DAYS } from './support.retention.ts';
import * as q from './support.queries.ts';
import { routeRequest, type RoutingCandidate } from './support.routing.ts';
import type { SupportStatus } from './support.schema.ts';
import { ASK_CONSENT_TEXT_VERSION, type AskInput } from './support.validation.ts';
import { amsterdamDate, firstResponseDue, formatLocalDate } from './working-days.ts';

export const DEFAULT_RESPONSE_WORKING_DAYS = 3;

/** Who will answer and by when: what the confirmation page and mail promise. */
export type OwnerPromise = { ownerName: string; ownerIsPartner: boolean; workingDays: number; dueAt: Date };

export type AskResult = {
  request: q.SupportRequestRow;
  /** True when this POST repeated an earlier one (same idempotency key): nothing new was saved. */
  repeated: boolean;
  /** A visitor must click the link in the mail first. */
  needsConfirmation: boolean;
  promise: OwnerPromise | null;
};

const link = (ctx: ServiceContext, path: string) => `${ctx.config.publicUrl}${path}`;
const formatCaseNumber = (year: number, n: number) => `HV-${year}-${String(n).padStart(5, '0')}`;

function uniqueViolation(e: unknown): string | null {
  for (let err = e as { code?: string; constraint?: string; cause?: unknown } | undefined, depth = 0; err && depth < 3; depth++) {
    if (err.code === '23505') return err.constraint ?? '';
    err = err.cause as typeof err;
  }
  return null;
}

/** The promise for a request that is already routed (for a repeated POST or a second click on the link). */
export async function promiseOf(db: DbOrTx, request: q.SupportRequestRow): Promise<OwnerPromise | null> {
  if (request.status === 'unconfirmed' || !request.firstResponseDueAt) return null;
  const settings = await q.settingsOf(db, request.municipalitySlug);
  const partnerName = request.status === 'referred' ? await q.nameOfOrganisation(db, request.partnerOrganisationId) : null;
  const ownerName = partnerName ?? (await q.nameOfUser(db, request.assigneeUserId)) ?? '';
  return { ownerName, ownerIsPartner: !!partnerName, workingDays: settings?.responseWorkingDays ?? DEFAULT_RESPONSE_WORKING_DAYS, dueAt: request.firstResponseDueAt };
}

/**
 * Asks a question. A repeated POST (same idempotency key) returns the first request. Attachments are checked by
 * content before anything is saved. A logged-in requester with a verified email is routed at once; anyone else gets
 * a confirmation link first. The request, its attachments, timeline and mails are written in one transaction, so a
 * crash loses neither the request nor its mail (the outbox delivers later, with retries).
 */
/** Visitors' questions send a mail to an address nobody has proven yet: limit how often, per address and per IP. */
export const ASK_RATE_LIMITS = {
  perIp: { name: 'support-ask.ip', limit: 30, windowMs: 60 * 60_000 },
  perEmail: { name: 'support-ask.email', limit: 5, windowMs: 60 * 60_000 },
} satisfies Record<string, RateLimitRule>;

export async function askQuestion(ctx: ServiceContext, input: AskInput, uploads: Upload[], meta: { lang?: 'nl' | 'en'; ip?: string } = {}): Promise<AskResult> {
  const lang = meta.lang ?? 'nl';
  const actor = ctx.actor;
  const requesterEmail = (actor ? actor.email : input.email ?? '').toLowerCase();
  const requesterName = actor ? actor.name : (input.name ?? '');
  if (!requesterEmail || !requesterName) throw new AppError('validation_failed', 'common.validation.required', { email: ['common.validation.required'] });

  const repeated = await repeatOf(ctx, input.idempotencyKey, requesterEmail);
  if (repeated) return repeated;

  let municipalitySlug = input.municipality;
  let organisationId: string | null = null;
  if (input.organisationId) {
    const own = actor ? (await q.organisationsOfRequester(ctx.db, actor.id)).find((o) => o.id === input.organisationId) : undefined;
    if (!own) throw new AppError('validation_failed', 'support.validation.organisation', { organisationId: ['support.validation.organisation'] });
    organisationId = own.id;
    municipalitySlug = own.municipalitySlug;
  }
  if (!municipalitySlug) throw new AppError('validation_failed', 'support.validation.municipality', { municipality: ['support.validation.municipality'] });
  const files = checkAttachments(uploads);
  const needsConfirmation = !actor || !actor.emailVerified;
  if (needsConfirmation) {
    await enforceRateLimit(ctx.db, ASK_RATE_LIMITS.perIp, meta.ip ?? 'unknown', ctx.clock.now());
    await enforceRateLimit(ctx.db, ASK_RATE_LIMITS.perEmail, requesterEmail, ctx.clock.now());
  }

  try {
    return await ctx.db.transaction(async (tx) => {
      const now = ctx.clock.now();
      const year = amsterdamDate(now).year;
      const caseNumber = formatCaseNumber(year, await q.nextCaseNumber(tx, year));
      const token = needsConfirmation ? randomToken() : null;
      const request = await q.insertRequest(tx, {
        caseNumber,
        idempotencyKey: input.idempotencyKey,
        topic: input.topic,
        municipalitySlug: municipalitySlug!,
        organisationId,
        requesterUserId: actor?.id ?? null,
        requesterName,
        requesterEmail,
        requesterPhone: input.phone ?? null,
        lang,
        description: input.description,
        urgency: input.urgency,
        contactPreference: input.contactPreference,
        consentTextVersion: ASK_CONSENT_TEXT_VERSION,
        consentAt: now,
        status: 'unconfirmed',
        confirmTokenHash: token ? hashToken(token) : null,
        createdAt: now,
        updatedAt: now,
      });
      await storeAttachments(tx, request.id, files, now);
      await q.insertEvent(tx, { requestId: request.id, at: now, kind: 'submitted', actorUserId: actor?.id ?? null, toStatus: 'unconfirmed', details: { attachments: files.length } });
      await recordAudit(tx, ctx.clock, { actorUserId: actor?.id ?? null, action: 'support_request.submitted', subjectType: 'support_request', subjectId: request.id, details: { municipality: municipalitySlug, topic: input.topic }, requestId: ctx.requestId });
      if (token) {
        await ctx.mailer.queue(tx, supportMail('confirmLink', { email: requesterEmail, name: requesterName, language: request.lang }, { caseNumber, link: link(ctx, `/hulp-vragen/bevestigen/${token}`) }));
        return { request, repeated: false, needsConfirmation: true, promise: null };
      }
      const routed = await routeAndNotify(ctx, tx, request, now);
      return { request: routed.request, repeated: false, needsConfirmation: false, promise: routed.promise };
    });
  } catch (e) {
    // Two identical POSTs at the same moment: the second one loses the race on the unique key and returns the first.
    if (uniqueViolation(e) === 'support_requests_idempotency_unique') {
      const again = await repeatOf(ctx, input.idempotencyKey, requesterEmail);
      if (again) return again;
    }
    throw e;
  }
}

async function repeatOf(ctx: ServiceContext, key: string, requesterEmail: string): Promise<AskResult | null> {
  const existing = await q.findRequestByIdempotencyKey(ctx.db, key);
  if (!existing) return null;
  // A key is random per form; someone else's key never shows their request.
  if (existing.requesterEmail !== requesterEmail) throw new AppError('conflict', 'support.validation.formExpired');
  return { request: existing, repeated: true, needsConfirmation: existing.status === 'unconfirmed', promise: await promiseOf(ctx.db, existing) };
}

async function storeAttachments(tx: DbOrTx, requestId: string, files: CheckedAttachment[], now: Date) {
  for (const f of files) {
    await q.insertAttachment(tx, { requestId, fileName: f.fileName, contentType: f.contentType, sizeBytes: f.bytes.length, bytes: f.bytes, createdAt: now });
  }
}

/**
 * The visitor's link: confirms the email and routes the request. A second click (within CONFIRM_LINK_DAYS of the
 * confirmation) shows the same result and routes nothing again: the token's hash stays on the request until the
 * retention job clears it after that period (or anonymises the request). An unknown or expired link gives null.
 */
export async function confirmRequest(ctx: ServiceContext, token: string): Promise<{ request: q.SupportRequestRow; promise: OwnerPromise | null } | null> {
  if (!/^[A-Za-z0-9_-]{20,100}$/.test(token)) return null;
  return ctx.db.transaction(async (tx) => {
    const request = await q.findRequestByConfirmToken(tx, hashToken(token));
    if (!request) return null;
    if (request.status !== 'unconfirmed') {
      const expired = !request.confirmedAt || ctx.clock.now().getTime() - request.confirmedAt.getTime() > CONFIRM_LINK_DAYS * 24 * 3600_000;
      return expired || request.anonymisedAt ? null : { request, promise: await promiseOf(tx, request) };
    }
    const now = ctx.clock.now();
    await q.updateRequest(tx, request.id, { confirmedAt: now });
    await q.insertEvent(tx, { requestId: request.id, at: now, kind: 'confirmed', fromStatus: 'unconfirmed' });
    const routed = await routeAndNotify(ctx, tx, { ...request, confirmedAt: now }, now);
    return { request: routed.request, promise: routed.promise };
  });
}

/** Everything routing needs about a municipality, read inside the transaction. */
async function routingInput(tx: DbOrTx, municipalitySlug: string, today: string) {
  // One after another: a transaction is one connection.
  const rules = await q.rulesOf(tx, municipalitySlug);
  const settings = await q.settingsOf(tx, municipalitySlug);
  const managers = await q.usersWithRole(tx, 'account_manager', municipalitySlug);
  const coordinators = await q.usersWithRole(tx, 'coordinator', null);
  const partners = await q.listPartnerOrganisations(tx);
  const ids = [...new Set([...managers, ...coordinators].map((u) => u.id))];
  const counts = await q.openCountsOf(tx, ids);
  const standIns = await q.standInsOf(tx, ids);
  const candidate = (id: string): RoutingCandidate => {
    const s = standIns.find((x) => x.userId === id);
    return { userId: id, openCount: counts.get(id) ?? 0, absence: s ? { standInUserId: s.standInUserId, from: s.absentFrom, until: s.absentUntil } : null };
  };
  return {
    settings,
    input: {
      rules: rules.map((r) => ({ ...r })),
      defaultUserId: settings?.defaultUserId ?? null,
      accountManagers: managers.map((m) => candidate(m.id)),
      coordinators: coordinators.map((c) => candidate(c.id)),
      partnerOrganisationIds: partners.map((p) => p.id),
      today,
    },
  };
}

/**
 * Routes a confirmed request (rules → default → coordinator; never nobody), sets the due date for the first answer
 * and queues the mails: the promise to the requester and a notice to the new owner.
 */
export async function routeAndNotify(ctx: ServiceContext, tx: DbOrTx, request: q.SupportRequestRow, now: Date) {
  const { settings, input } = await routingInput(tx, request.municipalitySlug, formatLocalDate(amsterdamDate(now)));
  const decision = routeRequest({ ...input, topic: request.topic });
  const workingDays = settings?.responseWorkingDays ?? DEFAULT_RESPONSE_WORKING_DAYS;
  const dueAt = firstResponseDue(now, workingDays);
  let status: SupportStatus;
  let ownerName: string;
  if (decision.kind === 'partner') {
    status = 'referred';
    ownerName = (await q.nameOfOrganisation(tx, decision.partnerOrganisationId)) ?? '';
    await q.updateRequest(tx, request.id, { status, partnerOrganisationId: decision.partnerOrganisationId, assigneeUserId: null, firstResponseDueAt: dueAt, updatedAt: now });
  } else {
    status = decision.reason === 'coordinator' ? 'new' : 'assigned';
    ownerName = (await q.nameOfUser(tx, decision.userId)) ?? '';
    await q.updateRequest(tx, request.id, { status, assigneeUserId: decision.userId, firstResponseDueAt: dueAt, updatedAt: now });
    if (decision.teamPointer && decision.ruleId) await q.setRulePointer(tx, decision.ruleId, decision.teamPointer);
  }
  await q.insertEvent(tx, {
    requestId: request.id,
    at: now,
    kind: 'routed',
    fromStatus: 'unconfirmed',
    toStatus: status,
    partnerOrganisationId: decision.kind === 'partner' ? decision.partnerOrganisationId : null,
    details:
      decision.kind === 'partner'
        ? { reason: 'partner', partnerOrganisationId: decision.partnerOrganisationId, ruleId: decision.ruleId }
        : { reason: decision.reason, assigneeUserId: decision.userId, standInFor: decision.standInFor, ruleId: decision.ruleId },
  });
  const promise: OwnerPromise = { ownerName, ownerIsPartner: decision.kind === 'partner', workingDays, dueAt };
  const requester = { email: request.requesterEmail, name: request.requesterName, language: request.lang };
  const requesterI18nDate = new Intl.DateTimeFormat(request.lang === 'en' ? 'en-GB' : 'nl-NL', { timeZone: 'Europe/Amsterdam', day: 'numeric', month: 'long', year: 'numeric' }).format(dueAt);
  await ctx.mailer.queue(
    tx,
    supportMail('received', requester, { caseNumber: request.caseNumber, owner: ownerName, days: String(workingDays), due: requesterI18nDate, link: link(ctx, '/mijn/hulpvragen') }),
  );
  const staffLink = link(ctx, `/beheer/hulpvragen/${request.id}`);
  if (decision.kind === 'partner') {
    for (const contact of await q.partnerContacts(tx, decision.partnerOrganisationId)) {
      await ctx.mailer.queue(tx, supportMail('referredPartner', contact, { caseNumber: request.caseNumber, link: staffLink }));
    }
  } else {
    const contact = await q.findUserContact(tx, decision.userId);
    if (contact) await ctx.mailer.queue(tx, supportMail('assignedStaff', contact, { caseNumber: request.caseNumber, link: staffLink }));
  }
  const updated = (await q.findRequest(tx, request.id))!;
  return { request: updated, promise, decision };
}

/** The requester's organisations (for the ask form's choice; the municipality comes from the organisation). */
export async function askFormOptions(ctx: ServiceContext) {
  return { organisations: ctx.actor ? await q.organisationsOfRequester(ctx.db, ctx.actor.id) : [] };
}
