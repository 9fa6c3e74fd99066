import type { RouteObject } from 'react-router';
import { AccountPage } from '../features/auth/account-page.tsx';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { SignUpConfirmPage } from '../features/auth/sign-up-confirm-page.tsx';
import { SignUpPage } from '../features/auth/sign-up-page.tsx';
import { EthicsPage } from '../features/back-office/ethics-page.tsx';
import { NotificationsPage } from '../features/back-office/notifications-page.tsx';
import { RegisterPage } from '../features/back-office/register-page.tsx';
import { BACK_OFFICE_SECTIONS } from '../features/back-office/sections.ts';
import { DeadlinesPage } from '../features/deadlines/deadlines-page.tsx';
import { DossierPage } from '../features/dossiers/dossier-page.tsx';
import { MyDossiersPage } from '../features/dossiers/my-dossiers-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { LETTERS_SECTIONS } from '../features/letters/letters-section.tsx';
import { MEDIATION_SECTIONS } from '../features/mediation/sections.ts';
import { ReimbursementPage } from '../features/reimbursement/reimbursement-page.tsx';
import { DiagnosticPage } from '../features/triage/diagnostic-page.tsx';
import { MEMBER_ROLES, REGISTER_ROLES } from '../shared/session.ts';
import { NotFoundPage } from './not-found-page.tsx';
import { RequireAuth } from './require-auth.tsx';

/**
 * Every page of the app, one entry each (French paths). To add a page: write it in its feature folder
 * (`features/<feature>/<name>-page.tsx`, rendering a shared <Page>), then add one line here, e.g.
 *   { path: 'delais', element: <DeadlinesPage /> },
 * wrapped in <RequireAuth> when it needs a signed-in user. Keep the catch-all last.
 */
/** Sections other features add to a file's page (each shows itself only to the roles it serves). */
const FILE_SECTIONS = [...LETTERS_SECTIONS, ...MEDIATION_SECTIONS, ...BACK_OFFICE_SECTIONS];

export const routes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'connexion', element: <SignInPage /> },
  { path: 'inscription', element: <SignUpPage /> },
  { path: 'inscription/confirmer', element: <SignUpConfirmPage /> },
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
    path: 'dossiers/:id',
    element: (
      <RequireAuth>
        <DossierPage extraSections={FILE_SECTIONS} />
      </RequireAuth>
    ),
  },
  {
    path: 'comite-ethique',
    element: (
      <RequireAuth
        roles={['supervisor', 'admin', 'auditor']}
        deniedTitle="Accès réservé aux superviseurs"
        deniedText="Le comité d’éthique est suivi par les superviseurs, les administrateurs et les auditeurs de l’organisme."
      >
        <EthicsPage />
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
