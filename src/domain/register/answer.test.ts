import { describe, expect, it } from 'vitest';
import { MEDIATORS } from '../deadlines/parameters.ts';
import { competentMediatorFor, type ReasonedAnswerInput, reasonedAnswerText } from './answer.ts';

const base: ReasonedAnswerInput = {
  reference: 'REC-2026-ABCDEF',
  organisationName: 'Mutuelle Démo',
  organisationKind: 'mutuelle',
  outcome: 'rejected',
  reasons: 'Le tableau de garanties limite la prise en charge à 100 % de la base de remboursement.',
  decidedOn: '2026-11-23',
  complaintSentOn: '2026-10-02',
  mediator: competentMediatorFor({ kind: 'mutuelle', mediatorName: null, mediatorContact: null }),
};

// ACPR 2024-R-02 (content of the answer): written, reasoned, naming the competent mediator and how to seize him.
// C. consom. L616-1: the professional gives the mediator's details whenever a complaint could not be settled.
describe('reasonedAnswerText (ACPR 2024-R-02; C. consom. L616-1)', () => {
  it.each([
    ['mutuelle without a declared mediator → FNMF', 'mutuelle', MEDIATORS.fnmf.name],
    ['insurer → La Médiation de l’Assurance', 'insurer', MEDIATORS.lma.name],
    ['institution de prévoyance → CTIP', 'institution_prevoyance', MEDIATORS.ctip.name],
    ['CPAM → the CPAM mediator (CSS L217-7-1)', 'cpam', MEDIATORS.cpam.name],
  ] as const)('%s', (_name, kind, mediatorName) => {
    const mediator = competentMediatorFor({ kind, mediatorName: null, mediatorContact: null });
    const text = reasonedAnswerText({ ...base, organisationKind: kind, mediator });
    expect(text).toContain(mediatorName);
    expect(text).toContain(mediator.howToSeize);
    expect(text).toContain('2024-R-02');
    expect(text).toContain('L616-1');
  });

  it('names the mediator the organisation declared, with his address', () => {
    const mediator = competentMediatorFor({
      kind: 'mutuelle',
      mediatorName: 'Médiateur de la Mutualité Française',
      mediatorContact: 'FNMF, 255 rue de Vaugirard, 75719 Paris Cedex 15',
    });
    const text = reasonedAnswerText({ ...base, mediator });
    expect(text).toContain('Médiateur de la Mutualité Française');
    expect(text).toContain('255 rue de Vaugirard');
  });

  it.each([
    ['rejected', 'Nous ne pouvons pas faire droit', 'Si cette réponse ne vous satisfait pas'],
    ['partial', 'en partie seulement', 'Si cette réponse ne vous satisfait pas'],
    // Even an accepted complaint names the mediator: the ACPR page asks it of every answer.
    ['accepted', 'Nous faisons droit à votre réclamation.', 'Si nous ne tenions pas cet engagement'],
  ] as const)('outcome %s: says the decision and keeps the mediator', (outcome, decision, lead) => {
    const text = reasonedAnswerText({ ...base, outcome });
    expect(text).toContain(decision);
    expect(text).toContain(lead);
    expect(text).toContain(base.reasons);
  });

  it('reminds the one-year limit and that mediation is free (L612-2, R612-1), dates in French', () => {
    const text = reasonedAnswerText(base);
    expect(text).toContain('L612-2');
    expect(text).toContain('R612-1');
    expect(text).toContain('02/10/2026');
    expect(text).toContain('23/11/2026');
  });

  it('points a CPAM answer to the commission de recours amiable (CSS R142-1)', () => {
    const mediator = competentMediatorFor({ kind: 'cpam', mediatorName: null, mediatorContact: null });
    const text = reasonedAnswerText({ ...base, organisationKind: 'cpam', mediator });
    expect(text).toContain('commission de recours amiable');
    expect(text).not.toContain('L612-2');
  });
});
