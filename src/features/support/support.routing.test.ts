import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { NoRoutingTargetError, type RoutingCandidate, type RoutingInput, type RoutingRuleInput, routeRequest } from './support.routing.ts';

const am = (userId: string, openCount = 0, absence: RoutingCandidate['absence'] = null): RoutingCandidate => ({ userId, openCount, absence });
const rule = (r: Partial<RoutingRuleInput> & Pick<RoutingRuleInput, 'topic' | 'targetKind'>): RoutingRuleInput => ({
  id: `rule-${r.topic}`,
  targetUserId: null,
  teamUserIds: [],
  teamStrategy: null,
  partnerOrganisationId: null,
  lastAssignedUserId: null,
  ...r,
});
const base = (over: Partial<RoutingInput> = {}): RoutingInput => ({
  topic: 'vergunningen-en-regels',
  rules: [],
  defaultUserId: 'anna',
  accountManagers: [am('anna'), am('bram'), am('cees')],
  coordinators: [am('coco')],
  partnerOrganisationIds: ['ibdo'],
  today: '2026-11-30',
  ...over,
});

describe('routing (pure)', () => {
  test('a topic rule to a person wins over the default', () => {
    const r = routeRequest(base({ rules: [rule({ topic: 'vergunningen-en-regels', targetKind: 'user', targetUserId: 'bram' })] }));
    assert.deepEqual(r, { kind: 'user', userId: 'bram', reason: 'rule', standInFor: null, ruleId: 'rule-vergunningen-en-regels', teamPointer: null });
  });

  test('financing goes to the partner inbox first', () => {
    const r = routeRequest(base({ topic: 'financiering', rules: [rule({ topic: 'financiering', targetKind: 'partner', partnerOrganisationId: 'ibdo' })] }));
    assert.deepEqual(r, { kind: 'partner', partnerOrganisationId: 'ibdo', reason: 'partner', ruleId: 'rule-financiering' });
  });

  test('a rule for another topic does not apply; without a rule the default account manager gets it', () => {
    const r = routeRequest(base({ rules: [rule({ topic: 'financiering', targetKind: 'user', targetUserId: 'bram' })] }));
    assert.equal(r.kind === 'user' && r.userId, 'anna');
    assert.equal(r.kind === 'user' && r.reason, 'default');
  });

  test('an absent person’s request goes to their stand-in, along a chain but never in a circle', () => {
    const absent = (standIn: string) => ({ standInUserId: standIn, from: '2026-11-23', until: '2026-12-04' });
    let r = routeRequest(base({ accountManagers: [am('anna', 0, absent('bram')), am('bram'), am('cees')] }));
    assert.deepEqual([r.kind === 'user' && r.userId, r.kind === 'user' && r.standInFor], ['bram', 'anna']);
    r = routeRequest(base({ accountManagers: [am('anna', 0, absent('bram')), am('bram', 0, absent('cees')), am('cees')] }));
    assert.equal(r.kind === 'user' && r.userId, 'cees');
    r = routeRequest(base({ accountManagers: [am('anna', 0, absent('bram')), am('bram', 0, absent('anna'))] }));
    assert.deepEqual([r.kind === 'user' && r.userId, r.kind === 'user' && r.reason], ['coco', 'coordinator'], 'a circle of absences falls back to the coordinator');
  });

  test('absence is by local date, inclusive, and open-ended without an end date', () => {
    const absence = { standInUserId: 'bram', from: '2026-12-01', until: '2026-12-02' };
    const at = (today: string) => {
      const r = routeRequest(base({ today, accountManagers: [am('anna', 0, absence), am('bram')] }));
      return r.kind === 'user' ? r.userId : null;
    };
    assert.deepEqual([at('2026-11-30'), at('2026-12-01'), at('2026-12-02'), at('2026-12-03')], ['anna', 'bram', 'bram', 'anna']);
    const r = routeRequest(base({ today: '2030-01-01', accountManagers: [am('anna', 0, { standInUserId: 'bram', from: '2026-12-01', until: null }), am('bram')] }));
    assert.equal(r.kind === 'user' && r.userId, 'bram');
  });

  test('round robin takes the next team member after the pointer, wraps, and skips absent members', () => {
    const team = (last: string | null) => rule({ topic: 'vergunningen-en-regels', targetKind: 'team', teamUserIds: ['anna', 'bram', 'cees'], teamStrategy: 'round_robin', lastAssignedUserId: last });
    const pick = (last: string | null, managers = base().accountManagers) => {
      const r = routeRequest(base({ rules: [team(last)], accountManagers: managers }));
      return r.kind === 'user' ? [r.userId, r.teamPointer] : null;
    };
    assert.deepEqual(pick(null), ['anna', 'anna']);
    assert.deepEqual(pick('anna'), ['bram', 'bram']);
    assert.deepEqual(pick('cees'), ['anna', 'anna'], 'wraps around');
    assert.deepEqual(pick('anna', [am('anna'), am('bram', 0, { standInUserId: 'anna', from: '2026-01-01', until: null }), am('cees')]), ['cees', 'cees'], 'absent bram is skipped');
    assert.deepEqual(pick('ghost'), ['anna', 'anna'], 'an unknown pointer starts at the top');
  });

  test('least open cases picks the member with the fewest open requests (ties: team order)', () => {
    const team = rule({ topic: 'vergunningen-en-regels', targetKind: 'team', teamUserIds: ['anna', 'bram', 'cees'], teamStrategy: 'least_open' });
    let r = routeRequest(base({ rules: [team], accountManagers: [am('anna', 4), am('bram', 1), am('cees', 2)] }));
    assert.equal(r.kind === 'user' && r.userId, 'bram');
    r = routeRequest(base({ rules: [team], accountManagers: [am('anna', 2), am('bram', 3), am('cees', 2)] }));
    assert.equal(r.kind === 'user' && r.userId, 'anna');
  });

  test('people who are no longer account managers here, and unknown partners, are skipped', () => {
    let r = routeRequest(base({ rules: [rule({ topic: 'vergunningen-en-regels', targetKind: 'user', targetUserId: 'left-the-job' })] }));
    assert.equal(r.kind === 'user' && r.reason, 'default');
    r = routeRequest(base({ rules: [rule({ topic: 'vergunningen-en-regels', targetKind: 'partner', partnerOrganisationId: 'gone' })] }));
    assert.equal(r.kind === 'user' && r.userId, 'anna');
    r = routeRequest(base({ rules: [rule({ topic: 'vergunningen-en-regels', targetKind: 'team', teamUserIds: ['x', 'y'], teamStrategy: 'round_robin' })] }));
    assert.equal(r.kind === 'user' && r.userId, 'anna');
  });

  test('never nobody: no rule and no default → coordinator; even an absent coordinator keeps it', () => {
    let r = routeRequest(base({ defaultUserId: null }));
    assert.deepEqual([r.kind === 'user' && r.userId, r.kind === 'user' && r.reason], ['coco', 'coordinator']);
    r = routeRequest(base({ defaultUserId: null, accountManagers: [], coordinators: [am('coco', 0, { standInUserId: 'nobody', from: '2026-01-01', until: null })] }));
    assert.equal(r.kind === 'user' && r.userId, 'coco');
    assert.throws(() => routeRequest(base({ defaultUserId: null, accountManagers: [], coordinators: [] })), NoRoutingTargetError);
  });

  test('every topic with every kind of input gives the expected owner (exhaustive over small inputs)', () => {
    type Expected = { kind: 'partner' } | { kind: 'user'; userId: string; reason: string; standInFor: string | null };
    const topics = ['financiering', 'anders'] as const;
    let cases = 0;
    for (const topic of topics)
      for (const ruleForTopic of [true, false])
        for (const kind of ['user', 'team', 'partner', null] as const)
          for (const defaultUserId of ['anna', null, 'ghost'])
            for (const absentAll of [false, true])
              for (const coordinatorAbsent of [false, true]) {
                // Anna and Bram absent: Bram's stand-in is Anna, Anna's is herself (a circle): neither can receive.
                const absence = absentAll ? { standInUserId: 'anna', from: '2026-01-01', until: null } : null;
                // Coco absent: Bram stands in for her.
                const cocoAbsence = coordinatorAbsent ? { standInUserId: 'bram', from: '2026-11-01', until: '2026-12-31' } : null;
                const ruleTopic = ruleForTopic ? topic : topic === 'anders' ? 'financiering' : 'anders';
                const r = routeRequest(
                  base({
                    topic,
                    defaultUserId,
                    accountManagers: [am('anna', 0, absence), am('bram', 0, absence)],
                    coordinators: [am('coco', 0, cocoAbsence)],
                    rules: kind ? [rule({ topic: ruleTopic, targetKind: kind, targetUserId: 'bram', teamUserIds: ['anna', 'bram'], teamStrategy: 'round_robin', partnerOrganisationId: 'ibdo' })] : [],
                  }),
                );
                // The expected owner, from the rules written out: rule → default → coordinator (→ stand-in → first coordinator).
                const present = !absentAll;
                const ruleApplies = kind !== null && ruleForTopic;
                let expected: Expected;
                if (ruleApplies && kind === 'partner') expected = { kind: 'partner' };
                else if (ruleApplies && kind === 'user' && present) expected = { kind: 'user', userId: 'bram', reason: 'rule', standInFor: null };
                else if (ruleApplies && kind === 'team' && present) expected = { kind: 'user', userId: 'anna', reason: 'team', standInFor: null };
                else if (defaultUserId === 'anna' && present) expected = { kind: 'user', userId: 'anna', reason: 'default', standInFor: null };
                else if (!coordinatorAbsent) expected = { kind: 'user', userId: 'coco', reason: 'coordinator', standInFor: null };
                else if (present) expected = { kind: 'user', userId: 'bram', reason: 'coordinator', standInFor: 'coco' };
                else expected = { kind: 'user', userId: 'coco', reason: 'coordinator', standInFor: null };
                const label = JSON.stringify({ topic, ruleForTopic, kind, defaultUserId, absentAll, coordinatorAbsent });
                if (expected.kind === 'partner') {
                  assert.deepEqual(r, { kind: 'partner', partnerOrganisationId: 'ibdo', reason: 'partner', ruleId: `rule-${ruleTopic}` }, label);
                } else {
                  assert.equal(r.kind, 'user', label);
                  if (r.kind !== 'user') continue;
                  assert.deepEqual({ userId: r.userId, reason: r.reason, standInFor: r.standInFor }, { userId: expected.userId, reason: expected.reason, standInFor: expected.standInFor }, label);
                }
                cases++;
              }
    assert.equal(cases, 2 * 2 * 4 * 3 * 2 * 2);
  });
});
