import type { RouteObject } from 'react-router';
import { SignInPage } from '../features/auth/sign-in-page.tsx';
import { SignUpPage } from '../features/auth/sign-up-page.tsx';
import { EthicsPage } from '../features/back-office/ethics-page.tsx';
import { NotificationsPage } from '../features/back-office/notifications-page.tsx';
import { RegisterPage } from '../features/back-office/register-page.tsx';
import { BACK_OFFICE_SECTIONS } from '../features/back-office/sections.ts';
import { DeadlinesPage } from '../features/deadlines/deadlines-page.tsx';
import { DossierPage } from '../features/dossiers/dossier-page.tsx';
import { MyDossiersPage } from '../features/dossiers/my-dossiers-page.tsx';
import { HomePage } from '../features/home/home-page.tsx';
import { ClaimPage } from '../features/intake/claim-page.tsx';
import { RecordComplaintPage } from '../features/intake/record-complaint-page.tsx';
import { INTAKE_SECTIONS } from '../features/intake/sections.ts';
import { LETTERS_SECTIONS } from '../features/letters/letters-section.tsx';
import { MEDIATION_SECTIONS } from '../features/mediation/sections.ts';
import { MedicalQueuePage } from '../features/medical/queue-page.tsx';
import { MEDICAL_SECTIONS } from '../features/medical/sections.ts';
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
const FILE_SECTIONS = [
  ...INTAKE_SECTIONS,
  ...LETTERS_SECTIONS,
  ...MEDIATION_SECTIONS,
  ...BACK_OFFICE_SECTIONS,
  ...MEDICAL_SECTIONS,
];

export const routes: RouteObject[] = [
  { index: true, element: <HomePage /> },
  { path: 'connexion', element: <SignInPage /> },
  { path: 'inscription', element: <SignUpPage /> },
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
        roles={['handler', 'supervisor']}
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
