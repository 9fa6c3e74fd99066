import { errorMessage } from '../../shared/api-client.ts';
import './account.css';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { type OpenSession, useOpenSessions, useRevokeSession } from './api.ts';

const DATE_TIME = new Intl.DateTimeFormat('fr-FR', {
  dateStyle: 'short',
  timeStyle: 'short',
  timeZone: 'Europe/Paris',
});

/** A short name for a browser, from what it says of itself. */
function browserName(userAgent: string | null): string {
  if (!userAgent) return 'Navigateur inconnu';
  const browser = /Edg\//.test(userAgent)
    ? 'Edge'
    : /Firefox\//.test(userAgent)
      ? 'Firefox'
      : /Chrom(e|ium)\//.test(userAgent)
        ? 'Chrome'
        : /Safari\//.test(userAgent)
          ? 'Safari'
          : null;
  const system = /Android/.test(userAgent)
    ? 'Android'
    : /iPhone|iPad/.test(userAgent)
      ? 'iOS'
      : /Windows/.test(userAgent)
        ? 'Windows'
        : /Mac OS/.test(userAgent)
          ? 'macOS'
          : /Linux/.test(userAgent)
            ? 'Linux'
            : null;
  return browser && system ? `${browser} sur ${system}` : (browser ?? system ?? userAgent.slice(0, 60));
}

function SessionRow({ session }: { session: OpenSession }) {
  const revoke = useRevokeSession();
  return (
    <li className="card">
      <p>
        <strong>{browserName(session.userAgent)}</strong>
        {session.current ? ' (cette session)' : ''}
      </p>
      <p className="muted">
        Ouverte le {DATE_TIME.format(new Date(session.createdAt))}, valable jusqu’au{' '}
        {DATE_TIME.format(new Date(session.expiresAt))}.
      </p>
      {session.current ? null : (
        <button
          type="button"
          className="button button--secondary button--small"
          disabled={revoke.isPending}
          onClick={() => revoke.mutate(session.id)}
        >
          Fermer cette session
        </button>
      )}
      {revoke.isError ? (
        <p className="notice notice--error" role="alert">
          {errorMessage(revoke.error)}
        </p>
      ) : null}
    </li>
  );
}

/** « Mon compte »: the browsers signed in to the account, each of which can be signed out from here. */
export function AccountPage() {
  const sessions = useOpenSessions();
  return (
    <Page
      title="Mon compte"
      heading="Mon compte"
      lead="Les navigateurs connectés à votre compte. Fermez une session que vous ne reconnaissez pas, puis changez votre mot de passe."
    >
      <section className="section" aria-labelledby="mes-sessions">
        <h2 id="mes-sessions">Sessions ouvertes</h2>
        {sessions.isPending ? <Loading /> : null}
        {sessions.isError ? (
          <ErrorNotice message={errorMessage(sessions.error)} onRetry={() => sessions.refetch()} />
        ) : null}
        {sessions.data ? (
          <ul className="session-list" aria-label="Sessions ouvertes">
            {sessions.data.sessions.map((session) => (
              <SessionRow key={session.id} session={session} />
            ))}
          </ul>
        ) : null}
      </section>
    </Page>
  );
}
