import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';

/**
 * WCAG 2.1 contrast of the colour pairs the site really uses, read from public/css/theme.css (the design tokens)
 * and public/css/app.css (the rules). Text needs 4.5:1 (1.4.3); borders of form controls and the focus ring 3:1 (1.4.11).
 */
const root = path.resolve(import.meta.dirname, '../..');
const themeCss = readFileSync(path.join(root, 'public/css/theme.css'), 'utf8');
const appCss = readFileSync(path.join(root, 'public/css/app.css'), 'utf8');

const stripComments = (css: string) => css.replace(/\/\*[\s\S]*?\*\//g, '');

type Rule = { selectors: string[]; decls: Map<string, string> };

/** Flat rules (selector list -> declarations); at-rule blocks such as @media are flattened, which is fine here. */
function parseRules(css: string): Rule[] {
  const rules: Rule[] = [];
  const text = stripComments(css);
  const re = /([^{}]+)\{([^{}]*)\}/g;
  for (const m of text.matchAll(re)) {
    const selectorText = m[1].trim();
    if (selectorText.startsWith('@')) continue;
    const decls = new Map<string, string>();
    for (const d of m[2].split(';')) {
      const idx = d.indexOf(':');
      if (idx < 0) continue;
      decls.set(d.slice(0, idx).trim(), d.slice(idx + 1).replace(/!important/, '').trim());
    }
    rules.push({ selectors: selectorText.split(',').map((s) => s.replace(/^.*\{/, '').trim()), decls });
  }
  return rules;
}

const themeRules = parseRules(themeCss);
const appRules = parseRules(appCss);

/** Custom properties of the theme (on .impactregio-theme) and of :root/body in app.css. */
const tokens = new Map<string, string>();
for (const r of [...themeRules, ...appRules]) {
  if (!r.selectors.some((s) => s === '.impactregio-theme' || s === ':root' || s === 'body')) continue;
  for (const [k, v] of r.decls) if (k.startsWith('--')) tokens.set(k, v);
}

function resolve(value: string, depth = 0): string {
  if (depth > 10) throw new Error(`var() loop at ${value}`);
  const m = /^var\(\s*(--[\w-]+)\s*(?:,\s*(.+))?\)$/.exec(value.trim());
  if (!m) return value.trim();
  const hit = tokens.get(m[1]);
  if (hit !== undefined) return resolve(hit, depth + 1);
  if (m[2] !== undefined) return resolve(m[2], depth + 1);
  throw new Error(`unknown token ${m[1]}`);
}

const NAMED: Record<string, string> = { white: '#ffffff', black: '#000000' };

type Rgb = [number, number, number];

function parseColour(value: string): Rgb {
  const v = NAMED[value.toLowerCase()] ?? value.toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(v);
  if (m) return [...m[1]].map((h) => parseInt(h + h, 16)) as Rgb;
  m = /^#([0-9a-f]{6})$/.exec(v);
  if (m) return [0, 2, 4].map((i) => parseInt(m![1].slice(i, i + 2), 16)) as Rgb;
  m = /^rgb\(\s*(\d+)[,\s]+(\d+)[,\s]+(\d+)\s*\)$/.exec(v);
  if (m) return [Number(m[1]), Number(m[2]), Number(m[3])];
  throw new Error(`not a solid colour: ${value}`);
}

const colour = (value: string): Rgb => parseColour(resolve(value));

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.04045 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2.x contrast ratio, 1..21. */
function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The value a property gets from the last app.css rule whose selector list contains exactly `selector`. */
function declOf(selector: string, ...props: string[]): string {
  for (const r of [...appRules].reverse()) {
    if (!r.selectors.includes(selector)) continue;
    for (const p of props) {
      const v = r.decls.get(p);
      if (v !== undefined) return p === 'background' ? v.split(/\s+(?![^(]*\))/)[0] : v;
    }
  }
  throw new Error(`app.css has no ${props.join('/')} for ${selector}`);
}

describe('colour contrast of the impactregio theme', () => {
  test('the contrast formula matches known values', () => {
    assert.equal(contrast([0, 0, 0], [255, 255, 255]).toFixed(1), '21.0');
    assert.equal(contrast([255, 255, 255], [255, 255, 255]), 1);
    // #767676 on white is the classic "just passes" grey: 4.54:1.
    assert.equal(contrast(parseColour('#767676'), parseColour('#fff')).toFixed(2), '4.54');
    assert.ok(contrast(parseColour('#777777'), parseColour('#ffffff')) < 4.5);
  });

  const TEXT = 4.5;
  const NON_TEXT = 3;
  const pairs: Array<[string, () => string, () => string, number]> = [
    ['body text on the page', () => declOf('body', 'color'), () => declOf('body', 'background', 'background-color'), TEXT],
    ['text on white', () => 'var(--ir-color-text)', () => 'var(--ir-color-bg)', TEXT],
    ['muted text (hints, "optional") on white', () => 'var(--ir-color-text-muted)', () => 'var(--ir-color-bg)', TEXT],
    ['muted text on the subtle background', () => 'var(--ir-color-text-muted)', () => 'var(--ir-color-bg-subtle)', TEXT],
    ['text on the subtle background (flash, figures)', () => 'var(--ir-color-text)', () => 'var(--ir-color-bg-subtle)', TEXT],
    ['headings on white', () => 'var(--utrecht-heading-color)', () => 'var(--ir-color-bg)', TEXT],
    ['figures on the subtle background', () => declOf('.ir-figures dd', 'color'), () => 'var(--ir-color-bg-subtle)', TEXT],
    ['links on white', () => 'var(--utrecht-link-color)', () => 'var(--ir-color-bg)', TEXT],
    ['visited links on white', () => 'var(--utrecht-link-visited-color)', () => 'var(--ir-color-bg)', TEXT],
    ['hovered links on white', () => 'var(--utrecht-link-hover-color)', () => 'var(--ir-color-bg)', TEXT],
    ['links on the subtle background', () => 'var(--utrecht-link-color)', () => 'var(--ir-color-bg-subtle)', TEXT],
    ['accent on white', () => 'var(--ir-color-accent)', () => 'var(--ir-color-bg)', TEXT],
    ['error text on white', () => 'var(--ir-color-error)', () => 'var(--ir-color-bg)', TEXT],
    ['white on brand (header)', () => declOf('.ir-header', 'color'), () => declOf('.ir-header', 'background', 'background-color'), TEXT],
    ['header links on brand', () => declOf('.ir-header a', 'color'), () => declOf('.ir-header', 'background', 'background-color'), TEXT],
    ['navigation links on brand-dark', () => declOf('.ir-nav__link', 'color'), () => declOf('.ir-nav', 'background', 'background-color'), TEXT],
    ['footer text on brand-dark', () => declOf('.ir-footer', 'color'), () => declOf('.ir-footer', 'background', 'background-color'), TEXT],
    ['footer links on brand-dark', () => declOf('.ir-footer a', 'color'), () => declOf('.ir-footer', 'background', 'background-color'), TEXT],
    ['white on brand (primary button)', () => declOf('.utrecht-button--primary-action', 'color'), () => declOf('.utrecht-button--primary-action', 'background', 'background-color'), TEXT],
    ['white on brand-dark (hovered primary button)', () => declOf('.utrecht-button--primary-action', 'color'), () => declOf('.utrecht-button--primary-action:hover', 'background', 'background-color'), TEXT],
    ['secondary button text on white', () => declOf('.utrecht-button--secondary-action', 'color'), () => declOf('.utrecht-button--secondary-action', 'background', 'background-color'), TEXT],
    ['current page number', () => declOf('.utrecht-pagination__page-link--current', 'color'), () => declOf('.utrecht-pagination__page-link--current', 'background', 'background-color'), TEXT],
    ['demo notice text on its background', () => declOf('.ir-demo-notice', 'color'), () => declOf('.ir-demo-notice', 'background', 'background-color'), TEXT],
    ['skip link text on its background', () => 'var(--nl-skip-link-color)', () => 'var(--nl-skip-link-background-color)', TEXT],
    ['data badge text on its background', () => 'var(--nl-data-badge-color)', () => 'var(--nl-data-badge-background-color)', TEXT],
    ['data badge border on white', () => 'var(--nl-data-badge-border-color)', () => 'var(--ir-color-bg)', NON_TEXT],
    ['page root text on the page root background', () => 'var(--utrecht-root-color)', () => 'var(--utrecht-root-background-color)', TEXT],
    ['form control text on white', () => 'var(--ir-color-text)', () => declOf('.utrecht-textbox', 'background', 'background-color'), TEXT],
    ['form control borders on white', () => 'var(--ir-color-border)', () => 'var(--ir-color-bg)', NON_TEXT],
    ['focus outline on white', () => 'var(--ir-color-text)', () => 'var(--ir-color-bg)', NON_TEXT],
    ['focus ring on brand (header links)', () => 'var(--ir-color-focus)', () => declOf('.ir-header', 'background', 'background-color'), NON_TEXT],
  ];

  for (const [name, fg, bg, min] of pairs) {
    test(`${name}: at least ${min}:1`, () => {
      const ratio = contrast(colour(fg()), colour(bg()));
      assert.ok(ratio >= min, `${name}: ${resolve(fg())} on ${resolve(bg())} is ${ratio.toFixed(2)}:1, needs ${min}:1`);
    });
  }

  test('every app.css rule that sets both a text colour and a solid background passes 4.5:1', () => {
    const failures: string[] = [];
    let checked = 0;
    for (const r of appRules) {
      const fg = r.decls.get('color');
      const bgRaw = r.decls.get('background-color') ?? r.decls.get('background')?.split(/\s+(?![^(]*\))/)[0];
      if (!fg || !bgRaw) continue;
      let fgC: Rgb;
      let bgC: Rgb;
      try {
        fgC = colour(fg);
        bgC = colour(bgRaw);
      } catch {
        continue; // transparent, inherit, currentColor, gradients: not a fixed pair
      }
      checked++;
      const ratio = contrast(fgC, bgC);
      if (ratio < 4.5) failures.push(`${r.selectors.join(', ')}: ${ratio.toFixed(2)}:1`);
    }
    assert.ok(checked >= 5, `found ${checked} rules with a colour pair`);
    assert.deepEqual(failures, []);
  });
});
