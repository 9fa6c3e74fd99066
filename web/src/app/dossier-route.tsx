import { BACK_OFFICE_SECTIONS } from '../features/back-office/sections.ts';
import { DossierPage } from '../features/dossiers/dossier-page.tsx';
import { INTAKE_SECTIONS } from '../features/intake/sections.ts';
import { LETTERS_SECTIONS } from '../features/letters/letters-section.tsx';
import { MEDIATION_SECTIONS } from '../features/mediation/sections.ts';
import { MEDICAL_SECTIONS } from '../features/medical/sections.ts';

/** Sections other features add to a file's page (each shows itself only to the roles it serves). */
const FILE_SECTIONS = [
  ...INTAKE_SECTIONS,
  ...LETTERS_SECTIONS,
  ...MEDIATION_SECTIONS,
  ...BACK_OFFICE_SECTIONS,
  ...MEDICAL_SECTIONS,
];

/** A file's page with every feature's sections: its own chunk, loaded when a file is opened. */
export function DossierRoute() {
  return <DossierPage extraSections={FILE_SECTIONS} />;
}
