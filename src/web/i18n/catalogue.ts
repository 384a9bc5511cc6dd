import { commonMessages } from './common.messages.ts';
import { pagesMessages } from '../../features/pages/pages.messages.ts';

/**
 * Each feature keeps its UI text in `<feature>.messages.ts` as { nl: {...}, en: {...} } with keys prefixed by the
 * feature name. Register the catalogue here. A test fails when a key exists in one language only.
 */
export type MessageCatalogue = { nl: Record<string, string>; en: Record<string, string> };

const all: MessageCatalogue[] = [commonMessages, pagesMessages];

function merge(lang: 'nl' | 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of all) Object.assign(out, c[lang]);
  return out;
}

export const catalogueList: readonly MessageCatalogue[] = all;
export const catalogues = { nl: merge('nl'), en: merge('en') };
