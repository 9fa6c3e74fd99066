import { z } from 'zod';

/** The kinds of organisation facing the member: each has its own code and its own mediator. */
export const ORGANISATION_KINDS = ['mutuelle', 'insurer', 'institution_prevoyance', 'cpam'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

export const ORGANISATION_KIND_LABELS = {
  mutuelle: 'Mutuelle',
  insurer: 'Assureur',
  institution_prevoyance: 'Institution de prévoyance',
  cpam: 'CPAM (Assurance maladie)',
} as const satisfies Record<OrganisationKind, string>;

/** An organisation kind in a request, refused with the values a caller may send. */
export const organisationKindSchema = z.enum(ORGANISATION_KINDS, {
  error: (issue) =>
    `Type d'organisme inconnu : ${JSON.stringify(issue.input)}. Valeurs possibles : ${ORGANISATION_KINDS.join(', ')}.`,
});
