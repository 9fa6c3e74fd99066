import { ORGANISATION_STAFF_ROLES } from '../../../../src/domain/dossiers/permissions.ts';
import type { ExtraDossierSection } from '../../shared/dossier-section.ts';
import { IntakeSection } from './intake-section.tsx';

/** The intake's section of a file's page: for the organisation's staff (app/routes.tsx plugs it in). */
export const INTAKE_SECTIONS: ExtraDossierSection[] = [
  {
    id: 'reception',
    title: 'Réception de la réclamation',
    Component: IntakeSection,
    show: (user) => (user ? ORGANISATION_STAFF_ROLES.includes(user.role) : false),
  },
];
