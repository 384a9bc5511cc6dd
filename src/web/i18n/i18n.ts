import type { Labelled } from '../../data/reference.ts';
import { catalogues } from './catalogue.ts';

export const LANGUAGES = ['nl', 'en'] as const;
export type Lang = (typeof LANGUAGES)[number];
export const DEFAULT_LANG: Lang = 'nl';
export const TIME_ZONE = 'Europe/Amsterdam';

export const isLang = (v: unknown): v is Lang => v === 'nl' || v === 'en';

export type Vars = Record<string, string | number>;

/** Everything a view needs to speak the visitor's language. Passed to views as a prop. */
export type I18n = {
  lang: Lang;
  t(key: string, vars?: Vars): string;
  label(l: Labelled): string;
  formatDate(d: Date | string): string;
  formatDateTime(d: Date | string): string;
  formatNumber(n: number): string;
};

const locales: Record<Lang, string> = { nl: 'nl-NL', en: 'en-GB' };

const interpolate = (s: string, vars?: Vars) =>
  vars ? s.replace(/\{(\w+)\}/g, (m, k: string) => (k in vars ? String(vars[k]) : m)) : s;

const cache = new Map<Lang, I18n>();

/** The I18n for a language; Dutch text is the fallback for a key missing in English (a test forbids that). */
export function i18nFor(lang: Lang): I18n {
  const hit = cache.get(lang);
  if (hit) return hit;
  const messages = catalogues[lang];
  const fallback = catalogues.nl;
  const locale = locales[lang];
  const dateFmt = new Intl.DateTimeFormat(locale, { timeZone: TIME_ZONE, day: 'numeric', month: 'long', year: 'numeric' });
  const dateTimeFmt = new Intl.DateTimeFormat(locale, {
    timeZone: TIME_ZONE,
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  });
  const numberFmt = new Intl.NumberFormat(locales.nl === locale ? 'nl-NL' : locale);
  const i18n: I18n = {
    lang,
    t: (key, vars) => interpolate(messages[key] ?? fallback[key] ?? key, vars),
    label: (l) => l[lang],
    formatDate: (d) => dateFmt.format(new Date(d)),
    formatDateTime: (d) => dateTimeFmt.format(new Date(d)),
    formatNumber: (n) => numberFmt.format(n),
  };
  cache.set(lang, i18n);
  return i18n;
}
