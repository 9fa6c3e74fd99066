import type { Role } from '../access/roles.ts';
import { fail, ok, type Result } from '../shared/result.ts';

/**
 * Who an admin may make a member of staff, and the changes that would leave the organisation without an
 * administrator. Source: RGPD art. 32 §1 b) (the organisation must keep the means to manage who accesses its
 * members' health data: an organisation without an active administrator could no longer revoke an access).
 */
export const ASSIGNABLE_ROLES = ['handler', 'supervisor', 'auditor', 'admin', 'medical_adviser'] as const;
export type AssignableRole = (typeof ASSIGNABLE_ROLES)[number];

export interface StaffMember {
  id: string;
  role: Role;
  active: boolean;
}

export interface StaffChange {
  role?: AssignableRole | undefined;
  active?: boolean | undefined;
}

/**
 * Checks one change to one account. `activeAdminIds`: the organisation's active administrators, read under a
 * lock in the transaction of the change, so that two admins demoting each other cannot both succeed.
 */
export function checkStaffChange(input: {
  actorId: string;
  target: StaffMember;
  change: StaffChange;
  activeAdminIds: readonly string[];
}): Result<{ role: Role; active: boolean }> {
  const { actorId, target, change, activeAdminIds } = input;
  const role = change.role ?? target.role;
  const active = change.active ?? target.active;
  if (target.id === actorId && !active) {
    return fail(
      'SELF_DEACTIVATION',
      'Vous ne pouvez pas désactiver votre propre compte : demandez-le à un autre administrateur.',
      'active',
    );
  }
  const staysAdmin = role === 'admin' && active;
  const isActiveAdmin = target.role === 'admin' && target.active;
  if (isActiveAdmin && !staysAdmin && activeAdminIds.filter((id) => id !== target.id).length === 0) {
    return fail(
      'LAST_ADMIN',
      'C’est le dernier administrateur actif de l’organisme : nommez d’abord un autre administrateur, puis modifiez ce compte.',
      change.role !== undefined && change.role !== 'admin' ? 'role' : 'active',
    );
  }
  return ok({ role, active });
}
