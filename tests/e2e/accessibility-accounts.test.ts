import { describePageChecks } from './page-checks.ts';
import { ACCOUNT_PAGES } from './pages.ts';

describePageChecks('accessibility and phone width: register, log in, password', ACCOUNT_PAGES);
