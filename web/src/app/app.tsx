import { MutationCache, QueryCache, QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError, setCsrfToken } from '../shared/api-client.ts';
import { SESSION_QUERY_KEY, SIGNED_OUT } from '../shared/session.ts';
import { CrashPage } from './crash-page.tsx';
import { Layout } from './layout.tsx';
import { routes } from './routes.tsx';

/** A call answered 401 means the session ended (expired, signed out elsewhere): show the app signed out. */
function onError(error: unknown) {
  if (error instanceof ApiError && error.status === 401 && error.code === 'UNAUTHENTICATED') {
    setCsrfToken(null);
    queryClient.setQueryData(SESSION_QUERY_KEY, SIGNED_OUT);
  }
}

const queryClient = new QueryClient({
  queryCache: new QueryCache({ onError }),
  mutationCache: new MutationCache({ onError }),
  defaultOptions: {
    queries: {
      // A refusal (4xx) will not change on retry; a network or server failure may.
      retry: (failures, error) =>
        !(error instanceof ApiError && error.status >= 400 && error.status < 500) && failures < 2,
      refetchOnWindowFocus: true,
    },
  },
});

const router = createBrowserRouter([
  {
    path: '/',
    element: <Layout />,
    children: [{ errorElement: <CrashPage />, children: routes }],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
