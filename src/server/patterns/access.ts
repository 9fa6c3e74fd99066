import type { UserRow } from '../../db/repositories/users.ts';
import type { Role } from '../../domain/access/roles.ts';
import { AppError } from '../errors.ts';

/** Who reads an organisation's patterns: those who steer (supervisor, admin) and those who check (auditor). */
export const PATTERN_READERS: readonly Role[] = ['supervisor', 'admin', 'auditor'];
/** Who imports a contract's clauses and the membership: those who steer; auditors only read. */
export const PATTERN_WRITERS: readonly Role[] = ['supervisor', 'admin'];

/**
 * The organisation whose patterns the user may see. Someone outside every organisation (a member, a mediator)
 * learns nothing, not even that the page exists: 404 before any role check; staff of the organisation without the
 * role get a French 403.
 */
export function patternOrganisation(user: UserRow, roles: readonly Role[] = PATTERN_READERS): string {
  if (!user.organisationId || user.role === 'member' || user.role === 'mediator') {
    throw new AppError('NOT_FOUND', 'Page introuvable.');
  }
  if (!roles.includes(user.role as Role)) {
    throw new AppError(
      'FORBIDDEN',
      roles === PATTERN_WRITERS
        ? 'L’import des clauses et des effectifs est réservé aux superviseurs et administrateurs de l’organisme.'
        : 'Les tendances des réclamations sont réservées aux superviseurs, administrateurs et auditeurs de l’organisme.',
    );
  }
  return user.organisationId;
}
