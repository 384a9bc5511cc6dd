import { describePageChecks } from './page-checks.ts';
import { SIGNED_IN_PAGES } from './pages.ts';

describePageChecks('accessibility and phone width: pages of a logged-in entrepreneur', SIGNED_IN_PAGES);
