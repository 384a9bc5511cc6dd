import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { LoginSchema, NewPasswordSchema, RegisterSchema, safeReturnPath } from './accounts.validation.ts';

describe('safeReturnPath', () => {
  test('keeps paths on this site, with query and fragment', () => {
    assert.equal(safeReturnPath('/mijn/organisaties'), '/mijn/organisaties');
    assert.equal(safeReturnPath('/beheer/outbox?pagina=2'), '/beheer/outbox?pagina=2');
    assert.equal(safeReturnPath('/ondernemers?q=zorg#resultaten'), '/ondernemers?q=zorg#resultaten');
  });

  test('anything a browser could read as another site becomes /mijn', () => {
    for (const bad of [
      '//evil.example',
      '//evil.example/pad',
      'https://evil.example',
      'http://evil.example/mijn',
      '/\\evil.example',
      '\\\\evil.example',
      '/\t/evil.example',
      '/\n/evil.example',
      'javascript:alert(1)',
      'data:text/html,hoi',
      'mijn',
      '',
      undefined,
      ['/mijn'],
      `/${'a'.repeat(2000)}`,
    ]) {
      assert.equal(safeReturnPath(bad), '/mijn', JSON.stringify(bad)?.slice(0, 40));
    }
  });

  test('never back to the login or logout page', () => {
    assert.equal(safeReturnPath('/inloggen'), '/mijn');
    assert.equal(safeReturnPath('/inloggen?terug=/x'), '/mijn');
    assert.equal(safeReturnPath('/uitloggen'), '/mijn');
    assert.equal(safeReturnPath('/inloggen-hulp'), '/inloggen-hulp');
  });
});

describe('account input rules', () => {
  test('passwords: at least 10 and at most 200 characters', () => {
    assert.equal(NewPasswordSchema.safeParse('123456789').success, false);
    assert.equal(NewPasswordSchema.safeParse('1234567890').success, true);
    assert.equal(NewPasswordSchema.safeParse('x'.repeat(200)).success, true);
    assert.equal(NewPasswordSchema.safeParse('x'.repeat(201)).success, false);
    assert.equal(NewPasswordSchema.safeParse('123').error?.issues[0].message, 'accounts.validation.passwordTooShort');
  });

  test('emails are trimmed and lower-cased; names are squished to one line', () => {
    const r = RegisterSchema.parse({ name: ' Jan\n\n  Jansen ', email: ' Jan@Example.ORG ', password: 'lang genoeg wachtwoord' });
    assert.equal(r.email, 'jan@example.org');
    assert.equal(r.name, 'Jan Jansen');
  });

  test('an empty email gives one message, not two', () => {
    const r = LoginSchema.safeParse({ email: '', password: 'x' });
    assert.equal(r.success, false);
    assert.deepEqual(r.error?.issues.map((i) => i.message), ['common.validation.required']);
  });
});
