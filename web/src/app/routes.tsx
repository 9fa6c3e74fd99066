import { type ComponentType, lazy } from 'react';
import type { RouteObject } from 'react-router';
import { ANALYTICS_ROLES, HANDLING_ROLES } from '../../../src/contracts/roles.ts';
// The layout shows the notification bell on every page: its page shares that chunk.
import { NotificationsPage } from '../features/back-office/notifications-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { AUDIT_ROLES, MEMBER_ROLES, REGISTER_ROLES } from '../shared/session.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { RequireAuth } from './require-auth.tsx';

/**
 * One chunk per page (issue 16: the first paint on a phone must not wait for the whole app): the home page is in
 * the main bundle, every other page is fetched when its route is first shown (<Suspense> in layout.tsx).
 */
function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}
const SignInPage = page(() => import('../features/auth/sign-in-page.tsx'), 'SignInPage');
const SignUpPage = page(() => import('../features/auth/sign-up-page.tsx'), 'SignUpPage');
const SignUpConfirmPage = page(
  () => import('../features/auth/sign-up-confirm-page.tsx'),
  'SignUpConfirmPage',
);
const AccountPage = page(() => import('../features/auth/account-page.tsx'), 'AccountPage');
const EthicsPage = page(() => import('../features/back-office/ethics-page.tsx'), 'EthicsPage');
const RegisterPage = page(() => import('../features/back-office/register-page.tsx'), 'RegisterPage');
const DeadlinesPage = page(() => import('../features/deadlines/deadlines-page.tsx'), 'DeadlinesPage');
const DossierRoute = page(() => import('./dossier-route.tsx'), 'DossierRoute');
const MyDossiersPage = page(() => import('../features/dossiers/my-dossiers-page.tsx'), 'MyDossiersPage');
const ReimbursementPage = page(
  () => import('../features/reimbursement/reimbursement-page.tsx'),
  'ReimbursementPage',
);
const DiagnosticPage = page(() => import('../features/triage/diagnostic-page.tsx'), 'DiagnosticPage');
const RecordComplaintPage = page(
  () => import('../features/intake/record-complaint-page.tsx'),
  'RecordComplaintPage',
);
const ClaimPage = page(() => import('../features/intake/claim-page.tsx'), 'ClaimPage');
const DashboardPage = page(() => import('../features/steering/dashboard-page.tsx'), 'DashboardPage');
const AdminPage = page(() => import('../features/admin/admin-page.tsx'), 'AdminPage');
const InvitationPage = page(() => import('../features/admin/invitation-page.tsx'), 'InvitationPage');
const ImportPage = page(() => import('../features/admin/import-page.tsx'), 'ImportPage');
const AuditPage = page(() => import('../features/audit/audit-page.tsx'), 'AuditPage');
const TrendsPage = page(() => import('../features/patterns/trends-page.tsx'), 'TrendsPage');
const MedicalQueuePage = page(() => import('../features/medical/queue-page.tsx'), 'MedicalQueuePage');

/**
 * Every page of the app, one entry each (French paths). To add a page: write it in its feature folder
 * (`features/<feature>/<name>-page.tsx`, rendering a shared <Page>), then add one line here, e.g.
 *   { path: 'delais', element: <DeadlinesPage /> },
 * wrapped in <RequireAuth> when it needs a signed-in user. Keep the catch-all last.
 */

export const routes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'connexion', element: <SignInPage /> },
  { path: 'inscription', element: <SignUpPage /> },
  { path: 'inscription/confirmer', element: <SignUpConfirmPage /> },
  { path: 'invitation', element: <InvitationPage /> },
  {
    path: 'mon-compte',
    element: (
      <RequireAuth>
        <AccountPage />
      </RequireAuth>
    ),
  },
  { path: 'delais', element: <DeadlinesPage /> },
  { path: 'verifier-remboursement', element: <ReimbursementPage /> },
  {
    path: 'mes-dossiers',
    element: (
      <RequireAuth
        roles={MEMBER_ROLES}
        deniedTitle="Espace réservé aux adhérents"
        deniedText="«&nbsp;Mes dossiers&nbsp;» est l’espace des adhérents. Les dossiers de votre organisme sont dans le registre des réclamations."
      >
        <MyDossiersPage />
      </RequireAuth>
    ),
  },
  {
    path: 'registre',
    element: (
      <RequireAuth
        roles={REGISTER_ROLES}
        deniedTitle="Accès réservé aux équipes des organismes"
        deniedText="Le registre des réclamations est réservé aux conseillers des mutuelles, assureurs et caisses, et aux médiateurs. Vos propres dossiers sont dans «&nbsp;Mes dossiers&nbsp;»."
      >
        <RegisterPage />
      </RequireAuth>
    ),
  },
  {
    path: 'registre/nouvelle-reclamation',
    element: (
      <RequireAuth
        roles={HANDLING_ROLES}
        deniedTitle="Accès réservé aux conseillers"
        deniedText="Les réclamations reçues par courrier, téléphone, e-mail ou en agence sont enregistrées par les conseillers et superviseurs de l’organisme."
      >
        <RecordComplaintPage />
      </RequireAuth>
    ),
  },
  {
    path: 'rattacher-un-dossier',
    element: (
      <RequireAuth
        roles={MEMBER_ROLES}
        deniedTitle="Espace réservé aux adhérents"
        deniedText="Le rattachement d’un dossier se fait depuis le compte de l’adhérent."
      >
        <ClaimPage />
      </RequireAuth>
    ),
  },
  {
    path: 'dossiers/:id',
    element: (
      <RequireAuth>
        <DossierRoute />
      </RequireAuth>
    ),
  },
  {
    path: 'comite-ethique',
    element: (
      <RequireAuth
        roles={ANALYTICS_ROLES}
        deniedTitle="Accès réservé aux superviseurs"
        deniedText="Le comité d’éthique est suivi par les superviseurs, les administrateurs et les auditeurs de l’organisme."
      >
        <EthicsPage />
      </RequireAuth>
    ),
  },
  {
    path: 'pilotage',
    element: (
      <RequireAuth
        roles={['supervisor', 'admin', 'auditor']}
        deniedTitle="Accès réservé au pilotage"
        deniedText="Les indicateurs de l’organisme sont suivis par les superviseurs, les administrateurs et les auditeurs."
      >
        <DashboardPage />
      </RequireAuth>
    ),
  },
  {
    path: 'administration',
    element: (
      <RequireAuth
        roles={['admin']}
        deniedTitle="Accès réservé aux administrateurs"
        deniedText="Les comptes de l’équipe et les réglages de l’organisme sont gérés par ses administrateurs."
      >
        <AdminPage />
      </RequireAuth>
    ),
  },
  {
    path: 'administration/import',
    element: (
      <RequireAuth
        roles={['admin']}
        deniedTitle="Accès réservé aux administrateurs"
        deniedText="L’import de l’historique des réclamations est fait par un administrateur de l’organisme."
      >
        <ImportPage />
      </RequireAuth>
    ),
  },
  {
    path: 'historique',
    element: (
      <RequireAuth
        roles={AUDIT_ROLES}
        deniedTitle="Accès réservé aux auditeurs"
        deniedText="L’historique des actions et sa vérification sont réservés aux auditeurs et aux administrateurs de l’organisme."
      >
        <AuditPage />
      </RequireAuth>
    ),
  },
  {
    path: 'tendances',
    element: (
      <RequireAuth
        roles={['supervisor', 'admin', 'auditor']}
        deniedTitle="Accès réservé aux superviseurs"
        deniedText="Les tendances des réclamations sont suivies par les superviseurs, les administrateurs et les auditeurs de l’organisme."
      >
        <TrendsPage />
      </RequireAuth>
    ),
  },
  {
    path: 'avis-medicaux',
    element: (
      <RequireAuth
        roles={['medical_adviser']}
        deniedTitle="Accès réservé au médecin-conseil"
        deniedText="La file des avis médicaux est celle du médecin-conseil de l’organisme : les conseillers demandent un avis depuis la page d’un dossier."
      >
        <MedicalQueuePage />
      </RequireAuth>
    ),
  },
  {
    path: 'notifications',
    element: (
      <RequireAuth>
        <NotificationsPage />
      </RequireAuth>
    ),
  },
  { path: 'diagnostic', element: <DiagnosticPage /> },
  { path: '*', element: <NotFoundPage /> },
];
