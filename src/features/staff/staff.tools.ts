import type { Role } from '../../data/reference.ts';
import type { Actor } from '../../web/types.ts';
import { hasRole } from '../accounts/permissions.ts';

/**
 * The staff tools listed on /beheer. A feature that adds a page under /beheer adds a line here (and to the table
 * in tests/integration/authorization.test.ts), with the roles its route demands.
 */
export type StaffTool = { href: string; titleKey: string; textKey: string; roles: readonly Role[] };

export const STAFF_TOOLS: readonly StaffTool[] = [
  { href: '/beheer/moderatie', titleKey: 'staff.tool.moderation.title', textKey: 'staff.tool.moderation.text', roles: ['coordinator'] },
  { href: '/beheer/verhalen', titleKey: 'staff.tool.stories.title', textKey: 'staff.tool.stories.text', roles: ['coordinator'] },
  { href: '/beheer/hulpvragen', titleKey: 'support.staffTool.title', textKey: 'support.staffTool.text', roles: ['coordinator', 'admin', 'account_manager', 'partner'] },
  { href: '/beheer/hulpvragen/rapportage', titleKey: 'supportReports.tool.title', textKey: 'supportReports.tool.text', roles: ['coordinator', 'account_manager'] },
  { href: '/beheer/organisaties', titleKey: 'relations.tool.title', textKey: 'relations.tool.text', roles: ['coordinator', 'account_manager'] },
  { href: '/beheer/outbox', titleKey: 'staff.tool.outbox.title', textKey: 'staff.tool.outbox.text', roles: ['admin'] },
];

/** The tools this actor may open. */
export const staffToolsFor = (actor: Actor): StaffTool[] => STAFF_TOOLS.filter((t) => hasRole(actor, ...t.roles));
