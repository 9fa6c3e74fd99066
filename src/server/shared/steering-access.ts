import type { UserRow } from '../../db/repositories/users.ts';
import type { Role } from '../../domain/access/roles.ts';
import { ANALYTICS_ROLES, analyticsOrganisation } from '../../domain/kpi/access.ts';
import { actorOf } from '../auth/session-plugin.ts';
import { AppError } from '../errors.ts';

/** The user's organisation when his role may see it, else a French 403. */
export function requireOrganisationRole(user: UserRow, roles: readonly Role[] = ANALYTICS_ROLES): string {
  const result = analyticsOrganisation(actorOf(user), roles);
  if (!result.ok) throw new AppError('FORBIDDEN', result.error.message);
  return result.value;
}
