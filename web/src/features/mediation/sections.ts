import type { ExtraDossierSection } from '../../shared/dossier-section.ts';
import { MediatorSection } from './mediator-section.tsx';
import { ReferSection } from './refer-section.tsx';

/** The mediation sections of a file's page (app/routes.tsx passes them to <DossierPage extraSections>). */
export const MEDIATION_SECTIONS: ExtraDossierSection[] = [
  {
    id: 'mediateur',
    title: 'Saisir le médiateur',
    Component: ReferSection,
    show: (user) => user?.role === 'member',
  },
  {
    id: 'mediation',
    title: 'Médiation',
    Component: MediatorSection,
    show: (user) => user?.role === 'mediator',
  },
];
