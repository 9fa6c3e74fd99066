import { describe, expect, it } from 'vitest';
import { describeGuarantee, selectGuarantee } from './amc.ts';
import { type GuaranteeInput, GuaranteeSchema, type ReimbursementInput } from './schema.ts';
import { aGuarantee, anAct, anInput, codes, simulate, simulateOne } from './test-builders.ts';

type ActInput = ReimbursementInput['acts'][number];

const responsible = (...guarantees: GuaranteeInput[]) => ({ contract: { responsible: true, guarantees } });
const notResponsible = (...guarantees: GuaranteeInput[]) => ({
  contract: { responsible: false, guarantees },
});

const specialist = (pricePaid: number, extra: Partial<ActInput> = {}): Partial<ActInput> => ({
  kind: 'consultation_specialiste',
  pricePaid,
  baseRemboursement: 3000,
  sector: 'secteur_2',
  ...extra,
});
const specialistLine = (percent: number, extra: Partial<GuaranteeInput> = {}) =>
  aGuarantee({ kind: 'consultation_specialiste', label: 'Consultations spécialistes', percent, ...extra });

describe('AMC share: guarantee as written, principe indemnitaire, contrat responsable', () => {
  it.each<
    [
      string,
      Partial<ActInput>,
      Partial<ReimbursementInput>,
      { amc: number; resteACharge: number; code?: string },
    ]
  >([
    // GP 30 €, 100 % BR: 30 − 21 = 9 € (the TM); the 2 € PF stays with the patient (R871-1).
    [
      '100 % BR on the F17042 GP consultation',
      {},
      responsible(aGuarantee()),
      { amc: 900, resteACharge: 200 },
    ],
    // A 5 € flat line is below the TM: the contrat responsable imposes 9 € (R871-2).
    [
      'responsible contract: TM floor over a 5 € flat',
      {},
      responsible(aGuarantee({ mode: 'flat', amount: 500 })),
      { amc: 900, resteACharge: 200, code: 'amc.responsible_tm' },
    ],
    [
      'non-responsible contract: the 5 € flat as written',
      {},
      notResponsible(aGuarantee({ mode: 'flat', amount: 500 })),
      { amc: 500, resteACharge: 600 },
    ],
    // Responsible contract and no line at all: the TM is still due.
    [
      'responsible contract without a line: TM still due',
      {},
      responsible(),
      { amc: 900, resteACharge: 200, code: 'amc.responsible_tm' },
    ],
    // Frais réels: 30 − 19 = 11 € may include the PF only outside a contrat responsable (R871-1).
    [
      'non-responsible frais réels may cover the PF',
      {},
      notResponsible(aGuarantee({ mode: 'real_expense', percent: undefined })),
      { amc: 1100, resteACharge: 0 },
    ],
    [
      'responsible frais réels may not cover the PF',
      {},
      responsible(aGuarantee({ mode: 'real_expense', percent: undefined })),
      { amc: 900, resteACharge: 200, code: 'amc.responsible_excluded' },
    ],
    // "X % BR en plus de la SS": 100 % × 30 = 30 €, but never more than 30 − 19 = 11 € (principe indemnitaire).
    [
      'principe indemnitaire caps 100 % BR on top of the AMO',
      {},
      notResponsible(aGuarantee({ mode: 'percent_br_excluding_amo' })),
      { amc: 1100, resteACharge: 0, code: 'amc.indemnitaire' },
    ],
    // Out of parcours, 100 % BR: raw 30 − 9 = 21 €; the majoration (12 €) and PF may not be covered → 9 €.
    [
      'out of parcours: the majoration is not covered',
      { parcoursDeSoins: false },
      responsible(aGuarantee({ percent: 200 })),
      { amc: 900, resteACharge: 1400, code: 'amc.responsible_excluded' },
    ],
    // Issue 16: the same with the rate declared from the décompte (30 %): R871-1 CSS still excludes the majoration.
    [
      'declared 30 % out of parcours: the majoration is still not covered (R871-1)',
      { parcoursDeSoins: false, amoRate: 30 },
      responsible(aGuarantee({ percent: 200 })),
      { amc: 900, resteACharge: 1400, code: 'amc.responsible_excluded' },
    ],
    // OPTAM specialist 60 €, 200 % BR: 60 − 21 = 39 € ≤ 60 − 21 → 39 €; reste 2 € (PF).
    [
      'OPTAM specialist 60 € at 200 % BR',
      specialist(6000, { optam: true }),
      responsible(specialistLine(200)),
      { amc: 3900, resteACharge: 200 },
    ],
    // Non-OPTAM specialist 80 €, 300 % BR: raw 90 − 21 = 69 → 61 (indemnitaire) → 59 (no PF)
    // → TM 9 + 100 % BR 30 = 39 € (R871-2 cap); reste 80 − 19 − 39 = 22 €.
    [
      'non-OPTAM specialist 80 €: dépassement cover capped at 100 % BR',
      specialist(8000),
      responsible(specialistLine(300)),
      { amc: 3900, resteACharge: 2200, code: 'amc.responsible_non_optam_cap' },
    ],
    [
      'OPTAM specialist 80 € at 300 % BR: no such cap',
      specialist(8000, { optam: true }),
      responsible(specialistLine(300)),
      { amc: 5900, resteACharge: 200 },
    ],
    [
      'non-OPTAM specialist, non-responsible contract: no such cap',
      specialist(8000),
      notResponsible(specialistLine(300)),
      { amc: 6100, resteACharge: 0 },
    ],
    // Medicines 65 %: 10 − 6,50 = 3,50 € (the 1 € franchise is not covered).
    [
      'medicine at 65 %: TM covered, franchise not',
      { kind: 'medicament', pricePaid: 1000 },
      responsible(aGuarantee({ kind: 'medicament', label: 'Pharmacie' })),
      { amc: 350, resteACharge: 100 },
    ],
    // Medicines at 15 % are outside the TM obligation (docs/sources.md §6): AMO 1,50 € − 1 € franchise = 0,50 €, reste 9,50 €.
    [
      'medicine at 15 %: no TM obligation',
      { kind: 'medicament', pricePaid: 1000, amoRate: 15 },
      responsible(),
      { amc: 0, resteACharge: 950, code: 'amc.responsible_tm_exempt.medicine_15' },
    ],
    // 30 % medicines: obligation not confirmed (❌) → not applied by default, applied with the option: 10 − 3 = 7 €.
    [
      'medicine at 30 %: not enforced by default',
      { kind: 'medicament', pricePaid: 1000, amoRate: 30 },
      responsible(),
      { amc: 0, resteACharge: 800, code: 'amc.responsible_tm_exempt.medicine_30' },
    ],
    [
      'medicine at 30 %: enforced with the option',
      { kind: 'medicament', pricePaid: 1000, amoRate: 30 },
      { ...responsible(), options: { responsibleCoversModerateMedicineTm: true } },
      { amc: 700, resteACharge: 100 },
    ],
    // Chambre particulière 3 days at 60 €, line 50 €/day: 150 €; with a 100 € yearly ceiling: 100 €.
    [
      'private room 50 €/day',
      { kind: 'chambre_particuliere', pricePaid: 18000, days: 3 },
      responsible(
        aGuarantee({
          kind: 'chambre_particuliere',
          label: 'Chambre particulière',
          mode: 'flat',
          amount: 5000,
          amountPer: 'day',
        }),
      ),
      { amc: 15000, resteACharge: 3000 },
    ],
    [
      'private room with a 100 € ceiling',
      { kind: 'chambre_particuliere', pricePaid: 18000, days: 3 },
      responsible(
        aGuarantee({
          kind: 'chambre_particuliere',
          label: 'Chambre particulière',
          mode: 'flat',
          amount: 5000,
          amountPer: 'day',
          yearlyCeiling: 10000,
        }),
      ),
      { amc: 10000, resteACharge: 8000 },
    ],
    // Stay across 01/03/2026 (FJ 20 + 20 + 23 + 23 = 86 €), 100 % BR on 1 000 €: 200 € + FJ 86 € imposed (R871-2).
    [
      'hospital stay: FJ imposed without a line',
      { kind: 'hospitalisation', date: '2026-02-27', pricePaid: 100000, baseRemboursement: 100000, days: 4 },
      responsible(aGuarantee({ kind: 'hospitalisation', label: 'Hospitalisation' })),
      { amc: 28600, resteACharge: 0, code: 'amc.responsible_forfait_journalier' },
    ],
    [
      'hospital stay, non-responsible without FJ line',
      { kind: 'hospitalisation', date: '2026-02-27', pricePaid: 100000, baseRemboursement: 100000, days: 4 },
      notResponsible(aGuarantee({ kind: 'hospitalisation', label: 'Hospitalisation' })),
      { amc: 20000, resteACharge: 8600 },
    ],
    [
      'hospital stay with a frais réels FJ line',
      { kind: 'hospitalisation', date: '2026-02-27', pricePaid: 100000, baseRemboursement: 100000, days: 4 },
      notResponsible(
        aGuarantee({ kind: 'hospitalisation', label: 'Hospitalisation' }),
        aGuarantee({ kind: 'forfait_journalier', label: 'Forfait journalier', mode: 'real_expense' }),
      ),
      { amc: 28600, resteACharge: 0 },
    ],
    // Heavy act on 22/04/2026: the 32 € flat is the TM: 100 % BR pays it.
    [
      'heavy act: 100 % BR covers the 32 € flat',
      {
        kind: 'hospitalisation',
        date: '2026-04-22',
        pricePaid: 100000,
        baseRemboursement: 100000,
        heavyAct: true,
      },
      responsible(aGuarantee({ kind: 'hospitalisation', label: 'Hospitalisation' })),
      { amc: 3200, resteACharge: 0 },
    ],
    // Crown outside 100 % Santé: 500 €, BR 120 €, 60 % = 72 €; 300 % BR: 360 − 72 = 288 €; reste 140 €.
    [
      'crown, panier libre, 300 % BR',
      { kind: 'dentaire_prothese', pricePaid: 50000, baseRemboursement: 12000 },
      responsible(aGuarantee({ kind: 'dentaire_prothese', label: 'Prothèses dentaires', percent: 300 })),
      { amc: 28800, resteACharge: 14000 },
    ],
    // 100 % Santé crown: no reste à charge with a responsible contract: 500 − 72 = 428 €.
    [
      'crown, 100 % Santé: no reste à charge',
      { kind: 'dentaire_prothese', pricePaid: 50000, baseRemboursement: 12000, panier100Sante: true },
      responsible(aGuarantee({ kind: 'dentaire_prothese', label: 'Prothèses dentaires', percent: 125 })),
      { amc: 42800, resteACharge: 0, code: 'amc.responsible_panier_100_sante' },
    ],
    // C2S: TM paid (9 €), no PF: reste 0; the table is ignored.
    [
      'C2S: TM paid, no PF, no reste à charge',
      {},
      { patient: { age: 40, c2s: true }, ...responsible(aGuarantee({ mode: 'flat', amount: 100 })) },
      { amc: 900, resteACharge: 0, code: 'amc.c2s.replaces_contract' },
    ],
    [
      'C2S hospital stay: FJ paid',
      { kind: 'hospitalisation', date: '2026-02-27', pricePaid: 100000, baseRemboursement: 100000, days: 4 },
      { patient: { age: 40, c2s: true } },
      { amc: 28600, resteACharge: 0 },
    ],
    [
      'C2S 100 % Santé glasses: no reste à charge',
      { kind: 'optique', pricePaid: 10000, baseRemboursement: 10000, panier100Sante: true },
      { patient: { age: 40, c2s: true } },
      { amc: 4000, resteACharge: 0 },
    ],
    ['no contract: nothing', {}, {}, { amc: 0, resteACharge: 1100, code: 'amc.no_contract' }],
  ])('%s', (_name, act, overrides, expected) => {
    const result = simulateOne(act, overrides);
    expect({ amc: result.amc, resteACharge: result.resteACharge }).toEqual({
      amc: expected.amc,
      resteACharge: expected.resteACharge,
    });
    if (expected.code) expect(codes(result)).toContain(expected.code);
  });

  it('explains the responsible-contract adjustment in French, as the user will read it', () => {
    const act = simulateOne({}, responsible(aGuarantee({ mode: 'flat', amount: 500 })));
    const e = act.explanations.find((x) => x.code === 'amc.responsible_tm');
    expect(e?.text).toBe(
      'Le contrat responsable impose la prise en charge du ticket modérateur : 9,00 € (le tableau de garanties prévoyait 5,00 €).',
    );
    expect(e?.source).toContain('R871-2');
    expect(act.amcComponents[0]).toMatchObject({ amount: 900, imposedByLaw: 400 });
  });
});

describe('yearly ceilings and counts, consumed act after act in date order', () => {
  it('counts: 3 sessions a year, 1 already used; a new year restarts', () => {
    // Osteopathy 30 € per session, 3 per year, 1 already used: 30, 30, 0; in 2027: 30.
    const line = aGuarantee({
      kind: 'non_remboursable',
      label: 'Médecines douces',
      mode: 'flat',
      amount: 3000,
      yearlyCount: 3,
      alreadyUsed: { amount: 3000, count: 1 },
    });
    const osteo = (date: string) => anAct({ kind: 'non_remboursable', pricePaid: 6000, date });
    const out = simulate(
      anInput({
        acts: [osteo('2026-01-10'), osteo('2026-02-10'), osteo('2026-03-10'), osteo('2027-01-10')],
        ...responsible(line),
      }),
    );
    expect(out.acts.map((a) => a.amc)).toEqual([3000, 3000, 0, 3000]);
  });

  it('ceilings: the earlier act is served first, whatever the input order; the TM floor still applies', () => {
    // Crowns BR 120 €, 400 €, 200 % BR: 240 − 72 = 168 € each, ceiling 200 €/year.
    // 01/02 first: 168 €; 01/05: 32 € left, raised to the TM (48 €) by the contrat responsable.
    const line = aGuarantee({
      kind: 'dentaire_prothese',
      label: 'Prothèses dentaires',
      percent: 200,
      yearlyCeiling: 20000,
    });
    const crown = (date: string) =>
      anAct({ kind: 'dentaire_prothese', pricePaid: 40000, baseRemboursement: 12000, date });
    const out = simulate(anInput({ acts: [crown('2026-05-01'), crown('2026-02-01')], ...responsible(line) }));
    expect(out.acts.map((a) => a.amc)).toEqual([4800, 16800]);
    expect(codes(out.acts[0]!)).toContain('amc.responsible_tm');
  });

  it('a yearly flat budget over two years: one pair of glasses every 2 years', () => {
    // Glasses BR 10 €, 60 % = 6 €; 100 % BR + 100 € tous les 2 ans: 4 + 100 = 104 €;
    // a second pair in 2027 (same period): 4 €; in 2028 (new period): 104 € again.
    const line = aGuarantee({
      kind: 'optique',
      label: 'Optique',
      mode: 'percent_br_plus_flat',
      percent: 100,
      amount: 10000,
      amountPer: 'year',
      periodYears: 2,
    });
    const glasses = (date: string) =>
      anAct({ kind: 'optique', pricePaid: 30000, baseRemboursement: 1000, date });
    const out = simulate(
      anInput({
        acts: [glasses('2026-03-01'), glasses('2027-03-01'), glasses('2028-03-01')],
        ...responsible(line),
      }),
    );
    expect(out.acts.map((a) => a.amc)).toEqual([10400, 400, 10400]);
  });

  it('a flat "100 € par an" budget spread over acts', () => {
    // Forfait 100 €/an on non-reimbursable care: 60 € then 40 € then 0 €.
    const line = aGuarantee({
      kind: 'non_remboursable',
      label: 'Médecines douces',
      mode: 'flat',
      amount: 10000,
      amountPer: 'year',
    });
    const osteo = (date: string) => anAct({ kind: 'non_remboursable', pricePaid: 6000, date });
    const out = simulate(
      anInput({
        acts: [osteo('2026-01-10'), osteo('2026-02-10'), osteo('2026-03-10')],
        ...responsible(line),
      }),
    );
    expect(out.acts.map((a) => a.amc)).toEqual([6000, 4000, 0]);
  });
});

describe('which line applies', () => {
  const lines = [
    GuaranteeSchema.parse(specialistLine(100, { label: 'Spécialistes (tous)' })),
    GuaranteeSchema.parse(specialistLine(200, { label: 'Spécialistes OPTAM', practitioner: 'optam' })),
    GuaranteeSchema.parse(
      specialistLine(150, { label: 'Spécialistes non OPTAM', practitioner: 'non_optam' }),
    ),
  ];
  it.each([
    ['secteur_1', false, 'Spécialistes OPTAM'],
    ['secteur_2', true, 'Spécialistes OPTAM'],
    ['secteur_2', false, 'Spécialistes non OPTAM'],
    ['non_conventionne', false, 'Spécialistes non OPTAM'],
  ] as const)('%s, OPTAM %s → %s', (sector, optam, label) => {
    const sel = selectGuarantee(lines, 'consultation_specialiste', { sector, optam, panier100Sante: false });
    expect(sel?.guarantee.label).toBe(label);
  });

  it.each<[string, GuaranteeInput]>([
    ['200 % BR', aGuarantee({ percent: 200 })],
    ['50 % BR en plus de la Sécurité sociale', aGuarantee({ mode: 'percent_br_excluding_amo', percent: 50 })],
    [
      '100 % BR + 150,00 € par an',
      aGuarantee({ mode: 'percent_br_plus_flat', percent: 100, amount: 15000, amountPer: 'year' }),
    ],
    ['50,00 € par jour', aGuarantee({ mode: 'flat', amount: 5000, amountPer: 'day' })],
    [
      '200,00 € tous les 2 ans',
      aGuarantee({ mode: 'flat', amount: 20000, amountPer: 'year', periodYears: 2 }),
    ],
    ['30,00 € par acte, 4 actes par an', aGuarantee({ mode: 'flat', amount: 3000, yearlyCount: 4 })],
    ['frais réels', aGuarantee({ mode: 'real_expense' })],
  ])('describes a guarantee as « %s »', (text, g) => {
    expect(describeGuarantee(GuaranteeSchema.parse(g))).toBe(text);
  });
});
