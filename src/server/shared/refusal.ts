import type { DomainError } from '../../domain/shared/result.ts';
import { AppError } from '../errors.ts';

/**
 * Maps a back-office refusal (src/domain/register) to the API's error: a file one may not see is 404 (never
 * revealing it exists), a role that may not act 403, a state that forbids the action 409, a bad target 400.
 */
export function refusalError(error: DomainError): AppError {
  switch (error.code) {
    case 'not_visible':
      return new AppError('NOT_FOUND', error.message, error.field);
    case 'forbidden':
      return new AppError('FORBIDDEN', error.message, error.field);
    case 'invalid_target':
      return new AppError('VALIDATION', error.message, error.field);
    case 'invalid_state':
      return new AppError('CONFLICT', error.message, error.field);
    default:
      return AppError.fromDomain(error);
  }
}

export const NOT_FOUND_MESSAGE = 'Dossier introuvable, ou vous n’y avez pas accès.';
