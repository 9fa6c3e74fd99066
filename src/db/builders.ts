import type { OrganisationKind } from '../contracts/organisation-kinds.ts';
import { type NewDossier, newReference } from './repositories/dossiers.ts';

/** The organisation a file is addressed to, as stored (`organisations`). */
export interface OrganisationRef {
  id: string;
  name: string;
  kind: OrganisationKind;
}

/**
 * A file as `insertDossier` takes it, with the defaults a file has when a member opens it and transmits it, so that
 * a test or the demo seed writes only what it is about (issue 13: each test sets up what it reads). Dates of the
 * facts are the caller's: nothing here reads the clock but `transmittedAt`, which the caller may give.
 */
export function aDossier(
  memberId: string,
  organisation: OrganisationRef,
  values: Partial<NewDossier> = {},
): NewDossier {
  const at = values.createdAt ?? values.updatedAt;
  return {
    reference: values.reference ?? newReference((at ?? new Date()).getUTCFullYear()),
    memberId,
    organisationId: organisation.id,
    organisationName: organisation.name,
    organisationKind: organisation.kind,
    category: 'reimbursement_contested',
    title: 'Remboursement contesté',
    description: '',
    status: 'submitted',
    transmittedAt: at ?? new Date(),
    ...values,
  };
}
