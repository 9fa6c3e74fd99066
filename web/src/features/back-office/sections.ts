import { HANDLING_ROLES, REGISTER_ROLES } from '../../../../src/contracts/roles.ts';
import type { ExtraDossierSection } from '../../shared/dossier-section.ts';
import { EthicsSection } from './ethics-section.tsx';
import { HandlingSection } from './handling-section.tsx';
import { SummarySection } from './summary-section.tsx';

/** The back office's sections of a file's page (app/routes.tsx passes them to <DossierPage extraSections>). */
export const BACK_OFFICE_SECTIONS: ExtraDossierSection[] = [
  {
    id: 'synthese',
    title: 'Synthèse pour le conseiller',
    Component: SummarySection,
    show: (user) => (user ? REGISTER_ROLES.includes(user.role) : false),
    placement: 'first',
  },
  {
    id: 'traitement',
    title: 'Traitement de la réclamation',
    Component: HandlingSection,
    show: (user) => (user ? HANDLING_ROLES.includes(user.role) : false),
    placement: 'first',
  },
  {
    id: 'comite-ethique',
    title: 'Comité d’éthique',
    Component: EthicsSection,
    show: (user) => user?.role === 'supervisor',
  },
];
