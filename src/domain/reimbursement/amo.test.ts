import { describe, expect, it } from 'vitest';
import { forfaitJournalier } from './amo.ts';
import { simulateReimbursement } from './engine.ts';
import { ParameterReader } from './explanations.ts';
import { buildParameters } from './parameters.ts';
import type { ActResult, ReimbursementInput } from './schema.ts';
import { anAct, anInput, codes, simulate, simulateOne } from './test-builders.ts';

type ActInput = ReimbursementInput['acts'][number];
type Patient = NonNullable<ReimbursementInput['patient']>;
type Expected = Partial<
  Pick<
    ActResult,
    | 'baseRemboursement'
    | 'amoRate'
    | 'amoGross'
    | 'ticketModerateur'
    | 'majorationHorsParcours'
    | 'heavyActFlat'
    | 'emergencyFlat'
    | 'participationForfaitaire'
    | 'franchise'
    | 'forfaitJournalier'
    | 'amoNet'
    | 'depassement'
  >
>;

describe('AMO share of one act', () => {
  it.each<[string, Partial<ActInput>, Patient, Expected, ReimbursementInput['options']?]>([
    // service-public F17042: 30 € × 70 % = 21 € − 2 € PF = 19 €.
    [
      'F17042: GP 30 € in the parcours → 19 €',
      {},
      { age: 40 },
      {
        baseRemboursement: 3000,
        amoRate: 70,
        amoGross: 2100,
        ticketModerateur: 900,
        participationForfaitaire: 200,
        amoNet: 1900,
      },
    ],
    // F17042: "une consultation à 35 € chez un médecin OPTAM est aussi remboursée 19 €" (BR stays 30 €).
    [
      'F17042: OPTAM GP charging 35 € → 19 €',
      { pricePaid: 3500, sector: 'secteur_2', optam: true },
      { age: 40 },
      { baseRemboursement: 3000, depassement: 500, amoGross: 2100, amoNet: 1900 },
    ],
    // F17042: 30 % outside the parcours: 30 × 30 % = 9 € − 2 € = 7 €; majoration = 21 − 9 = 12 €.
    [
      'F17042: out of parcours → 30 %',
      { parcoursDeSoins: false },
      { age: 40 },
      { amoRate: 30, amoGross: 900, ticketModerateur: 2100, majorationHorsParcours: 1200, amoNet: 700 },
    ],
    // Issue 16: a declared rate (from the décompte) out of the parcours: the majoration is still 70 % − 30 % of the
    // base (F17042, L162-5-3 CSS), measured from the standard rate and not from the declared one.
    [
      'declared 30 % out of parcours → majoration from the standard 70 %',
      { parcoursDeSoins: false, amoRate: 30 },
      { age: 40 },
      { amoRate: 30, amoGross: 900, ticketModerateur: 2100, majorationHorsParcours: 1200, amoNet: 700 },
    ],
    // Declared rate in the parcours: no majoration whatever the rate.
    [
      'declared 70 % in the parcours → no majoration',
      { parcoursDeSoins: true, amoRate: 70 },
      { age: 40 },
      { amoRate: 70, majorationHorsParcours: 0, amoNet: 1900 },
    ],
    // Declared rate out of parcours at 15: the médecin traitant rule starts at 16, no majoration (◐).
    [
      'declared 70 % out of parcours under 16 → no majoration',
      { parcoursDeSoins: false, amoRate: 70 },
      { age: 15 },
      { amoRate: 70, majorationHorsParcours: 0 },
    ],
    // Médecin traitant from 16 (◐): no majoration for a 15-year-old; minor so no PF: 21 €.
    [
      'out of parcours under 16: no majoration',
      { parcoursDeSoins: false },
      { age: 15 },
      { amoRate: 70, majorationHorsParcours: 0, amoNet: 2100 },
    ],
    // PF 1 € before 15/05/2024; G 26,50 €: 26,50 × 70 % = 18,55 € − 1 € = 17,55 €.
    [
      'PF 1 € before 15/05/2024',
      { date: '2024-05-14', pricePaid: 2650 },
      { age: 40 },
      { baseRemboursement: 2650, amoGross: 1855, participationForfaitaire: 100, amoNet: 1755 },
    ],
    [
      'PF 2 € from 15/05/2024',
      { date: '2024-05-15', pricePaid: 2650 },
      { age: 40 },
      { participationForfaitaire: 200, amoNet: 1655 },
    ],
    // Child under 6: 35 € base (docs/sources.md §6); 35 × 70 % = 24,50 €, minor: no PF.
    [
      'child under 6: 35 € base, no PF',
      { pricePaid: 3500 },
      { birthDate: '2022-01-01' },
      { baseRemboursement: 3500, amoGross: 2450, participationForfaitaire: 0, amoNet: 2450 },
    ],
    // Exemptions from PF (docs/sources.md §6): minor, C2S, AME, pregnancy from the 6th month.
    ['minor (17): no PF', {}, { age: 17 }, { participationForfaitaire: 0, amoNet: 2100 }],
    [
      '18 on the day: PF applies',
      {},
      { birthDate: '2008-03-12' },
      { participationForfaitaire: 200, amoNet: 1900 },
    ],
    ['C2S: no PF', {}, { age: 40, c2s: true }, { participationForfaitaire: 0, amoNet: 2100 }],
    ['AME: no PF', {}, { age: 40, ame: true }, { participationForfaitaire: 0, amoNet: 2100 }],
    // Maternity insurance from the 6th month: 100 % (◐) and no PF: 30 €.
    [
      'pregnancy from the 6th month: 100 %, no PF',
      {},
      { age: 30, pregnancyFrom6thMonth: true },
      { amoRate: 100, participationForfaitaire: 0, amoNet: 3000 },
    ],
    // Teleconsultation 25 € (docs/sources.md §6): 17,50 € − 2 € = 15,50 €.
    [
      'teleconsultation 25 €',
      { kind: 'teleconsultation', pricePaid: 2500 },
      { age: 40 },
      { baseRemboursement: 2500, amoGross: 1750, amoNet: 1550 },
    ],
    // Non-OPTAM secteur 2 GP: 23 € base (❌ after 2024) × 70 % = 16,10 € − 2 € = 14,10 €.
    [
      'non-OPTAM GP: 23 € base by default',
      { pricePaid: 5000, sector: 'secteur_2' },
      { age: 40 },
      { baseRemboursement: 2300, amoGross: 1610, amoNet: 1410 },
    ],
    [
      'non-OPTAM GP: base from the option',
      { pricePaid: 5000, sector: 'secteur_2' },
      { age: 40 },
      { baseRemboursement: 3000, amoNet: 1900 },
      { nonOptamGpBase: 3000 },
    ],
    // Dentist: 60 % since Oct 2023 and no PF: 30 × 60 % = 18 €.
    [
      'dentist: 60 %, no PF',
      { kind: 'dentaire_soins', baseRemboursement: 3000 },
      { age: 40 },
      { amoRate: 60, amoGross: 1800, participationForfaitaire: 0, amoNet: 1800 },
    ],
    [
      'dentist before 01/10/2023: 70 %',
      { kind: 'dentaire_soins', date: '2023-09-15', baseRemboursement: 3000 },
      { age: 40 },
      { amoRate: 70, amoNet: 2100 },
    ],
    [
      'dentist with the ameli rate as option',
      { kind: 'dentaire_soins', baseRemboursement: 3000 },
      { age: 40 },
      { amoRate: 70, amoNet: 2100 },
      { dentalRate: 70 },
    ],
    // Midwife: no PF (docs/sources.md §6), 70 % (◐): 25 × 70 % = 17,50 €.
    [
      'midwife: no PF',
      { kind: 'sage_femme', pricePaid: 2500, baseRemboursement: 2500 },
      { age: 40 },
      { participationForfaitaire: 0, amoNet: 1750 },
    ],
    // Auxiliaire médical: 60 %, no PF, franchise 1 €: 20 × 60 % = 12 € − 1 € = 11 €.
    [
      'auxiliary: 60 %, no PF, 1 € franchise',
      { kind: 'auxiliaire_medical', pricePaid: 2000 },
      { age: 40 },
      { amoRate: 60, amoGross: 1200, participationForfaitaire: 0, franchise: 100, amoNet: 1100 },
    ],
    // Medicines 65 %: 3 boxes for 30 €: 19,50 € − 3 × 1 € = 16,50 €.
    [
      'medicines: 3 boxes at 65 %',
      { kind: 'medicament', pricePaid: 3000, quantity: 3 },
      { age: 40 },
      { amoRate: 65, amoGross: 1950, franchise: 300, amoNet: 1650 },
    ],
    // Franchise 0,50 € per box until 30/03/2024 (décret 2024-114): 2 boxes, 10 € at 65 % = 6,50 € − 1 € = 5,50 €.
    [
      'franchise 0,50 € per box on 30/03/2024',
      { kind: 'medicament', date: '2024-03-30', pricePaid: 1000, quantity: 2 },
      { age: 40 },
      { franchise: 100, amoNet: 550 },
    ],
    [
      'franchise 1 € per box on 31/03/2024',
      { kind: 'medicament', date: '2024-03-31', pricePaid: 1000, quantity: 2 },
      { age: 40 },
      { franchise: 200, amoNet: 450 },
    ],
    // Never below 0: a 2 € box at 15 % = 0,30 €; the franchise takes 0,30 €, not 1 €.
    [
      'franchise limited to the AMO amount',
      { kind: 'medicament', pricePaid: 200, amoRate: 15 },
      { age: 40 },
      { amoGross: 30, franchise: 30, amoNet: 0 },
    ],
    // Exemptions from franchises: minors, C2S/AME, maternity (lemediasocial.fr; décret 2024-114).
    [
      'minor: no franchise',
      { kind: 'medicament', pricePaid: 1000 },
      { age: 10 },
      { franchise: 0, amoNet: 650 },
    ],
    ['C2S: no franchise', { kind: 'transport', pricePaid: 5000 }, { age: 40, c2s: true }, { franchise: 0 }],
    [
      'pregnancy: no franchise',
      { kind: 'auxiliaire_medical', pricePaid: 2000 },
      { age: 30, pregnancyFrom6thMonth: true },
      { franchise: 0, amoNet: 2000 },
    ],
    // Transport: 4 € franchise; 50 € at 65 % (◐) = 32,50 € − 4 € = 28,50 €.
    [
      'transport: 4 € franchise',
      { kind: 'transport', pricePaid: 5000 },
      { age: 40 },
      { franchise: 400, amoNet: 2850 },
    ],
    // ALD: 100 %.
    [
      'ALD: 100 %',
      { kind: 'consultation_specialiste', pricePaid: 5000, baseRemboursement: 3000, ald: true },
      { age: 60 },
      { amoRate: 100, amoGross: 3000, amoNet: 2800 },
    ],
    // Hospital 80 % (vie-publique 37905); 3 days across 01/03/2026: 20 + 20 + 23 = 63 €.
    [
      'stay across 01/03/2026: FJ 20 → 23 €',
      { kind: 'hospitalisation', date: '2026-02-27', pricePaid: 100000, baseRemboursement: 100000, days: 3 },
      { age: 40 },
      {
        amoRate: 80,
        amoGross: 80000,
        ticketModerateur: 20000,
        forfaitJournalier: 6300,
        participationForfaitaire: 0,
        amoNet: 80000,
      },
    ],
    [
      'psychiatry across 01/03/2026: 15 + 17 €',
      {
        kind: 'hospitalisation',
        date: '2026-02-28',
        pricePaid: 50000,
        baseRemboursement: 50000,
        days: 2,
        psychiatry: true,
      },
      { age: 40 },
      { forfaitJournalier: 3200 },
    ],
    [
      'ambulatory stay: no FJ',
      { kind: 'hospitalisation', pricePaid: 50000, baseRemboursement: 50000 },
      { age: 40 },
      { forfaitJournalier: 0 },
    ],
    [
      'maternity stay: no FJ',
      { kind: 'hospitalisation', pricePaid: 50000, baseRemboursement: 50000, days: 3 },
      { age: 30, pregnancyFrom6thMonth: true },
      { forfaitJournalier: 0, amoNet: 50000 },
    ],
    // Acts ≥ 120 €: the 24 € flat replaces the TM; 32 € from 22/04/2026 by default (❌ 1 or 22 April).
    [
      'heavy stay on 21/04/2026: 24 €',
      {
        kind: 'hospitalisation',
        date: '2026-04-21',
        pricePaid: 100000,
        baseRemboursement: 100000,
        heavyAct: true,
      },
      { age: 40 },
      { heavyActFlat: 2400, amoGross: 97600, ticketModerateur: 2400 },
    ],
    [
      'heavy stay on 22/04/2026: 32 €',
      {
        kind: 'hospitalisation',
        date: '2026-04-22',
        pricePaid: 100000,
        baseRemboursement: 100000,
        heavyAct: true,
      },
      { age: 40 },
      { heavyActFlat: 3200, amoGross: 96800 },
    ],
    [
      'heavy stay on 21/04/2026 with the 01/04 option: 32 €',
      {
        kind: 'hospitalisation',
        date: '2026-04-21',
        pricePaid: 100000,
        baseRemboursement: 100000,
        heavyAct: true,
      },
      { age: 40 },
      { heavyActFlat: 3200 },
      { heavyActFlatIncreaseDate: '2026-04-01' },
    ],
    // Technical act of 150 € detected as heavy: 150 − 24 = 126 € − 2 € PF = 124 €.
    [
      'technical act ≥ 120 €: flat, PF still due',
      { kind: 'acte_technique', pricePaid: 15000, baseRemboursement: 15000 },
      { age: 40 },
      { heavyActFlat: 2400, amoGross: 12600, participationForfaitaire: 200, amoNet: 12400 },
    ],
    [
      'technical act of 119,99 €: 70 %',
      { kind: 'acte_technique', pricePaid: 11999, baseRemboursement: 11999 },
      { age: 40 },
      { heavyActFlat: 0, amoGross: 8399 },
    ],
    [
      'heavy stay in ALD: 100 %, no flat',
      { kind: 'hospitalisation', pricePaid: 100000, baseRemboursement: 100000, heavyAct: true, ald: true },
      { age: 40 },
      { heavyActFlat: 0, amoGross: 100000 },
    ],
    // Forfait patient urgences (arrêté 17/12/2021): 19,61 €, 23 € from 01/03/2026 (draft texts).
    [
      'emergency 19,61 € in February 2026',
      { kind: 'urgences', date: '2026-02-01', pricePaid: 15000, baseRemboursement: 15000 },
      { age: 40 },
      { emergencyFlat: 1961, amoGross: 13039, ticketModerateur: 1961 },
    ],
    [
      'emergency 23 € from 01/03/2026',
      { kind: 'urgences', date: '2026-03-05', pricePaid: 2300 },
      { age: 40 },
      { emergencyFlat: 2300, amoGross: 0 },
    ],
    [
      'emergency reduced (ALD) 8,49 €',
      { kind: 'urgences', date: '2026-02-01', pricePaid: 15000, baseRemboursement: 15000, ald: true },
      { age: 40 },
      { emergencyFlat: 849 },
    ],
    // Reimbursed within the expense (◐): a 25 € GP consultation is reimbursed on 25 €.
    [
      'base limited to the price',
      { pricePaid: 2500 },
      { age: 40 },
      { baseRemboursement: 2500, amoGross: 1750 },
    ],
    [
      'not reimbursable',
      { kind: 'non_remboursable', pricePaid: 6000 },
      { age: 40 },
      { baseRemboursement: 0, amoGross: 0, amoNet: 0 },
    ],
  ])('%s', (_name, act, patient, expected, options) => {
    const result = simulateOne(act, { patient, options });
    expect(result).toMatchObject(expected);
  });

  it('explains each amount with its source (F17042 example)', () => {
    const act = simulateOne({});
    const net = act.explanations.find((e) => e.code === 'amo.net');
    expect(net?.text).toBe(
      "Versé par l'Assurance maladie : 21,00 € − 2,00 € de participation forfaitaire = 19,00 €.",
    );
    expect(net?.source).toContain('F17042');
    for (const e of act.explanations) expect(e.source.length).toBeGreaterThan(0);
  });

  it('warns that the date of the 32 € flat is unsettled for an act between 1 and 21 April 2026', () => {
    const act = simulateOne({
      kind: 'hospitalisation',
      date: '2026-04-10',
      pricePaid: 100000,
      baseRemboursement: 100000,
      heavyAct: true,
    });
    expect(codes(act)).toContain('heavy_act_flat.uncertain_date');
  });

  it('refuses a specialist act without a base, naming the field', () => {
    const r = simulateReimbursement(
      anInput({ acts: [anAct({ kind: 'consultation_specialiste', pricePaid: 5000 })] }),
    );
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'missing_base', field: 'acts[0].baseRemboursement' },
    });
  });
});

describe('caps on the participation forfaitaire and the franchises', () => {
  it('PF: 4 € per day with the same doctor (◐), not across doctors', () => {
    // Three acts the same day with dr-a: 2 + 2 + 0 (cap 4 €); a fourth with dr-b: 2.
    const out = simulate(
      anInput({
        acts: [
          anAct({ practitionerId: 'dr-a' }),
          anAct({ practitionerId: 'dr-a' }),
          anAct({ practitionerId: 'dr-a' }),
          anAct({ practitionerId: 'dr-b' }),
        ],
      }),
    );
    expect(out.acts.map((a) => a.participationForfaitaire)).toEqual([200, 200, 0, 200]);
    expect(codes(out.acts[2]!)).toContain('pf.daily_cap');
  });

  it('PF: 50 € per year, counting what was already borne, reset on 1 January', () => {
    // 49 € already borne in 2026: 1 € then 0 €; on 05/01/2027 the counter restarts: 2 €.
    const out = simulate(
      anInput({
        patient: { age: 40, alreadyBorneThisYear: { participationForfaitaire: 4900, franchises: 0 } },
        acts: [anAct({ date: '2026-11-02' }), anAct({ date: '2026-11-03' }), anAct({ date: '2027-01-05' })],
      }),
    );
    expect(out.acts.map((a) => a.participationForfaitaire)).toEqual([100, 0, 200]);
    expect(codes(out.acts[0]!)).toContain('pf.yearly_cap');
    expect(out.yearCounters).toEqual([
      { year: 2026, participationForfaitaire: 5000, franchises: 0 },
      { year: 2027, participationForfaitaire: 200, franchises: 0 },
    ]);
  });

  it('franchises: 4 €/day on paramedical acts, 8 €/day on transports, since 31/03/2024', () => {
    // 5 paramedical acts (5 €) → 4 €; one more the same day → 0 €; next day → 1 €.
    // 3 transports (12 €) → 8 €.
    const out = simulate(
      anInput({
        acts: [
          anAct({ kind: 'auxiliaire_medical', pricePaid: 10000, quantity: 5 }),
          anAct({ kind: 'auxiliaire_medical', pricePaid: 2000 }),
          anAct({ kind: 'auxiliaire_medical', date: '2026-03-13', pricePaid: 2000 }),
          anAct({ kind: 'transport', pricePaid: 15000, quantity: 3 }),
        ],
      }),
    );
    expect(out.acts.map((a) => a.franchise)).toEqual([400, 0, 100, 800]);
    expect(codes(out.acts[0]!)).toContain('franchise.daily_cap');
  });

  it('franchises: 2 €/day on paramedical acts before 31/03/2024', () => {
    // 5 × 0,50 € = 2,50 € → capped at 2 €.
    const act = simulateOne({
      kind: 'auxiliaire_medical',
      date: '2024-03-01',
      pricePaid: 10000,
      quantity: 5,
    });
    expect(act.franchise).toBe(200);
  });

  it('franchises: 50 € per year, separate from the PF cap', () => {
    // 49,50 € of franchises already borne: 2 boxes → 0,50 €. The PF, with its own cap, is untouched: 2 €.
    const out = simulate(
      anInput({
        patient: { age: 40, alreadyBorneThisYear: { participationForfaitaire: 0, franchises: 4950 } },
        acts: [anAct({ kind: 'medicament', pricePaid: 2000, quantity: 2 }), anAct({})],
      }),
    );
    expect(out.acts[0]?.franchise).toBe(50);
    expect(codes(out.acts[0]!)).toContain('franchise.yearly_cap');
    expect(out.acts[1]?.participationForfaitaire).toBe(200);
  });
});

describe('forfait journalier', () => {
  it.each([
    // Each day from admission, discharge day included, at the value in force that day.
    ['2026-02-26', 5, false, 2000 * 3 + 2300 * 2],
    ['2026-03-01', 1, false, 2300],
    ['2026-02-27', 2, true, 1500 * 2],
    ['2026-02-28', 3, true, 1500 + 1700 * 2],
  ])('stay from %s for %i days (psychiatry %s) → %i cents', (date, days, psychiatry, expected) => {
    const result = forfaitJournalier(date, days, psychiatry, buildParameters(), new ParameterReader());
    expect(result.amount).toBe(expected);
    expect(result.explanation.source).toContain('vie-publique');
  });
});
