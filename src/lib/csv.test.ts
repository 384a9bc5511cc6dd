import assert from 'node:assert/strict';
import { test } from 'node:test';
import { neutraliseCell, toCsv } from './csv.ts';

test('cells a spreadsheet would run as a formula get a leading apostrophe, also after spaces', () => {
  for (const cell of ['=1+1', '+31 6', '-2', '@SUM(A1)', '\tx', '\rx', '  =HYPERLINK("x")', ' +1']) {
    assert.equal(neutraliseCell(cell), `'${cell}`, JSON.stringify(cell));
  }
  for (const cell of ['Anna', '', '1+1', 'a=b', 'E-mail']) assert.equal(neutraliseCell(cell), cell, JSON.stringify(cell));
});

test('a document: byte order mark, quoted cells with doubled quotes, CRLF', () => {
  assert.equal(toCsv([['a"b', '=x'], ['1', '']]), '\uFEFF"a""b";"\'=x"\r\n"1";""\r\n');
});
