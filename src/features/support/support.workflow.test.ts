import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { SUPPORT_STATUSES } from './support.schema.ts';
import { allowedTransitions, canTransition, isOpen } from './support.workflow.ts';

describe('support workflow', () => {
  test('the normal path is allowed step by step', () => {
    const path = ['unconfirmed', 'assigned', 'in_progress', 'waiting', 'in_progress', 'referred', 'closed'] as const;
    for (let i = 1; i < path.length; i++) assert.ok(canTransition(path[i - 1]!, path[i]!), `${path[i - 1]} → ${path[i]}`);
  });

  test('skipping steps is refused', () => {
    assert.equal(canTransition('assigned', 'waiting'), false, 'nobody looked at it yet');
    assert.equal(canTransition('new', 'waiting'), false);
    assert.equal(canTransition('closed', 'waiting'), false, 'reopen goes to in_progress only');
    assert.equal(canTransition('closed', 'assigned'), false);
    assert.equal(canTransition('unconfirmed', 'closed'), false);
    assert.equal(canTransition('in_progress', 'unconfirmed'), false);
    for (const s of SUPPORT_STATUSES) assert.equal(canTransition(s, s), false, `${s} → itself is not a step`);
  });

  test('reopening is possible and staff never choose the routing step', () => {
    assert.ok(canTransition('closed', 'in_progress'));
    assert.deepEqual(allowedTransitions('unconfirmed'), []);
    for (const s of SUPPORT_STATUSES) assert.ok(!allowedTransitions(s).includes('unconfirmed'));
  });

  test('open means confirmed and not closed', () => {
    assert.deepEqual(SUPPORT_STATUSES.filter(isOpen), ['new', 'assigned', 'in_progress', 'waiting', 'referred']);
  });
});
