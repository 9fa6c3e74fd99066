import { readFileSync } from 'node:fs';
import type { LetterDossierInput } from './schema.ts';

/** Test data builders over the shipped example (the demo member's crown dispute against Mutuelle Démo). */
export function exampleDossier(): LetterDossierInput {
  return JSON.parse(readFileSync(new URL('./example-dossier.json', import.meta.url), 'utf8'));
}

type Patch = {
  [K in keyof LetterDossierInput]?: LetterDossierInput[K] extends object | undefined
    ? Partial<NonNullable<LetterDossierInput[K]>>
    : LetterDossierInput[K];
};

/** The example with parts replaced (one level deep: `dossier: { facts }` replaces the facts only). */
export function aDossier(patch: Patch = {}): LetterDossierInput {
  const base = exampleDossier() as Record<string, unknown>;
  for (const [key, value] of Object.entries(patch)) {
    const current = base[key];
    base[key] =
      value && typeof value === 'object' && !Array.isArray(value) && current && typeof current === 'object'
        ? { ...(current as object), ...value }
        : value;
  }
  return base as LetterDossierInput;
}

/** The same member against the CPAM du Rhône, with a decision notified on 05/11/2026. */
export function cpamDossier(): LetterDossierInput {
  const d = aDossier({
    organisation: {
      name: 'CPAM du Rhône',
      kind: 'cpam',
      postalAddress: ['69907 Lyon Cedex 20'],
      mediator: undefined,
      department: undefined,
    },
  });
  d.dossier.title = 'Refus de remboursement de séances de kinésithérapie';
  d.dossier.facts = { complaintSentOn: '2026-11-10', cpamDecisionNotifiedOn: '2026-11-05' };
  d.letters = [];
  delete d.organisation.mediator;
  return d;
}

/** The example with the member's last employment (portability). */
export function portabilityDossier(): LetterDossierInput {
  const d = exampleDossier();
  d.dossier.facts = {
    ...d.dossier.facts,
    employmentContractStartOn: '2024-03-01',
    employmentContractEndOn: '2026-10-31',
  };
  return d;
}

/** The example after a mediation that failed, with a formal notice sent: ready for the tribunal judiciaire. */
export function courtDossier(): LetterDossierInput {
  const d = exampleDossier();
  d.dossier.facts = {
    ...d.dossier.facts,
    answerReceivedOn: '2026-10-01',
    answerOutcome: 'rejected',
    mediatorSeizedOn: '2026-10-05',
    mediationEndedOn: '2026-11-16',
  };
  d.letters = [...(d.letters ?? []), { type: 'mise_en_demeure', date: '2026-09-30' }];
  return d;
}

/** The CPAM file after the commission de recours amiable rejected the appeal (notified 02/11/2026). */
export function poleSocialDossier(): LetterDossierInput {
  const d = cpamDossier();
  d.dossier.amountCents = 123456;
  d.shortfalls = [];
  d.dossier.facts = {
    ...d.dossier.facts,
    cpamDecisionNotifiedOn: '2026-07-01',
    craSeizedOn: '2026-09-10',
    craDecisionNotifiedOn: '2026-11-02',
    craDecisionMentionedRemedies: true,
  };
  return d;
}
