import { describe, expect, it } from 'vitest';
import { draftLetter } from '../letters/draft.ts';
import { mediationChecks } from '../letters/mediation-checks.ts';
import { letterDossierSchema } from '../letters/schema.ts';
import { aDossier } from '../letters/test-builders.ts';
import { competentMediatorFor, reasonedAnswerText } from '../register/answer.ts';
import { competentMediator, mutuelleMediatorOption, schemeOfName } from './competent-mediator.ts';
import { MEDIATORS } from './parameters.ts';

// Reference §3 and C. consom. L612-1, L616-1: the professional names the mediator he comes under; a mutuelle
// comes under the FNMF mediator unless it adheres to La Médiation de l'Assurance (LMA); CSS L217-7-1 for a CPAM.
describe('competentMediator: decided in one place', () => {
  it.each([
    ['mutuelle, nothing declared → FNMF', 'mutuelle', null, 'fnmf', false],
    ['insurer, nothing declared → LMA', 'insurer', null, 'lma', false],
    ['institution de prévoyance → CTIP', 'institution_prevoyance', null, 'ctip', false],
    ['CPAM → its own mediator (CSS L217-7-1)', 'cpam', null, 'cpam', false],
    ['mutuelle that adheres to LMA', 'mutuelle', 'La Médiation de l’Assurance', 'lma', true],
    ['mutuelle naming LMA by its initials', 'mutuelle', 'LMA – TSA 50110', 'lma', true],
    ['mutuelle naming the FNMF mediator', 'mutuelle', 'Médiateur de la Mutualité Française', 'fnmf', true],
    ['mutuelle with a mediator Recours does not know', 'mutuelle', 'Médiation CM2C', 'fnmf', true],
  ] as const)('%s', (_name, kind, mediatorName, scheme, declared) => {
    const mediator = competentMediator({ kind, mediatorName });
    expect(mediator.scheme).toBe(scheme);
    expect(mediator.declared).toBe(declared);
    if (!declared) expect(mediator.name).toBe(MEDIATORS[scheme].name);
  });

  it('an unknown declared mediator is seized at its own address, not on a scheme website', () => {
    const mediator = competentMediator({
      kind: 'mutuelle',
      mediatorName: 'Médiation CM2C',
      mediatorContact: '14 rue Saint-Jean\n75017 Paris',
    });
    expect(mediator.howToSeize).toContain('14 rue Saint-Jean, 75017 Paris');
    expect(mediator.howToSeize).not.toContain('mediateur-mutualite.fr');
  });

  it.each([
    ['Médiation de l’Assurance', 'lma'],
    ['MEDIATION DE L ASSURANCE', 'lma'],
    ['Médiateur de la protection sociale (CTIP)', 'ctip'],
    ['Médiateur de la CPAM du Rhône', 'cpam'],
    ['Médiation CM2C', undefined],
  ] as const)('scheme of « %s »', (name, scheme) => {
    expect(schemeOfName(name)).toBe(scheme);
  });

  it('the deadline engine option follows the choice', () => {
    expect(mutuelleMediatorOption({ kind: 'mutuelle', mediatorName: 'La Médiation de l’Assurance' })).toBe(
      'lma',
    );
    expect(mutuelleMediatorOption({ kind: 'mutuelle' })).toBe('fnmf');
  });
});

// Issue 13's bug: a mutuelle that chose LMA had the FNMF mediator named in answers and mediation checks.
describe('a mutuelle that adheres to LMA never has the FNMF mediator named', () => {
  const lma = { name: 'La Médiation de l’Assurance', postalAddress: ['TSA 50110', '75441 Paris Cedex 09'] };
  const dossier = () =>
    aDossier({ organisation: { mediator: { ...lma, howToSeize: MEDIATORS.lma.howToSeize } } });

  it('in the reasoned answer (register/answer.ts)', () => {
    const mediator = competentMediatorFor({
      kind: 'mutuelle',
      mediatorName: lma.name,
      mediatorContact: lma.postalAddress.join('\n'),
    });
    const text = reasonedAnswerText({
      reference: 'REC-2026-ABCDEF',
      organisationName: 'Mutuelle Démo',
      organisationKind: 'mutuelle',
      outcome: 'rejected',
      reasons: 'Le tableau de garanties limite la prise en charge à 100 % de la base.',
      decidedOn: '2026-11-23',
      mediator,
    });
    expect(text).toContain('La Médiation de l’Assurance');
    expect(text).not.toMatch(/Mutualit/);
  });

  it('in the mediation checks and their deadline window (letters/mediation-checks.ts)', () => {
    const checks = mediationChecks(letterDossierSchema.parse(dossier()));
    expect(checks.ok).toBe(true);
    if (!checks.ok) return;
    expect(checks.value.mediator.name).toBe(lma.name);
    expect(JSON.stringify(checks.value)).not.toMatch(/Mutualit/);
  });

  it('in the letter to the mediator (letters/draft.ts)', () => {
    const letter = draftLetter('saisine_mediateur', dossier());
    expect(letter.ok).toBe(true);
    if (!letter.ok) return;
    expect(JSON.stringify(letter.value)).toContain('Médiation de l’Assurance');
    expect(JSON.stringify(letter.value)).not.toMatch(/Mutualit/);
  });
});
