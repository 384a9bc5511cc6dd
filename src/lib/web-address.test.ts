import assert from 'node:assert/strict';
import { test } from 'node:test';
import { webAddressField } from './web-address.ts';

test('a typed web address: https added, only http(s) with a real host, no credentials, blank is none', () => {
  const field = webAddressField(40);
  assert.equal(field.parse('www.voorbeeld.nl'), 'https://www.voorbeeld.nl');
  assert.equal(field.parse(' http://voorbeeld.nl/pad '), 'http://voorbeeld.nl/pad');
  assert.equal(field.parse(['https://a.nl', 'https://b.nl']), 'https://a.nl', 'a field sent twice counts once');
  for (const blank of ['', '   ', undefined, null]) assert.equal(field.parse(blank), undefined);
  for (const bad of ['javascript:alert(1)', 'ftp://voorbeeld.nl', 'https://localhost', 'https://jan:geheim@voorbeeld.nl', `https://${'a'.repeat(40)}.nl`]) {
    assert.equal(field.safeParse(bad).success, false, bad);
  }
});
