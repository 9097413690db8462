import type { CurrentUser } from '../env.js';
import type { Role } from '../schemas/common.js';

/**
 * The role rules, apart from the middleware that enforces them on a request, so that
 * domain services can apply the same rules without importing Hono.
 */
const ROLE_RANK: Record<Role, number> = { viewer: 1, editor: 2, admin: 3 };

/** Whether `role` grants at least what `required` grants (admin ⊇ editor ⊇ viewer). */
export const roleAtLeast = (role: Role, required: Role): boolean => ROLE_RANK[role] >= ROLE_RANK[required];

/** Whether the caller may see exact locations and addresses of restricted units (need-to-know). */
export const hasNeedToKnow = (user: CurrentUser | undefined): boolean => !!user && roleAtLeast(user.role, 'editor');
