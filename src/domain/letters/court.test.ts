import { describe, expect, it } from 'vitest';
import { draftLetter } from './draft.ts';
import { NBSP } from './format.ts';
import { courtDossier, exampleDossier, poleSocialDossier } from './test-builders.ts';

const text = (type: 'requete_tribunal' | 'saisine_pole_social', dossier: unknown) => {
  const result = draftLetter(type, dossier);
  if (!result.ok) throw new Error(result.error.message);
  const l = result.value;
  return { letter: l, all: [l.subject, ...l.recipient, ...l.body, ...l.enclosures].join('\n') };
};

describe('requête au tribunal judiciaire (CPC art. 750, 750-1, 757, 761)', () => {
  it('states the claim in euros, the grounds, the prior mediation, no lawyer and legal aid', () => {
    const { letter, all } = text('requete_tribunal', courtDossier());
    expect(letter.recipient).toEqual(['Tribunal judiciaire de Lyon', 'Service du greffe']);
    expect(all).toContain(`la somme de 111,00${NBSP}€`);
    // Interest from the formal notice (C. civ. art. 1231-6).
    expect(all).toContain('à compter de la mise en demeure du 30/09/2026');
    expect(all).toContain('Exposé sommaire des motifs');
    // The prior amicable attempt of CPC art. 750-1, with its dates.
    expect(all).toMatch(/j’ai saisi le Médiateur de la Mutualité Française le 05\/10\/2026/i);
    expect(all).toContain('la médiation a pris fin le 16/11/2026 sans accord');
    expect(all).toContain('article 761 du Code de procédure civile');
    expect(all).toContain('aide juridictionnelle');
    expect(letter.enclosures).toHaveLength(4);
    // Two years from the event (C. mutualité L221-11), 02/09/2028, suspended for the 42 days of the mediation
    // (C. civ. art. 2238): 14/10/2028, the deadline engine's date.
    expect(letter.answerBy?.date).toBe('2028-10-14');
    expect(all).toContain('prescription de deux ans, le 14/10/2028');
  });

  it.each([
    [
      'without a prior amicable attempt (CPC art. 750-1: inadmissible up to 5 000 €)',
      exampleDossier(),
      'missing_fact',
      'dossier.facts.mediatorSeizedOn',
    ],
    [
      'above 5 000 €: an assignation, not a requête (CPC art. 750)',
      (() => {
        const d = courtDossier();
        d.shortfalls = [];
        d.dossier.amountCents = 650000;
        return d;
      })(),
      'assignation_required',
      'type',
    ],
    [
      'without an amount',
      (() => {
        const d = courtDossier();
        d.shortfalls = [];
        delete d.dossier.amountCents;
        return d;
      })(),
      'missing_amount',
      'dossier.amountCents',
    ],
    ['for a CPAM (the pôle social instead)', poleSocialDossier(), 'not_applicable', 'type'],
  ] as const)('is refused %s', (_why, dossier, code, field) => {
    const result = draftLetter('requete_tribunal', dossier);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error).toMatchObject({ code, field });
      expect(result.error.message).toMatch(/[éèà]/);
    }
  });

  it('says 6 500,00 € in the refusal, French style', () => {
    const d = courtDossier();
    d.shortfalls = [];
    d.dossier.amountCents = 650000;
    const result = draftLetter('requete_tribunal', d);
    expect(!result.ok && result.error.message).toContain(`6${NBSP}500,00${NBSP}€`);
  });
});

describe('recours devant le pôle social (CSS R142-1 s.)', () => {
  it('contests the decision after the CRA, within the 2 months of R142-1-A, amounts in French', () => {
    const { letter, all } = text('saisine_pole_social', poleSocialDossier());
    expect(letter.recipient).toEqual(['Tribunal judiciaire de Lyon', 'Pôle social – Service du greffe']);
    expect(letter.sendingNote).toMatch(/recommandée/);
    expect(all).toContain('notifiée le 01/07/2026');
    expect(all).toContain('décision notifiée le 02/11/2026');
    // 02/11/2026 + 2 months = 02/01/2027 (CPC art. 641), a Saturday → Monday 04/01/2027 (CPC art. 642).
    expect(all).toContain('qui expire le 04/01/2027');
    expect(letter.answerBy?.date).toBe('2027-01-04');
    expect(all).toContain(`1${NBSP}234,56${NBSP}€`);
    expect(all).toContain('L134-4');
    expect(letter.references.map((r) => r.label)).toContain('Décision notifiée le');
  });

  it('after an implicit rejection (R142-6: 2 months of silence)', () => {
    const d = poleSocialDossier();
    delete d.dossier.facts!.craDecisionNotifiedOn;
    d.dossier.facts!.craAcknowledgmentMentionedRemedies = true;
    const { all } = text('saisine_pole_social', d);
    expect(all).toContain('son silence vaut rejet');
  });

  it.each([
    [
      'before the CRA was seized',
      (() => {
        const d = poleSocialDossier();
        delete d.dossier.facts!.craSeizedOn;
        delete d.dossier.facts!.craDecisionNotifiedOn;
        return d;
      })(),
      'missing_fact',
    ],
    [
      'while the CRA may still decide',
      (() => {
        const d = poleSocialDossier();
        d.dossier.facts!.craSeizedOn = '2026-11-01';
        delete d.dossier.facts!.craDecisionNotifiedOn;
        return d;
      })(),
      'too_early',
    ],
    ['for a mutuelle', courtDossier(), 'not_applicable'],
  ] as const)('is refused %s', (_why, dossier, code) => {
    const result = draftLetter('saisine_pole_social', dossier);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe(code);
  });
});
