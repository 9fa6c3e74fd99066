import type { ReactNode } from 'react';
import { Link, Navigate, useLocation } from 'react-router';
import type { Role } from '../../../src/domain/access/roles.ts';
import { errorMessage } from '../shared/api-client.ts';
import { homePathFor, useSession } from '../shared/session.ts';
import { ErrorNotice, Loading, Page } from '../shared/ui/page.tsx';

interface RequireAuthProps {
  /** Roles allowed on the page; any signed-in person when absent. */
  roles?: readonly Role[];
  /** What a signed-in person without one of these roles reads. */
  deniedTitle?: string;
  deniedText?: string;
  children: ReactNode;
}

/**
 * Guards a route: a signed-out visitor goes to /connexion and comes back after signing in (?retour=);
 * a signed-in person whose role does not fit reads why. The API checks again: this is only the door sign.
 */
export function RequireAuth({ roles, deniedTitle, deniedText, children }: RequireAuthProps) {
  const session = useSession();
  const location = useLocation();

  if (session.isPending) return <Loading />;
  if (session.isError) {
    return (
      <Page title="Service indisponible">
        <ErrorNotice message={errorMessage(session.error)} onRetry={() => session.refetch()} />
      </Page>
    );
  }
  const user = session.data.user;
  if (!user) {
    const retour = `${location.pathname}${location.search}`;
    return <Navigate to={`/connexion?retour=${encodeURIComponent(retour)}`} replace />;
  }
  if (roles && !roles.includes(user.role)) {
    const home = homePathFor(user);
    return (
      <Page title={deniedTitle ?? 'Accès réservé'}>
        <div className="notice notice--info">
          <p>{deniedText ?? 'Cette page n’est pas accessible avec votre compte.'}</p>
        </div>
        {home !== location.pathname ? (
          <p>
            <Link to={home}>
              {home === '/registre' ? 'Aller au registre des réclamations' : 'Aller à mes dossiers'}
            </Link>
          </p>
        ) : null}
      </Page>
    );
  }
  return children;
}
