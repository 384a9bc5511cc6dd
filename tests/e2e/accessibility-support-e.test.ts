import { describePageChecks } from './page-checks.ts';
import { SUPPORT_E_PAGES } from './pages.ts';

describePageChecks('accessibility and phone width: API tokens, relationship view, support report', SUPPORT_E_PAGES);
