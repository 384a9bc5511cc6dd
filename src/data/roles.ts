/** The roles of the domain (docs: domain.md). One list for the database enum and the code. */
export const ROLES = ['entrepreneur', 'account_manager', 'procurement_officer', 'coordinator', 'learner', 'partner', 'admin'] as const;
export type Role = (typeof ROLES)[number];
