import { describePageChecks } from './page-checks.ts';
import { SUPPORT_PAGES } from './pages.ts';

describePageChecks('accessibility and phone width: support desk (ask, my questions, inbox, routing)', SUPPORT_PAGES);
