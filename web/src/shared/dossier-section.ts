import type { ComponentType } from 'react';
import type { User } from './session.ts';

/**
 * A section another feature adds to a file's page (`/dossiers/:id`), e.g. the back office's handling actions.
 * The feature exports its sections; `app/routes.tsx` passes them to the page:
 *   <DossierPage extraSections={BACK_OFFICE_SECTIONS} />
 * so that no feature imports another. The component renders its own <section> with an h2 whose id is
 * `${id}-titre` (the page's table of contents links to `#${id}`).
 */
export interface DossierSectionProps {
  dossierId: string;
  user: User | null;
  /** What every section may need of the file without fetching it again. */
  dossier: { id: string; organisationKind: string };
  /** May this person write in the file (the member, or a handler of the file's organisation)? */
  canWrite: boolean;
}

export interface ExtraDossierSection {
  id: string;
  /** The h2 and the entry of the table of contents. */
  title: string;
  Component: ComponentType<DossierSectionProps>;
  /** Shown only when this returns true (e.g. to staff of the file's organisation). */
  show?: (user: User | null) => boolean;
  /** 'first': before the page's own sections (the staff's summary and actions come before the member's advice). */
  placement?: 'first';
}
