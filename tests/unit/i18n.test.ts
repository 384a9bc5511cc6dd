import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { loadRegion, region, SDGS } from '../../src/data/reference.ts';
import { catalogueList, catalogues, type MessageCatalogue } from '../../src/web/i18n/catalogue.ts';

const root = path.resolve(import.meta.dirname, '../..');
const srcDir = path.join(root, 'src');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...sourceFiles(full));
    else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) out.push(full);
  }
  return out;
}

const rel = (f: string) => path.relative(root, f);
const lineOf = (text: string, index: number) => text.slice(0, index).split('\n').length;

type Use = { key: string; where: string };

/**
 * Source text with comments blanked out (newlines kept, so line numbers stay right). Strings, template literals and
 * regular expressions are left alone well enough for this purpose: '//' inside a quoted URL is not a comment.
 */
function withoutComments(text: string): string {
  let out = '';
  let quote: string | null = null;
  for (let k = 0; k < text.length; k++) {
    const ch = text[k];
    if (quote) {
      out += ch;
      if (ch === '\\') out += text[++k] ?? '';
      else if (ch === quote || (ch === '\n' && quote !== '`')) quote = null; // a stray quote (JSX text, regex) ends with its line
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') {
      quote = ch;
      out += ch;
    } else if (ch === '/' && text[k + 1] === '/') {
      while (k < text.length && text[k] !== '\n') k++;
      out += '\n';
    } else if (ch === '/' && text[k + 1] === '*') {
      const end = text.indexOf('*/', k + 2);
      const stop = end < 0 ? text.length : end + 2;
      out += text.slice(k, stop).replace(/[^\n]/g, ' ');
      k = stop - 1;
    } else out += ch;
  }
  return out;
}

const readSource = (file: string) => withoutComments(readFileSync(file, 'utf8'));

/** The text of a call's argument list, from just after "(" to the matching ")"; strings and templates are skipped over. */
function argumentsAt(text: string, open: number): string {
  let depth = 0;
  let quote: string | null = null;
  for (let k = open; k < text.length; k++) {
    const ch = text[k];
    if (quote) {
      if (ch === '\\') k++;
      else if (ch === quote) quote = null;
      continue;
    }
    if (ch === "'" || ch === '"' || ch === '`') quote = ch;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) return text.slice(open + 1, k);
  }
  return '';
}

/**
 * Message keys the source code uses, found three ways: t('key') calls, the message of `new AppError(code, 'key')`
 * and the last argument of `redirectWithFlash(c, url, 'key')`. Keys built at run time (variables, templates with
 * ${...}) are skipped here; their static prefix is checked separately.
 */
function explicitKeyUses(files: string[]): { uses: Use[]; dynamicPrefixes: Use[] } {
  const uses: Use[] = [];
  const dynamicPrefixes: Use[] = [];
  for (const file of files) {
    const text = readSource(file);
    for (const m of text.matchAll(/(?<![\w$])t\(\s*(['"])([^'"\n]+)\1/g)) {
      uses.push({ key: m[2], where: `${rel(file)}:${lineOf(text, m.index)}` });
    }
    for (const m of text.matchAll(/(?<![\w$])t\(\s*`([a-z][\w-]*\.[\w.-]*)\$\{/g)) {
      dynamicPrefixes.push({ key: m[1], where: `${rel(file)}:${lineOf(text, m.index)}` });
    }
    for (const m of text.matchAll(/new AppError\(\s*(['"])[a-z_]+\1\s*,\s*(['"])([^'"\n]+)\2/g)) {
      uses.push({ key: m[3], where: `${rel(file)}:${lineOf(text, m.index)}` });
    }
    for (const m of text.matchAll(/redirectWithFlash\(/g)) {
      if (/function\s+$/.test(text.slice(Math.max(0, m.index - 20), m.index))) continue;
      const args = argumentsAt(text, m.index + m[0].length - 1);
      const last = /,\s*(['"])([^'"\n]+)\1\s*,?\s*$/.exec(args);
      if (last) uses.push({ key: last[2], where: `${rel(file)}:${lineOf(text, m.index)}` });
    }
  }
  return { uses, dynamicPrefixes };
}

/**
 * Any string literal shaped like a key of a known feature prefix ('directory.filter.theme', a zod message, a
 * titleKey prop), wherever it appears. File names and paths are not keys.
 */
function keyShapedLiterals(files: string[], prefixes: Set<string>): Use[] {
  const out: Use[] = [];
  for (const file of files) {
    if (file.endsWith('.messages.ts')) continue; // the definitions themselves
    const text = readSource(file);
    for (const m of text.matchAll(/(['"])([a-z][a-zA-Z0-9]*)((?:\.[a-zA-Z0-9_-]+)+)\1/g)) {
      const [, , prefix, rest] = m;
      if (!prefixes.has(prefix)) continue;
      if (/\.(tsx?|jsx?|css|json|svg|png|jpe?g|webp|txt|sql|html)$/.test(rest)) continue;
      out.push({ key: prefix + rest, where: `${rel(file)}:${lineOf(text, m.index)}` });
    }
  }
  return out;
}

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogues', () => {
  test('every key exists in Dutch and in English, in every catalogue', () => {
    const problems: string[] = [];
    for (const [idx, c] of catalogueList.entries()) {
      const nl = new Set(Object.keys(c.nl));
      const en = new Set(Object.keys(c.en));
      const name = Object.keys(c.nl)[0]?.split('.')[0] ?? `catalogue #${idx}`;
      for (const k of nl) if (!en.has(k)) problems.push(`${name}: "${k}" is missing in English`);
      for (const k of en) if (!nl.has(k)) problems.push(`${name}: "${k}" is missing in Dutch`);
    }
    assert.deepEqual(problems, []);
    assert.deepEqual(Object.keys(catalogues.nl).sort(), Object.keys(catalogues.en).sort());
  });

  test('no value is empty', () => {
    const empty = (['nl', 'en'] as const).flatMap((lang) =>
      Object.entries(catalogues[lang])
        .filter(([, v]) => typeof v !== 'string' || v.trim() === '')
        .map(([k]) => `${lang}: ${k}`),
    );
    assert.deepEqual(empty, []);
  });

  test('placeholders such as {name} are the same in Dutch and English', () => {
    const differ = Object.keys(catalogues.nl)
      .filter((k) => k in catalogues.en)
      .filter((k) => placeholders(catalogues.nl[k]).join(',') !== placeholders(catalogues.en[k]).join(','))
      .map((k) => `${k}: nl {${placeholders(catalogues.nl[k])}} en {${placeholders(catalogues.en[k])}}`);
    assert.deepEqual(differ, []);
  });

  test('no key is defined by two catalogues (the later one would silently win)', () => {
    const seen = new Map<string, number>();
    const twice: string[] = [];
    catalogueList.forEach((c, idx) => {
      for (const k of Object.keys(c.nl)) {
        if (seen.has(k)) twice.push(k);
        seen.set(k, idx);
      }
    });
    assert.deepEqual(twice, []);
  });

  test('every key is prefixed by its feature name (lowercase segment, then a dot)', () => {
    const bad = Object.keys(catalogues.nl).filter((k) => !/^[a-z][a-zA-Z0-9]*\.[a-zA-Z0-9_.-]+$/.test(k));
    assert.deepEqual(bad, []);
  });

  test('every *.messages.ts file in src is registered in src/web/i18n/catalogue.ts', async () => {
    const files = sourceFiles(srcDir).filter((f) => f.endsWith('.messages.ts'));
    assert.ok(files.length >= 2, 'at least the common and pages catalogues exist');
    const registered = new Set<unknown>(catalogueList);
    const unregistered: string[] = [];
    for (const file of files) {
      const mod = (await import(pathToFileURL(file).href)) as Record<string, unknown>;
      const exported = Object.values(mod).filter((v): v is MessageCatalogue => !!v && typeof v === 'object' && 'nl' in v && 'en' in v);
      assert.ok(exported.length > 0, `${rel(file)} exports a { nl, en } catalogue`);
      for (const c of exported) if (!registered.has(c)) unregistered.push(rel(file));
    }
    assert.deepEqual(unregistered, []);
  });

  test('every message key the source code uses is defined', () => {
    const files = sourceFiles(srcDir);
    const { uses, dynamicPrefixes } = explicitKeyUses(files);
    // The scan must keep finding keys; a silent regex break would make this test pass on nothing.
    assert.ok(uses.some((u) => u.key === 'common.error.backHome'), 'the scan finds t() calls');
    assert.ok(uses.some((u) => u.key === 'common.error.tooLarge'), 'the scan finds AppError message keys');
    const prefixes = new Set(Object.keys(catalogues.nl).map((k) => k.split('.')[0]));
    const shaped = keyShapedLiterals(files, prefixes);
    assert.ok(shaped.some((u) => u.key === 'pages.about.p1'), 'the scan finds key-shaped literals');

    const missing = [...uses, ...shaped].filter((u) => !(u.key in catalogues.nl)).map((u) => `${u.key} (${u.where})`);
    const noPrefix = dynamicPrefixes
      .filter((u) => !Object.keys(catalogues.nl).some((k) => k.startsWith(u.key)))
      .map((u) => `${u.key}\${...} (${u.where})`);
    assert.deepEqual([...new Set([...missing, ...noPrefix])], []);
  });

  test('Dutch text addresses people with "u", not "je" or "jij"', () => {
    const informal = Object.entries(catalogues.nl)
      .filter(([, v]) => /(^|[^\p{L}])(je|jij|jouw|jou)(?=$|[^\p{L}])/iu.test(v))
      .map(([k, v]) => `${k}: ${v}`);
    assert.deepEqual(informal, []);
  });

  test('Dutch sentences stay short (B1: at most 25 words a sentence)', () => {
    const long: string[] = [];
    for (const [k, v] of Object.entries(catalogues.nl)) {
      for (const sentence of v.split(/(?<=[.!?:])\s+/)) {
        const words = sentence.split(/\s+/).filter((w) => /\p{L}/u.test(w));
        if (words.length > 25) long.push(`${k} (${words.length} words): ${sentence}`);
      }
    }
    assert.deepEqual(long, []);
  });

  test('English text is a translation, not a copy of the Dutch', () => {
    const copied = Object.keys(catalogues.nl)
      .filter((k) => catalogues.nl[k] === catalogues.en[k] && catalogues.nl[k].split(/\s+/).length > 4)
      .map((k) => `${k}: ${catalogues.nl[k]}`);
    assert.deepEqual(copied, []);
  });
});

describe('reference data', () => {
  test('SDGS has exactly 17 goals numbered 1..17, each with a Dutch and an English label', () => {
    assert.equal(SDGS.length, 17);
    assert.deepEqual(
      SDGS.map((s) => s.number),
      Array.from({ length: 17 }, (_, i) => i + 1),
    );
    for (const s of SDGS) {
      assert.ok(s.label.nl.trim().length > 2, `SDG ${s.number} has a Dutch label`);
      assert.ok(s.label.en.trim().length > 2, `SDG ${s.number} has an English label`);
    }
    assert.equal(new Set(SDGS.map((s) => s.label.nl)).size, 17, 'Dutch labels are distinct');
    assert.equal(SDGS[0].label.nl, 'Geen armoede');
    assert.equal(SDGS[16].label.nl, 'Partnerschap om doelstellingen te bereiken');
  });

  test('the default region has the six municipalities of the Regio Deal Zuid- en Oost-Drenthe', () => {
    assert.deepEqual(
      region.municipalities.map((m) => m.name).sort(),
      ['Aa en Hunze', 'Borger-Odoorn', 'Coevorden', 'Emmen', 'Hardenberg', 'Hoogeveen'],
    );
    assert.equal(new Set(region.municipalities.map((m) => m.slug)).size, 6, 'slugs are unique');
    assert.equal(region.municipalities.find((m) => m.slug === 'hardenberg')?.province, 'Overijssel');
    assert.deepEqual(loadRegion(), region, 'the region file parses the same every time');
  });
});
