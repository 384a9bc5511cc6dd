import { describePageChecks } from './page-checks.ts';
import { PROFILE_FORM_PAGES } from './pages.ts';

describePageChecks('accessibility and phone width: the organisation forms', PROFILE_FORM_PAGES);
