import { describePageChecks } from './page-checks.ts';
import { STAFF_PAGES } from './pages.ts';

describePageChecks('accessibility and phone width: staff pages', STAFF_PAGES);
