import { commonMessages } from './common.messages.ts';
import { pagesMessages } from '../../features/pages/pages.messages.ts';
import { accountsMessages } from '../../features/accounts/accounts.messages.ts';
import { mailMessages } from '../../features/mail/mail.messages.ts';
import { staffMessages } from '../../features/staff/staff.messages.ts';
import { profilesMessages } from '../../features/profiles/profiles.messages.ts';
import { moderationMessages } from '../../features/moderation/moderation.messages.ts';
import { directoryMessages } from '../../features/directory/directory.messages.ts';
import { registrationsMessages } from '../../features/registrations/registrations.messages.ts';
import { markdownMessages } from '../../lib/markdown.messages.ts';
import { storiesMessages } from '../../features/stories/stories.messages.ts';
import { feedsMessages } from '../../features/feeds/feeds.messages.ts';
import { apiTokensMessages } from '../../features/api-tokens/api-tokens.messages.ts';
import { relationsMessages } from '../../features/relations/relations.messages.ts';
import { supportApiMessages } from '../../features/support/support.api.messages.ts';
import { supportReportsMessages } from '../../features/support/support.reports.messages.ts';
import { supportMessages } from '../../features/support/support.messages.ts';
import { supportStaffMessages } from '../../features/support/support.staff.messages.ts';
import { agendaMessages } from '../../features/agenda/agenda.messages.ts';
import { agendaPostingMessages } from '../../features/agenda/agenda.posting.messages.ts';

/**
 * Each feature keeps its UI text in `<feature>.messages.ts` as { nl: {...}, en: {...} } with keys prefixed by the
 * feature name. Register the catalogue here. A test fails when a key exists in one language only.
 */
export type MessageCatalogue = { nl: Record<string, string>; en: Record<string, string> };

const all: MessageCatalogue[] = [commonMessages, pagesMessages, accountsMessages, mailMessages, staffMessages, profilesMessages, moderationMessages, directoryMessages, markdownMessages, storiesMessages, feedsMessages, apiTokensMessages, relationsMessages, supportApiMessages, supportReportsMessages, registrationsMessages, supportMessages, supportStaffMessages, agendaMessages, agendaPostingMessages];

function merge(lang: 'nl' | 'en'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of all) Object.assign(out, c[lang]);
  return out;
}

export const catalogueList: readonly MessageCatalogue[] = all;
export const catalogues = { nl: merge('nl'), en: merge('en') };
