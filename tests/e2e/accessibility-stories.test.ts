import { describePageChecks } from './page-checks.ts';
import { STORY_PAGES } from './pages.ts';

describePageChecks('accessibility and phone width: stories', STORY_PAGES);
