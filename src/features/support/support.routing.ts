import type { RoutingTargetKind, SupportTopic, TeamStrategy } from './support.schema.ts';

/** A rule as routing needs it (one municipality, one topic). */
export type RoutingRuleInput = {
  id: string;
  topic: SupportTopic;
  targetKind: RoutingTargetKind;
  targetUserId: string | null;
  teamUserIds: string[];
  teamStrategy: TeamStrategy | null;
  partnerOrganisationId: string | null;
  /** Round-robin pointer: who got the previous request by this rule. */
  lastAssignedUserId: string | null;
};

/** A person who can receive requests in this municipality (an active account manager, or a coordinator). */
export type RoutingCandidate = {
  userId: string;
  /** Open requests they own now (for least_open). */
  openCount: number;
  /** Absent today with a stand-in; `standInUserId` gets their new requests. */
  absence: { standInUserId: string; from: string; until: string | null } | null;
};

export type RoutingInput = {
  topic: SupportTopic;
  /** The rules of the request's municipality. */
  rules: RoutingRuleInput[];
  /** The municipality's default account manager. */
  defaultUserId: string | null;
  /** Active account managers of the municipality (anyone else named in a rule is skipped). */
  accountManagers: RoutingCandidate[];
  /** Active coordinators, in a stable order: the last fallback. */
  coordinators: RoutingCandidate[];
  /** Partner organisations that can receive referrals. */
  partnerOrganisationIds: string[];
  /** Today in Europe/Amsterdam, YYYY-MM-DD (absences are by local date). */
  today: string;
};

export type RoutingReason = 'rule' | 'team' | 'partner' | 'default' | 'coordinator';

export type RoutingDecision =
  | {
      kind: 'user';
      userId: string;
      reason: RoutingReason;
      /** Set when an absent person's stand-in got it instead. */
      standInFor: string | null;
      ruleId: string | null;
      /** For a round-robin team: the new pointer to store on the rule. */
      teamPointer: string | null;
    }
  | { kind: 'partner'; partnerOrganisationId: string; reason: 'partner'; ruleId: string };

export class NoRoutingTargetError extends Error {
  constructor() {
    super('No coordinator exists to receive support requests: add one before requests can be routed');
  }
}

const isAbsent = (c: RoutingCandidate, today: string) =>
  !!c.absence && c.absence.from <= today && (c.absence.until === null || today <= c.absence.until);

/**
 * Who gets a new request. Pure: the same input gives the same answer, and the answer is never "nobody".
 * Order: the topic's rule (person, team or partner) → the municipality's default account manager → a coordinator.
 * An absent person's request goes to their stand-in (followed along a chain, never in a circle); a team skips absent
 * members. People named in rules who are no longer active account managers of the municipality are skipped.
 * Throws NoRoutingTargetError only when the instance has no coordinator at all.
 */
export function routeRequest(input: RoutingInput): RoutingDecision {
  const { today } = input;
  const byId = new Map<string, RoutingCandidate>();
  for (const c of [...input.coordinators, ...input.accountManagers]) byId.set(c.userId, c);

  /** The person who actually receives what is meant for `userId`, or null when neither they nor a stand-in can. */
  const present = (userId: string | null): { userId: string; standInFor: string | null } | null => {
    if (!userId) return null;
    const seen = new Set<string>();
    let current = byId.get(userId);
    while (current && !seen.has(current.userId)) {
      if (!isAbsent(current, today)) return { userId: current.userId, standInFor: current.userId === userId ? null : userId };
      seen.add(current.userId);
      current = byId.get(current.absence!.standInUserId);
    }
    return null;
  };

  const user = (to: { userId: string; standInFor: string | null }, reason: RoutingReason, ruleId: string | null, teamPointer: string | null = null): RoutingDecision => ({
    kind: 'user',
    userId: to.userId,
    standInFor: to.standInFor,
    reason,
    ruleId,
    teamPointer,
  });

  const rule = input.rules.find((r) => r.topic === input.topic);
  if (rule) {
    if (rule.targetKind === 'partner' && rule.partnerOrganisationId && input.partnerOrganisationIds.includes(rule.partnerOrganisationId)) {
      return { kind: 'partner', partnerOrganisationId: rule.partnerOrganisationId, reason: 'partner', ruleId: rule.id };
    }
    if (rule.targetKind === 'user') {
      const to = present(rule.targetUserId);
      if (to) return user(to, 'rule', rule.id);
    }
    if (rule.targetKind === 'team') {
      const members = rule.teamUserIds.map((id) => byId.get(id)).filter((c): c is RoutingCandidate => !!c && !isAbsent(c, today));
      if (members.length > 0) {
        if (rule.teamStrategy === 'least_open') {
          const least = members.reduce((best, c) => (c.openCount < best.openCount ? c : best));
          return user({ userId: least.userId, standInFor: null }, 'team', rule.id);
        }
        // Round robin over the team's order: the first available member after the one who got the previous request.
        const order = rule.teamUserIds;
        const start = rule.lastAssignedUserId ? order.indexOf(rule.lastAssignedUserId) + 1 : 0;
        for (let step = 0; step < order.length; step++) {
          const candidate = members.find((m) => m.userId === order[(start + step) % order.length]);
          if (candidate) return user({ userId: candidate.userId, standInFor: null }, 'team', rule.id, candidate.userId);
        }
      }
    }
  }

  const fallback = present(input.defaultUserId);
  if (fallback) return user(fallback, 'default', null);

  for (const coordinator of input.coordinators) {
    const to = present(coordinator.userId);
    if (to) return user(to, 'coordinator', null);
  }
  // Every coordinator absent without a reachable stand-in: the first coordinator still owns it (never nobody).
  if (input.coordinators.length > 0) return user({ userId: input.coordinators[0]!.userId, standInFor: null }, 'coordinator', null);
  throw new NoRoutingTargetError();
}
