import { Link } from 'react-router';
import { errorMessage } from '../../shared/api-client.ts';
import { formatInstantDateTime } from '../../shared/format.ts';
import { ErrorNotice, Loading, Page } from '../../shared/ui/page.tsx';
import { useMarkRead, useNotifications } from './api.ts';
import './back-office.css';

/** My notifications (deadline reminders, answers, assignments), newest first, each one « marquer comme lu ». */
export function NotificationsPage() {
  const notifications = useNotifications();
  const markRead = useMarkRead();
  const list = notifications.data?.notifications ?? [];
  const unread = notifications.data?.unread ?? 0;
  return (
    <Page title="Notifications" lead="Rappels de délais, réponses et attributions de dossiers.">
      {notifications.isPending ? (
        <Loading label="Chargement des notifications…" />
      ) : notifications.isError ? (
        <ErrorNotice message={errorMessage(notifications.error)} onRetry={() => notifications.refetch()} />
      ) : list.length === 0 ? (
        <div className="empty-state">
          <p>Aucune notification pour le moment.</p>
        </div>
      ) : (
        <>
          <p role="status" className="muted">
            {unread === 0
              ? 'Toutes vos notifications sont lues.'
              : `${unread} non lue${unread > 1 ? 's' : ''}`}
          </p>
          {markRead.isError ? <ErrorNotice message={errorMessage(markRead.error)} /> : null}
          <ul className="notification-list">
            {list.map((n) => (
              <li key={n.id} className={`card notification${n.readAt ? '' : ' notification--unread'}`}>
                <h2 className="notification__title">
                  {n.readAt ? null : <span className="bo-tag bo-tag--open">Non lue</span>} {n.title}
                </h2>
                <p>{n.body}</p>
                <p className="muted notification__meta">
                  {formatInstantDateTime(n.createdAt)}
                  {n.dossierId ? (
                    <>
                      {' — '}
                      <Link to={`/dossiers/${n.dossierId}`}>Dossier {n.reference ?? ''}</Link>
                    </>
                  ) : null}
                </p>
                {n.readAt ? null : (
                  <button
                    type="button"
                    className="button button--secondary button--small"
                    disabled={markRead.isPending}
                    onClick={() => markRead.mutate(n.id)}
                  >
                    Marquer comme lu<span className="sr-only"> : {n.title}</span>
                  </button>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Page>
  );
}

/** The header's bell: a link to the notifications with the unread count in its accessible name. */
export function NotificationBell() {
  const notifications = useNotifications();
  const unread = notifications.data?.unread ?? 0;
  const label =
    unread === 0
      ? 'Notifications, aucune non lue'
      : `Notifications, ${unread} non lue${unread > 1 ? 's' : ''}`;
  return (
    <Link to="/notifications" className="bell" aria-label={label}>
      <span className="bell__icon" aria-hidden="true">
        {/* biome-ignore lint/a11y/noSvgWithoutTitle: decorative; the link's aria-label names it. */}
        <svg viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth="2" focusable="false">
          <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
          <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
        </svg>
      </span>
      {unread > 0 ? (
        <span className="bell__count" aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      ) : null}
    </Link>
  );
}
