import { useQuery } from '@tanstack/react-query';
import { type Session, sessionSchema, type User } from '../../../src/contracts/api/auth.ts';
import {
  REGISTER_ROLES as ORGANISATION_REGISTER_ROLES,
  ROLES,
  type Role,
} from '../../../src/contracts/roles.ts';
import { apiGet, setCsrfToken } from './api-client.ts';

export type { Session, User } from '../../../src/contracts/api/auth.ts';
/** The answer of /api/auth/me, and of login and sign-up (src/contracts/api/auth.ts). */
export { sessionSchema, userSchema } from '../../../src/contracts/api/auth.ts';

export const SESSION_QUERY_KEY = ['session'] as const;
export const SIGNED_OUT: Session = { user: null, csrfToken: null };

export async function fetchSession(signal?: AbortSignal): Promise<Session> {
  const session = await apiGet('/api/auth/me', sessionSchema, signal);
  setCsrfToken(session.csrfToken);
  return session;
}

/** Who is signed in (user null when nobody). Every state-changing call needs the CSRF token it carries. */
export function useSession() {
  return useQuery({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
  });
}

/**
 * Staff of an organisation (handlers, supervisors, auditors, admins) and mediators work from the register. The
 * medical adviser works from his queue of opinions (docs/medical-secrecy.md), not from the register.
 */
export function usesRegister(role: Role): boolean {
  return role === 'mediator' || ORGANISATION_REGISTER_ROLES.includes(role);
}

/** Where someone lands after signing in, when no page asked for them. */
export function homePathFor(user: User): string {
  if (user.role === 'medical_adviser') return '/avis-medicaux';
  return usesRegister(user.role) ? '/registre' : '/mes-dossiers';
}

/** A `?retour=` target, accepted only when it is a path of this site (no open redirect). */
export function safeReturnPath(value: string | null): string | null {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  if (value.startsWith('/api/')) return null;
  return value;
}

/** Who may open "Mes dossiers" and who may open the register (the API enforces the same split). */
export const MEMBER_ROLES: readonly Role[] = ['member'];
export const REGISTER_ROLES: readonly Role[] = ROLES.filter(usesRegister);
/** Who may read the history and run its verification (src/server/audit/use-cases.ts requireAuditor). */
export const AUDIT_ROLES: readonly Role[] = ['auditor', 'admin'];
