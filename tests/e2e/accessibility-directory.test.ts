import { describePageChecks } from './page-checks.ts';
import { DIRECTORY_PAGES } from './pages.ts';

describePageChecks('accessibility and phone width: directory and organisation pages', DIRECTORY_PAGES, { paged: true });
