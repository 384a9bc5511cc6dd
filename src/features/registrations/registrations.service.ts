import type { Db, DbOrTx } from '../../db/client.ts';
import { AppError } from '../../lib/errors.ts';
import { hashToken, randomToken } from '../../lib/ids.ts';
import type { Lang } from '../../web/i18n/i18n.ts';
import type { ServiceContext } from '../../web/types.ts';
import { enforceRateLimit, type RateLimitRule } from '../accounts/rate-limit.ts';
import { recordAudit } from '../audit/audit.service.ts';
import { isUuid, uniqueViolation } from '../profiles/profiles.service.ts';
import { cancelledMail, confirmedMail, eventCancelledMail, eventChangedMail, promotedMail, waitlistedMail } from './registrations.mails.ts';
import * as q from './registrations.queries.ts';
import type { OccurrenceInfo, RegistrationRow } from './registrations.queries.ts';

/**
 * Registering for one occurrence of an event, the waitlist, and what the event page needs to know. Every change of
 * places for an occurrence happens with its row locked (see lockOccurrence), so counting and taking a place are one
 * step: two people racing for the last place never both get it.
 */

export type RegistrationSummary = { confirmed: number; waitlisted: number; placesLeft: number | null; mine: 'confirmed' | 'waitlisted' | null };

export const REGISTRATION_RATE_LIMITS = {
  /** Registrations send mail to the address typed in: a script must not turn the form into a mail cannon. */
  perIp: { name: 'registration.ip', limit: 30, windowMs: 60 * 60_000 },
} satisfies Record<string, RateLimitRule>;

export const notFound = () => new AppError('not_found', 'registrations.notFound');

/** Confirmed and waitlisted counts per occurrence of the event, places left, and the actor's own status. */
export async function registrationSummaries(ctx: ServiceContext, eventId: string): Promise<Map<string, RegistrationSummary>> {
  const out = new Map<string, RegistrationSummary>();
  if (!isUuid(eventId)) return out;
  const event = await ctx.db.query.events.findFirst({ columns: { capacity: true }, where: (e, { eq }) => eq(e.id, eventId) });
  if (!event) return out;
  for (const row of await q.countsOfEvent(ctx.db, eventId, ctx.actor?.id ?? null)) {
    out.set(row.occurrenceId, {
      confirmed: row.confirmed,
      waitlisted: row.waitlisted,
      placesLeft: event.capacity === null ? null : Math.max(0, event.capacity - row.confirmed),
      mine: row.mine === 'confirmed' || row.mine === 'waitlisted' ? row.mine : null,
    });
  }
  return out;
}

/**
 * Whether the logged-in actor holds a place for any occurrence of the event (false for visitors). A waitlist spot
 * does not count: an address shown only to registered people is not for the waitlist (its mail leaves it out too).
 */
export async function isRegisteredForEvent(ctx: ServiceContext, eventId: string): Promise<boolean> {
  if (!ctx.actor || !isUuid(eventId)) return false;
  return q.userHasConfirmedPlace(ctx.db, eventId, ctx.actor.id);
}

/**
 * The most confirmed places taken in any one occurrence: the agenda refuses a capacity below this. (Waitlisted
 * people hold no place; a higher capacity promotes them, see fillFreedPlaces.)
 */
export async function maxActiveRegistrationsPerOccurrence(db: DbOrTx | Db, eventId: string): Promise<number> {
  if (!isUuid(eventId)) return 0;
  return q.maxConfirmedPerOccurrence(db, eventId);
}

/** A fresh cancel link for the registration; the secret goes into the mail only. */
export async function newCancelLink(ctx: ServiceContext, tx: DbOrTx, registrationId: string): Promise<string> {
  const token = randomToken(24);
  await q.insertCancelToken(tx, registrationId, hashToken(token), ctx.clock.now());
  return `${ctx.config.publicUrl}/aanmelding/annuleren/${token}`;
}

/** Whether the occurrence still takes registrations and cancellations with effect on places. */
export function closedReason(o: OccurrenceInfo, now: Date): 'closed' | 'cancelled' | 'past' | null {
  if (o.eventStatus === 'cancelled' || o.occurrenceStatus === 'cancelled') return 'cancelled';
  if (o.eventStatus !== 'published' || o.registrationMode !== 'internal') return 'closed';
  if (o.startsAt.getTime() <= now.getTime()) return 'past';
  return null;
}

/**
 * Gives free places to the first people on the waitlist, each with a mail. Call inside a transaction that holds the
 * occurrence lock (lockOccurrence): after a cancellation, or when the agenda raises the capacity.
 */
export async function fillFreedPlaces(tx: DbOrTx, ctx: ServiceContext, occurrence: OccurrenceInfo): Promise<number> {
  const now = ctx.clock.now();
  if (closedReason(occurrence, now) !== null) return 0;
  const confirmed = await q.countConfirmed(tx, occurrence.occurrenceId);
  const free = occurrence.capacity === null ? Number.MAX_SAFE_INTEGER : occurrence.capacity - confirmed;
  const lucky = await q.firstWaitlisted(tx, occurrence.occurrenceId, Math.min(free, 500));
  for (const r of lucky) {
    await q.markPromoted(tx, r.id, now);
    await ctx.mailer.queue(tx, promotedMail(r.lang, r.email, occurrence, await newCancelLink(ctx, tx, r.id)));
    await recordAudit(tx, ctx.clock, { actorUserId: null, action: 'registration.promoted', subjectType: 'registration', subjectId: r.id, requestId: ctx.requestId, details: { occurrenceId: occurrence.occurrenceId } });
  }
  return lucky.length;
}

/** Convenience for the agenda: locks the occurrence and fills its free places (after a capacity increase). */
export async function fillFreedPlacesOf(tx: DbOrTx, ctx: ServiceContext, occurrenceId: string): Promise<number> {
  const occurrence = await q.lockOccurrence(tx, occurrenceId);
  return occurrence ? fillFreedPlaces(tx, ctx, occurrence) : 0;
}

/** Events the public may see: others (draft, in review, rejected) answer not_found, also on the registration routes. */
const PUBLIC_EVENT_STATUSES = new Set(['published', 'cancelled']);

/** What the registration form page shows for one date of the event `slug`: the date, places left, and whether it is open. */
export async function registrationForm(
  ctx: ServiceContext,
  slug: string,
  occurrenceId: string,
): Promise<{ occurrence: OccurrenceInfo; placesLeft: number | null; closed: 'closed' | 'cancelled' | 'past' | null; mine: 'confirmed' | 'waitlisted' | null }> {
  if (!isUuid(occurrenceId)) throw notFound();
  const occurrence = await q.findOccurrence(ctx.db, occurrenceId);
  if (!occurrence || occurrence.slug !== slug || !PUBLIC_EVENT_STATUSES.has(occurrence.eventStatus)) throw notFound();
  const placesLeft = occurrence.capacity === null ? null : Math.max(0, occurrence.capacity - (await q.countConfirmed(ctx.db, occurrenceId)));
  const own = ctx.actor ? await q.findActiveByEmail(ctx.db, occurrenceId, ctx.actor.email.toLowerCase()) : null;
  const mine = own?.status === 'confirmed' || own?.status === 'waitlisted' ? own.status : null;
  return { occurrence, placesLeft, closed: closedReason(occurrence, ctx.clock.now()), mine };
}

export type RegisterInput = { occurrenceId: string; name: string; email: string; organisationName: string | null; waitlist: boolean };

export type RegisterRefusal = 'closed' | 'cancelled' | 'past' | 'full' | 'duplicate';

export type RegisterOutcome =
  | { ok: true; registrationId: string; status: 'confirmed' | 'waitlisted'; position: number | null; occurrence: OccurrenceInfo; email: string }
  | { ok: false; reason: RegisterRefusal; occurrence: OccurrenceInfo };

/**
 * Registers someone for one occurrence of the event `slug`. Logged-in users register themselves (name and email of
 * the account, the typed ones are ignored). A full occurrence is refused unless the form offered the waitlist
 * (`waitlist`): nobody lands on a waitlist they did not ask for. Refusals change nothing.
 */
export async function registerForOccurrence(ctx: ServiceContext, slug: string, input: RegisterInput, meta: { ip: string; lang: Lang }): Promise<RegisterOutcome> {
  if (!isUuid(input.occurrenceId)) throw notFound();
  const now = ctx.clock.now();
  const actor = ctx.actor;
  const person = actor ? { name: actor.name, email: actor.email.toLowerCase(), organisationName: input.organisationName } : { ...input, email: input.email.toLowerCase() };
  const preview = await q.findOccurrence(ctx.db, input.occurrenceId);
  if (!preview || preview.slug !== slug) throw notFound();
  if (!actor) await enforceRateLimit(ctx.db, REGISTRATION_RATE_LIMITS.perIp, meta.ip, now);
  try {
    return await ctx.db.transaction(async (tx) => {
      const o = await q.lockOccurrence(tx, input.occurrenceId);
      if (!o) throw notFound();
      const closed = closedReason(o, now);
      if (closed) return { ok: false, reason: closed, occurrence: o };
      if (await q.findActiveByEmail(tx, o.occurrenceId, person.email)) return { ok: false, reason: 'duplicate', occurrence: o };
      const full = o.capacity !== null && (await q.countConfirmed(tx, o.occurrenceId)) >= o.capacity;
      if (full && !input.waitlist) return { ok: false, reason: 'full', occurrence: o };
      const row = await q.insertRegistration(tx, {
        occurrenceId: o.occurrenceId,
        eventId: o.eventId,
        userId: actor?.id ?? null,
        name: person.name,
        email: person.email,
        organisationName: person.organisationName,
        status: full ? 'waitlisted' : 'confirmed',
        createdAt: now,
        lang: meta.lang,
      });
      const link = await newCancelLink(ctx, tx, row.id);
      const position = full ? await q.waitlistPosition(tx, o.occurrenceId, row.seq) : null;
      await ctx.mailer.queue(tx, position === null ? confirmedMail(meta.lang, person.email, o, link) : waitlistedMail(meta.lang, person.email, o, position, link));
      return { ok: true, registrationId: row.id, status: row.status === 'waitlisted' ? 'waitlisted' : 'confirmed', position, occurrence: o, email: person.email };
    });
  } catch (e) {
    // The lock makes this rare; the unique index is the last line: a double registration is a message, not a 500.
    if (uniqueViolation(e) === 'registrations_active_email_unique') return { ok: false, reason: 'duplicate', occurrence: preview };
    throw e;
  }
}

export type CancelLinkView = { registration: RegistrationRow; occurrence: OccurrenceInfo; position: number | null };

/** What a cancel link points at, or null for an unknown link. Reading changes nothing. */
export async function registrationOfCancelLink(ctx: ServiceContext, token: string): Promise<CancelLinkView | null> {
  if (!token || token.length > 100) return null;
  const registration = await q.findRegistrationByTokenHash(ctx.db, hashToken(token));
  if (!registration) return null;
  const occurrence = await q.findOccurrence(ctx.db, registration.occurrenceId);
  if (!occurrence) return null;
  const position = registration.status === 'waitlisted' ? await q.waitlistPosition(ctx.db, registration.occurrenceId, registration.seq) : null;
  return { registration, occurrence, position };
}

export type CancelOutcome = { kind: 'cancelled'; promoted: number } | { kind: 'already_cancelled' } | { kind: 'past' };

/** Cancels a registration with the occurrence locked, then gives the freed place to the first on the waitlist. */
async function cancelLocked(ctx: ServiceContext, registrationId: string, actorUserId: string | null): Promise<CancelOutcome> {
  const now = ctx.clock.now();
  return ctx.db.transaction(async (tx) => {
    const current = await q.findRegistration(tx, registrationId);
    if (!current) throw notFound();
    const o = await q.lockOccurrence(tx, current.occurrenceId);
    if (!o) throw notFound();
    if (o.startsAt.getTime() <= now.getTime()) return { kind: 'past' };
    if (!(await q.markCancelled(tx, registrationId, now))) return { kind: 'already_cancelled' };
    await ctx.mailer.queue(tx, cancelledMail(current.lang, current.email, o, `${ctx.config.publicUrl}/agenda/${encodeURIComponent(o.slug)}`));
    await recordAudit(tx, ctx.clock, { actorUserId, action: 'registration.cancelled', subjectType: 'registration', subjectId: registrationId, requestId: ctx.requestId, details: { occurrenceId: o.occurrenceId, was: current.status } });
    const promoted = current.status === 'confirmed' ? await fillFreedPlaces(tx, ctx, o) : 0;
    return { kind: 'cancelled', promoted };
  });
}

/** Cancels through the link of a mail (no account needed). Unknown links are not_found. */
export async function cancelByLink(ctx: ServiceContext, token: string): Promise<CancelOutcome> {
  const found = await registrationOfCancelLink(ctx, token);
  if (!found) throw notFound();
  return cancelLocked(ctx, found.registration.id, ctx.actor?.id ?? null);
}

/** One of the logged-in user's own registrations, as the cancel page shows it; not_found for anyone else's. */
export async function ownRegistration(ctx: ServiceContext, registrationId: string): Promise<CancelLinkView> {
  if (!ctx.actor) throw new AppError('unauthenticated', 'accounts.login.required');
  if (!isUuid(registrationId)) throw notFound();
  const registration = await q.findRegistration(ctx.db, registrationId);
  if (!registration || registration.userId !== ctx.actor.id) throw notFound();
  const occurrence = await q.findOccurrence(ctx.db, registration.occurrenceId);
  if (!occurrence) throw notFound();
  const position = registration.status === 'waitlisted' ? await q.waitlistPosition(ctx.db, registration.occurrenceId, registration.seq) : null;
  return { registration, occurrence, position };
}

/** A logged-in user cancels one of their own registrations (Mijn aanmeldingen). */
export async function cancelOwnRegistration(ctx: ServiceContext, registrationId: string): Promise<CancelOutcome> {
  if (!ctx.actor) throw new AppError('unauthenticated', 'accounts.login.required');
  if (!isUuid(registrationId)) throw notFound();
  const r = await q.findRegistration(ctx.db, registrationId);
  if (!r || r.userId !== ctx.actor.id) throw notFound();
  return cancelLocked(ctx, registrationId, ctx.actor.id);
}

/** The logged-in user's registrations for dates still to come, with waitlist places. */
export async function myUpcomingRegistrations(ctx: ServiceContext) {
  if (!ctx.actor) throw new AppError('unauthenticated', 'accounts.login.required');
  const rows = await q.upcomingRegistrationsOfUser(ctx.db, ctx.actor.id, ctx.clock.now());
  return Promise.all(
    rows.map(async (r) => ({ ...r, position: r.status === 'waitlisted' ? await q.waitlistPosition(ctx.db, r.occurrenceId, r.seq) : null })),
  );
}

/**
 * Called by the agenda inside its cancel transaction: everyone confirmed or waitlisted for a date still to come gets
 * one mail listing their dates that are off. Registrations themselves stay as they are (the event's status says
 * it is off; the attendee list keeps its history).
 */
export async function notifyEventCancelled(tx: DbOrTx, ctx: ServiceContext, args: { eventId: string; occurrenceId?: string }): Promise<void> {
  const now = ctx.clock.now();
  const rows = await q.activeRegistrations(tx, args.eventId, args.occurrenceId);
  if (rows.length === 0) return;
  const occurrences = new Map<string, OccurrenceInfo | null>();
  const byPerson = new Map<string, { lang: string; email: string; title: string; dates: Array<{ startsAt: Date; endsAt: Date }> }>();
  for (const r of rows) {
    if (!occurrences.has(r.occurrenceId)) occurrences.set(r.occurrenceId, await q.findOccurrence(tx, r.occurrenceId));
    const o = occurrences.get(r.occurrenceId);
    if (!o || o.startsAt.getTime() <= now.getTime()) continue;
    const key = r.email;
    const entry = byPerson.get(key) ?? { lang: r.lang, email: r.email, title: o.title, dates: [] };
    entry.dates.push({ startsAt: o.startsAt, endsAt: o.endsAt });
    byPerson.set(key, entry);
  }
  for (const p of byPerson.values()) {
    p.dates.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    await ctx.mailer.queue(tx, eventCancelledMail(p.lang, p.email, p.title, p.dates));
  }
}

/**
 * For the agenda, inside the transaction that changed a published event (time, place) or moved one date: everyone
 * confirmed or waitlisted for a coming date gets one mail with their dates as they are now. With `datesChanged` the
 * reminder is sent again for the new time.
 */
export async function notifyEventChanged(tx: DbOrTx, ctx: ServiceContext, args: { eventId: string; occurrenceId?: string; datesChanged: boolean }): Promise<void> {
  const now = ctx.clock.now();
  const rows = await q.activeRegistrations(tx, args.eventId, args.occurrenceId);
  const occurrences = new Map<string, OccurrenceInfo | null>();
  const byPerson = new Map<string, { lang: string; email: string; hasPlace: boolean; o: OccurrenceInfo; dates: Array<{ startsAt: Date; endsAt: Date }> }>();
  for (const r of rows) {
    if (!occurrences.has(r.occurrenceId)) occurrences.set(r.occurrenceId, await q.findOccurrence(tx, r.occurrenceId));
    const o = occurrences.get(r.occurrenceId);
    if (!o || o.occurrenceStatus === 'cancelled' || o.startsAt.getTime() <= now.getTime()) continue;
    const entry = byPerson.get(r.email) ?? { lang: r.lang, email: r.email, hasPlace: false, o, dates: [] };
    entry.hasPlace ||= r.status === 'confirmed';
    entry.dates.push({ startsAt: o.startsAt, endsAt: o.endsAt });
    byPerson.set(r.email, entry);
  }
  if (args.datesChanged) await q.clearReminders(tx, args.eventId, args.occurrenceId);
  for (const p of byPerson.values()) {
    p.dates.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime());
    await ctx.mailer.queue(tx, eventChangedMail(p.lang, p.email, p.o, p.dates, p.hasPlace, `${ctx.config.publicUrl}/agenda/${encodeURIComponent(p.o.slug)}`));
  }
}
