import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  oidcConfigSchema,
  openSessionListSchema,
  signUpAnswerSchema,
} from '../../../../src/contracts/api/auth.ts';
import { apiGet, apiSend, setCsrfToken } from '../../shared/api-client.ts';
import { SESSION_QUERY_KEY, type Session, sessionSchema } from '../../shared/session.ts';

export interface Credentials {
  email: string;
  password: string;
}

export interface SignUpInput extends Credentials {
  displayName: string;
}

/** Whether a single sign-on provider is configured, and its name for the button. */
export function useOidcConfig() {
  return useQuery({
    queryKey: ['auth', 'oidc'],
    queryFn: ({ signal }) => apiGet('/api/auth/oidc', oidcConfigSchema, signal),
    staleTime: Number.POSITIVE_INFINITY,
  });
}

/** A new session replaces the old one: keep its CSRF token and forget what the previous user could see. */
function useStartSession() {
  const queryClient = useQueryClient();
  return (session: Session) => {
    setCsrfToken(session.csrfToken);
    queryClient.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
    queryClient.setQueryData(SESSION_QUERY_KEY, session);
  };
}

export function useLogin() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (input: Credentials) => apiSend('/api/auth/login', { body: input, schema: sessionSchema }),
    onSuccess: startSession,
  });
}

/** Asks for an account: the answer is the same whatever the address; the account comes from the mailed link. */
export function useSignUp() {
  return useMutation({
    mutationFn: (input: SignUpInput) =>
      apiSend('/api/auth/signup', { body: input, schema: signUpAnswerSchema }),
  });
}

/** Follows the mailed link: creates the account and opens its session. */
export function useConfirmSignUp() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (token: string) =>
      apiSend('/api/auth/signup/confirm', { body: { token }, schema: sessionSchema }),
    onSuccess: startSession,
  });
}

export type { OpenSession } from '../../../../src/contracts/api/auth.ts';

const SESSIONS_KEY = ['auth', 'sessions'] as const;

/** The browsers signed in to this account. */
export function useOpenSessions() {
  return useQuery({
    queryKey: SESSIONS_KEY,
    queryFn: ({ signal }) => apiGet('/api/auth/sessions', openSessionListSchema, signal),
  });
}

export function useRevokeSession() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) =>
      apiSend(`/api/auth/sessions/${encodeURIComponent(id)}`, { method: 'DELETE', schema: null }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: SESSIONS_KEY }),
  });
}

/**
 * Signs out, then reloads the home page: the reload wipes every file and token kept in memory, and a failed
 * call shows honestly that the session is still open.
 */
export function useLogout() {
  return useMutation({
    mutationFn: () => apiSend('/api/auth/logout', { schema: null }),
    onSettled: () => {
      setCsrfToken(null);
      window.location.assign('/');
    },
  });
}
