import type { ExtraDossierSection } from '../../shared/dossier-section.ts';
import { OpinionsSection } from './opinions-section.tsx';

/** The medical adviser's section of a file's page (app/routes.tsx passes it to <DossierPage extraSections>). */
export const MEDICAL_SECTIONS: ExtraDossierSection[] = [
  {
    id: 'avis-medical',
    title: 'Avis du médecin-conseil',
    Component: OpinionsSection,
    // Staff of the organisation and the member and mediator who may read the detail; the API decides the rest.
    show: (user) => user !== null,
  },
];
