import { describePageChecks } from './page-checks.ts';
import { AGENDA_PAGES } from './pages.ts';

describePageChecks('accessibility and phone width: the agenda', AGENDA_PAGES);
