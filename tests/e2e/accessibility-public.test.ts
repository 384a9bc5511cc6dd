import { describePageChecks } from './page-checks.ts';
import { PUBLIC_PAGES } from './pages.ts';

describePageChecks('accessibility and phone width: general pages', PUBLIC_PAGES);
