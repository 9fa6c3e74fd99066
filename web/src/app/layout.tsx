import { Suspense, useEffect } from 'react';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { ANALYTICS_ROLES, hasRole } from '../../../src/contracts/roles.ts';
import { useLogout } from '../features/auth/api.ts';
import { NotificationBell } from '../features/back-office/notifications-page.tsx';
import { roleLabel } from '../shared/labels.ts';
import { AUDIT_ROLES, type User, useSession, usesRegister } from '../shared/session.ts';
import { Loading } from '../shared/ui/page.tsx';

interface NavItem {
  to: string;
  label: string;
  /** Shown only when this returns true (signed-out visitors: user is null). */
  show?: (user: User | null) => boolean;
}

/** The main menu. A new tool page adds its entry here as well as its route in routes.tsx. */
const NAV_ITEMS: NavItem[] = [
  { to: '/mes-dossiers', label: 'Mes dossiers', show: (user) => user?.role === 'member' },
  {
    to: '/registre',
    label: 'Registre',
    show: (user) => (user ? usesRegister(user.role) && user.role !== 'mediator' : false),
  },
  { to: '/registre', label: 'Dossiers en médiation', show: (user) => user?.role === 'mediator' },
  {
    to: '/comite-ethique',
    label: 'Comité d’éthique',
    // Same roles as the page's guard (routes.tsx): supervisors act; administrators and auditors read.
    show: (user) => hasRole(user?.role, ANALYTICS_ROLES),
  },
  {
    to: '/pilotage',
    label: 'Pilotage',
    show: (user) => ['supervisor', 'admin', 'auditor'].includes(user?.role ?? ''),
  },
  { to: '/administration', label: 'Administration', show: (user) => user?.role === 'admin' },
  {
    to: '/historique',
    label: 'Historique et intégrité',
    show: (user) => (user ? AUDIT_ROLES.includes(user.role) : false),
  },
  {
    to: '/tendances',
    label: 'Tendances',
    show: (user) => ['supervisor', 'admin', 'auditor'].includes(user?.role ?? ''),
  },
  { to: '/avis-medicaux', label: 'Avis médicaux', show: (user) => user?.role === 'medical_adviser' },
  { to: '/delais', label: 'Calculer mes délais' },
  { to: '/verifier-remboursement', label: 'Vérifier un remboursement' },
  { to: '/diagnostic', label: 'Diagnostic' },
];

function AccountArea({ user }: { user: User | null }) {
  const logout = useLogout();
  if (!user) {
    return (
      <ul className="account__links">
        <li>
          <Link to="/connexion">Se connecter</Link>
        </li>
        <li>
          <Link to="/inscription">Créer un compte</Link>
        </li>
      </ul>
    );
  }
  return (
    <div className="account">
      <NotificationBell />
      <p className="account__who">
        <Link className="account__name" to="/mon-compte">
          {user.displayName}
          <span className="sr-only"> — Mon compte (sessions ouvertes)</span>
        </Link>
        <span className="account__role">
          {roleLabel(user.role)}
          {user.organisation ? ` — ${user.organisation.name}` : ''}
        </span>
      </p>
      <button
        type="button"
        className="button button--secondary button--small"
        disabled={logout.isPending}
        onClick={() => logout.mutate()}
      >
        Se déconnecter
      </button>
    </div>
  );
}

export function Layout() {
  const session = useSession();
  const user = session.data?.user ?? null;
  const { pathname } = useLocation();

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new page (path) starts at the top.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, [pathname]);

  const items = NAV_ITEMS.filter((item) => (item.show ? item.show(user) : true));

  return (
    <>
      <a className="skip-link" href="#contenu">
        Aller au contenu
      </a>
      <header className="site-header">
        <div className="container site-header__top">
          <Link to="/" className="brand">
            <span className="brand__logo" aria-hidden="true">
              R
            </span>
            <span className="brand__text">
              <span className="brand__name">Recours</span>
              <span className="brand__tagline">Litiges de santé&nbsp;: vos droits, étape par étape</span>
            </span>
          </Link>
          {session.isPending ? null : <AccountArea user={user} />}
        </div>
        <nav className="main-nav" aria-label="Menu principal">
          <ul className="container main-nav__list">
            {items.map((item) => (
              <li key={`${item.to}:${item.label}`}>
                <NavLink to={item.to} className="main-nav__link">
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <main id="contenu" className="container main" tabIndex={-1}>
        <Suspense fallback={<Loading />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="site-footer">
        <div className="container site-footer__inner">
          <p className="site-footer__brand">Recours</p>
          <p>
            Recours aide les assurés à régler un litige avec leur mutuelle, leur assureur santé, leur
            institution de prévoyance ou leur CPAM. Les informations données ne remplacent pas le conseil d’un
            avocat.
          </p>
          <ul className="site-footer__links">
            <li>
              <Link to="/">Accueil</Link>
            </li>
            <li>
              <a href="/api/docs">Documentation de l’API</a>
            </li>
          </ul>
        </div>
      </footer>
    </>
  );
}
