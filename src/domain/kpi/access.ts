import { type Actor, ANALYTICS_ROLES, type Role } from '../access/roles.ts';
import { fail, ok, type Result } from '../shared/result.ts';

/** Steering the service (issue 14): supervisors, admins and auditors of the organisation. */
export { ANALYTICS_ROLES };
/** Importing a history and administering accounts: admins only. */
export const ADMIN_ROLES: readonly Role[] = ['admin'];

/** The organisation whose figures the actor may read, or why not (least privilege: RGPD art. 9, art. 32). */
export function analyticsOrganisation(
  actor: Actor,
  roles: readonly Role[] = ANALYTICS_ROLES,
): Result<string> {
  if (!roles.includes(actor.role) || !actor.organisationId) {
    const who =
      roles === ADMIN_ROLES ? 'aux administrateurs' : 'aux superviseurs, administrateurs et auditeurs';
    return fail('FORBIDDEN', `Cette page est réservée ${who} de l’organisme.`);
  }
  return ok(actor.organisationId);
}
