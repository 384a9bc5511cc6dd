import { describePageChecks } from './page-checks.ts';
import { REGISTRATION_PAGES } from './pages.ts';

describePageChecks('accessibility and phone width: registration for events', REGISTRATION_PAGES);
