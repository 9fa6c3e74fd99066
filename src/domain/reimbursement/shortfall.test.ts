import { describe, expect, it } from 'vitest';
import type { GuaranteeInput, ReimbursementInput } from './schema.ts';
import { detectShortfalls } from './shortfall.ts';
import { aGuarantee, anAct, anInput, simulate } from './test-builders.ts';

const contract = (...guarantees: GuaranteeInput[]) => ({ responsible: true, guarantees });
const specialistLine = aGuarantee({
  kind: 'consultation_specialiste',
  label: 'Consultations spécialistes',
  percent: 200,
});
// Specialist OPTAM, 35 € on 12/03/2026, BR 30 €: AMO 21 − 2 = 19 €; 200 % BR: 60 − 21 = 39 €,
// capped at 35 − 21 = 14 € (no PF under a contrat responsable).
const specialist = anAct({
  kind: 'consultation_specialiste',
  pricePaid: 3500,
  baseRemboursement: 3000,
  sector: 'secteur_2',
  optam: true,
});

function run(overrides: Partial<ReimbursementInput>) {
  return simulate(anInput({ acts: [specialist], contract: contract(specialistLine), ...overrides }));
}

describe('shortfall detection', () => {
  it.each<[string, number, number, number | undefined]>([
    // [what, paid by the mutual, tolerance, expected difference or none]
    ['exact payment', 1400, 1, undefined],
    ['1 cent short, within the default tolerance', 1399, 1, undefined],
    ['2 cents short, beyond it', 1398, 1, 2],
    ['5 € short', 900, 1, 500],
    ['within a 5 € tolerance', 900, 500, undefined],
    ['overpaid by 1 €', 1500, 1, -100],
  ])('%s', (_name, paid, tolerance, difference) => {
    const out = run({ paid: [{ actId: 'acte-1', amc: paid }], tolerance });
    if (difference === undefined) expect(out.shortfalls).toEqual([]);
    else expect(out.shortfalls.map((s) => s.difference)).toEqual([difference]);
  });

  it('writes a sentence ready for a complaint letter, with the guarantee line', () => {
    const [s] = run({ paid: [{ actId: 'acte-1', amc: 900 }] }).shortfalls;
    expect(s).toMatchObject({
      payer: 'amc',
      expected: 1400,
      paid: 900,
      difference: 500,
      direction: 'underpaid',
      guarantees: [{ index: 0, label: 'Consultations spécialistes', value: '200 % BR' }],
    });
    expect(s?.sentence).toBe(
      'Pour la consultation du 12/03/2026 (prix 35,00 €), votre garantie « Consultations spécialistes : 200 % BR » prévoit 14,00 € ; vous avez versé 9,00 €, soit 5,00 € de moins.',
    );
  });

  it('quotes the part imposed by the contrat responsable', () => {
    // Line "5 € par acte" on the F17042 GP consultation: 9 € due (TM), of which 4 € imposed by R871-2.
    const out = simulate(
      anInput({
        contract: contract(aGuarantee({ mode: 'flat', amount: 500, label: 'Consultations généralistes' })),
        paid: [{ actId: 'acte-1', amc: 500 }],
      }),
    );
    expect(out.shortfalls[0]?.sentence).toBe(
      'Pour la consultation du 12/03/2026 (prix 30,00 €), votre garantie « Consultations généralistes : 5,00 € par acte » prévoit 9,00 € ; vous avez versé 5,00 €, soit 4,00 € de moins. Ce montant comprend 4,00 € que le contrat responsable doit prendre en charge (article R871-2 du code de la sécurité sociale).',
    );
  });

  it('checks the Assurance maladie too when its payment is given', () => {
    // F17042: 19 € due; 18 € paid.
    const out = simulate(anInput({ paid: [{ actId: 'acte-1', amo: 1800 }] }));
    expect(out.shortfalls).toHaveLength(1);
    expect(out.shortfalls[0]?.sentence).toBe(
      "Pour la consultation du 12/03/2026 (prix 30,00 €), l'Assurance maladie devait verser 19,00 € (base 30,00 € × 70 %, moins 2,00 € de participation forfaitaire) ; elle a versé 18,00 €, soit 1,00 € de moins.",
    );
  });

  it('names both lines of a hospital stay and its forfait journalier', () => {
    const out = simulate(
      anInput({
        acts: [
          anAct({
            kind: 'hospitalisation',
            date: '2026-02-27',
            pricePaid: 100000,
            baseRemboursement: 100000,
            days: 4,
          }),
        ],
        contract: contract(
          aGuarantee({ kind: 'hospitalisation', label: 'Hospitalisation' }),
          aGuarantee({ kind: 'forfait_journalier', label: 'Forfait journalier', mode: 'real_expense' }),
        ),
        paid: [{ actId: 'acte-1', amc: 20000 }],
      }),
    );
    expect(out.shortfalls[0]?.sentence).toBe(
      "Pour l'hospitalisation du 27/02/2026 (prix 1 000,00 €, forfait journalier 86,00 €), vos garanties « Hospitalisation : 100 % BR » et « Forfait journalier : frais réels » prévoient 286,00 € ; vous avez versé 200,00 €, soit 86,00 € de moins.",
    );
  });

  it('ignores payments for unknown acts (the engine refuses them earlier)', () => {
    expect(detectShortfalls([], [{ actId: 'x', amc: 100 }], 1)).toEqual([]);
  });
});
