import type { SupportOutcome, SupportStatus } from './support.schema.ts';

/**
 * The allowed status steps. Routing makes the first step (unconfirmed → new | assigned | referred); people make the
 * rest. A step that is not listed "skips the workflow" and is refused (e.g. assigned → waiting: nobody has looked at
 * the question yet, so there is nothing to wait for).
 */
export const ALLOWED_TRANSITIONS: Record<SupportStatus, readonly SupportStatus[]> = {
  unconfirmed: ['new', 'assigned', 'referred'],
  new: ['assigned', 'in_progress', 'referred', 'closed'],
  assigned: ['in_progress', 'referred', 'closed'],
  in_progress: ['waiting', 'referred', 'closed'],
  waiting: ['in_progress', 'referred', 'closed'],
  referred: ['in_progress', 'waiting', 'closed'],
  closed: ['in_progress'],
};

/** Steps a staff member can choose in the status form (routing's first step is not one of them). */
export function allowedTransitions(from: SupportStatus): readonly SupportStatus[] {
  return from === 'unconfirmed' ? [] : ALLOWED_TRANSITIONS[from];
}

export const canTransition = (from: SupportStatus, to: SupportStatus): boolean => ALLOWED_TRANSITIONS[from].includes(to);

/** Open: confirmed and not closed. */
export const isOpen = (status: SupportStatus): boolean => status !== 'unconfirmed' && status !== 'closed';

/** The entrepreneur may reply or withdraw while the request is open (an unconfirmed one can be withdrawn too). */
export const requesterCanReply = (status: SupportStatus): boolean => isOpen(status);
export const requesterCanWithdraw = (status: SupportStatus): boolean => status !== 'closed';

/** The outcome a closing step gets when none is given. */
export const defaultOutcome = (): SupportOutcome => 'answered';
