import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { apiGet, apiSend, setCsrfToken } from '../../shared/api-client.ts';
import { SESSION_QUERY_KEY, type Session, sessionSchema } from '../../shared/session.ts';

export interface Credentials {
  email: string;
  password: string;
}

export interface SignUpInput extends Credentials {
  displayName: string;
}

const oidcSchema = z.object({ enabled: z.boolean(), label: z.string().nullable() });

/** Whether a single sign-on provider is configured, and its name for the button. */
export function useOidcConfig() {
  return useQuery({
    queryKey: ['auth', 'oidc'],
    queryFn: ({ signal }) => apiGet('/api/auth/oidc', oidcSchema, signal),
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

export function useSignUp() {
  const startSession = useStartSession();
  return useMutation({
    mutationFn: (input: SignUpInput) => apiSend('/api/auth/signup', { body: input, schema: sessionSchema }),
    onSuccess: startSession,
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
