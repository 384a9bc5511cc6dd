import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildSearchMix, searchPath } from './search-mix.ts';

test('the benchmark mix has at least 200 different searches of every kind and sort, the same on every run', () => {
  const mix = buildSearchMix();
  assert.ok(mix.length >= 200);
  assert.equal(new Set(mix.map((s) => searchPath(s, 'api'))).size, mix.length, 'API paths are distinct');
  assert.ok(new Set(mix.map((s) => searchPath(s, 'page'))).size >= 200, 'page paths are distinct');
  for (const kind of ['broad', 'common', 'rare', 'name', 'typo', 'phrase', 'odd', 'filters-only']) {
    assert.ok(mix.some((s) => s.kind === kind), kind);
  }
  assert.ok(mix.some((s) => s.q === 'duurzaam'), 'the broad word duurzaam');
  for (const sort of ['relevantie', 'naam', 'nieuwste', undefined]) {
    assert.ok(mix.some((s) => s.sort === sort && s.q), `sort ${sort} with search text`);
    assert.ok(mix.some((s) => s.sort === sort && !s.q), `sort ${sort} on filters only`);
  }
  assert.ok(mix.some((s) => s.q && (s.gemeente || s.thema || s.sdg || s.certificering)), 'search text with filters');
  assert.ok(mix.every((s) => searchPath(s, 'page').startsWith('/ondernemers?') && searchPath(s, 'api').startsWith('/api/v1/ondernemers?')));
  assert.deepEqual(buildSearchMix().map((s) => searchPath(s, 'api')), mix.map((s) => searchPath(s, 'api')), 'deterministic');
});
