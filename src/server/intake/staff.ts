import type { UserRow } from '../../db/repositories/users.ts';
import { HANDLING_ROLES } from '../../domain/dossiers/permissions.ts';
import { AppError } from '../errors.ts';

/**
 * Intake is the work of those who handle complaints (handlers, supervisors), never of the auditor, who only reads.
 * Returns their organisation; `refusal` says in the user's terms what he tried to do.
 */
export function requireHandlingStaff(
  user: UserRow,
  refusal = 'Seuls les conseillers et superviseurs de l’organisme peuvent le faire.',
): string {
  if (!HANDLING_ROLES.includes(user.role) || !user.organisationId) throw new AppError('FORBIDDEN', refusal);
  return user.organisationId;
}
