import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulateReimbursement } from './engine.ts';
import { ReimbursementInputSchema, ReimbursementOutputSchema } from './schema.ts';
import { aGuarantee, anAct, anInput, simulate } from './test-builders.ts';

const example = () => JSON.parse(readFileSync(new URL('./example-input.json', import.meta.url), 'utf8'));

describe('validation: a Result naming the field, never an exception', () => {
  it.each<[string, unknown, string, string]>([
    ['negative price', anInput({ acts: [anAct({ pricePaid: -100 })] }), 'acts[0].pricePaid', 'négatif'],
    [
      'price in euros with decimals',
      anInput({ acts: [anAct({ pricePaid: 30.5 })] }),
      'acts[0].pricePaid',
      'centimes',
    ],
    [
      'BR above 100 000 €',
      anInput({ acts: [anAct(), anAct(), anAct({ baseRemboursement: 10_000_001 })] }),
      'acts[2].baseRemboursement',
      '100 000 €',
    ],
    ['unknown act kind', anInput({ acts: [anAct({ kind: 'massage' as never })] }), 'acts[0].kind', 'massage'],
    ['rate above 100 %', anInput({ acts: [anAct({ amoRate: 120 })] }), 'acts[0].amoRate', 'entre 0 et 100'],
    ['negative rate', anInput({ acts: [anAct({ amoRate: -5 })] }), 'acts[0].amoRate', 'entre 0 et 100'],
    ['impossible date', anInput({ acts: [anAct({ date: '2026-02-30' })] }), 'acts[0].date', '2026-02-30'],
    ['French date format', anInput({ acts: [anAct({ date: '12/03/2026' })] }), 'acts[0].date', 'AAAA-MM-JJ'],
    [
      'date before the parameter tables',
      anInput({ acts: [anAct({ date: '2021-12-31' })] }),
      'acts[0].date',
      '01/01/2022',
    ],
    ['act before birth', anInput({ patient: { birthDate: '2026-04-01' } }), 'acts[0].date', 'naissance'],
    ['no act', anInput({ acts: [] }), 'acts', 'au moins un acte'],
    [
      'missing price',
      { acts: [{ date: '2026-03-12', kind: 'consultation_generaliste' }] },
      'acts[0].pricePaid',
      'centimes',
    ],
    [
      'duplicate act id',
      anInput({ acts: [anAct({ id: 'a' }), anAct({ id: 'a' })] }),
      'acts[1].id',
      'déjà utilisé',
    ],
    [
      'payment for an unknown act',
      anInput({ paid: [{ actId: 'acte-9', amc: 100 }] }),
      'paid[0].actId',
      'acte-9',
    ],
    [
      'guarantee without its percentage',
      anInput({ contract: { responsible: true, guarantees: [aGuarantee({ percent: undefined })] } }),
      'contract.guarantees[0].percent',
      'pourcentage',
    ],
    [
      'unknown guarantee mode',
      anInput({ contract: { responsible: true, guarantees: [aGuarantee({ mode: 'gratuit' as never })] } }),
      'contract.guarantees[0].mode',
      'gratuit',
    ],
    ['negative age', anInput({ patient: { age: -1 } }), 'patient.age', 'négatif'],
    [
      'missing BR for a specialist',
      anInput({ acts: [anAct({ kind: 'consultation_specialiste' })] }),
      'acts[0].baseRemboursement',
      'décompte',
    ],
    [
      'no default base for a child before 22/12/2024',
      anInput({ acts: [anAct({ date: '2024-06-01' })], patient: { birthDate: '2020-01-01' } }),
      'acts[0].baseRemboursement',
      'aucun tarif',
    ],
  ])('%s → %s', (_name, input, field, words) => {
    const r = simulateReimbursement(input);
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.field).toBe(field);
      expect(r.error.message).toContain(words);
    }
  });

  it.each([null, undefined, 42, 'acts', [], { acts: 'x' }, { acts: [null] }, { acts: [{}] }])(
    'does not throw on %j',
    (input) => {
      expect(() => simulateReimbursement(input)).not.toThrow();
      expect(simulateReimbursement(input).ok).toBe(false);
    },
  );

  it('names the act in French in the message', () => {
    const r = simulateReimbursement(anInput({ acts: [anAct(), anAct({ pricePaid: -1 })] }));
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Acte n° 2 : Le prix payé ne peut pas être négatif.' },
    });
  });
});

describe('simulation of a request', () => {
  it('runs the documented example: GP consultation, crown, stay across 01/03/2026, and finds the shortfalls', () => {
    const out = simulate(example());
    // GP (F17042): AMO 19 €, AMC 9 € (150 % BR capped: no PF under a contrat responsable).
    expect(out.acts[0]).toMatchObject({ amoNet: 1900, amc: 900, resteACharge: 200 });
    // Crown BR 120 € at 60 %: AMO 72 €; 300 % BR: 360 − 72 = 288 €; paid 168 € → 120 € short.
    expect(out.acts[1]).toMatchObject({ amoNet: 7200, amc: 28800, resteACharge: 19000 });
    // Stay 26/02 → 01/03/2026: FJ 3 × 20 + 23 = 83 €; heavy act: AMO 1 500 − 24 = 1 476 €;
    // AMC 24 + 83 = 107 €; paid 84 € (FJ at the old 20 €) → 23 € short.
    expect(out.acts[2]).toMatchObject({
      forfaitJournalier: 8300,
      amoNet: 147600,
      amc: 10700,
      resteACharge: 30000,
    });
    expect(out.shortfalls.map((s) => [s.actId, s.payer, s.difference])).toEqual([
      ['couronne', 'amc', 12000],
      ['hospitalisation', 'amc', 2300],
    ]);
    // PF: 6 € already borne + 2 € = 8 €.
    expect(out.yearCounters).toEqual([{ year: 2026, participationForfaitaire: 800, franchises: 1200 }]);
    expect(ReimbursementOutputSchema.safeParse(out).success).toBe(true);
  });

  it('keeps the acts in input order and totals add up', () => {
    const out = simulate(example());
    expect(out.acts.map((a) => a.id)).toEqual(['consultation', 'couronne', 'hospitalisation']);
    const sum = (k: 'amoNet' | 'amc' | 'resteACharge' | 'totalExpense') =>
      out.acts.reduce((s, a) => s + a[k], 0);
    expect(out.totals).toMatchObject({
      amoNet: sum('amoNet'),
      amc: sum('amc'),
      resteACharge: sum('resteACharge'),
      totalExpense: sum('totalExpense'),
    });
    for (const a of out.acts) expect(a.totalExpense).toBe(a.amoNet + a.amc + a.resteACharge);
  });

  it('lists the unsettled parameters it used', () => {
    const out = simulate(example());
    expect(out.warnings.map((w) => w.code)).toContain('parameter.dentalRate');
  });

  it('warns when the age is unknown', () => {
    const out = simulate({ acts: [anAct()] });
    expect(out.warnings.map((w) => w.code)).toContain('patient.age_unknown');
    expect(out.acts[0]?.participationForfaitaire).toBe(200);
  });

  it('accepts the example through the input schema (the API contract)', () => {
    expect(ReimbursementInputSchema.safeParse(example()).success).toBe(true);
  });

  it('documents every input field for OpenAPI', async () => {
    const { toJSONSchema } = await import('zod');
    const schema = toJSONSchema(ReimbursementInputSchema, { io: 'input' }) as unknown as {
      properties: { acts: { items: { properties: Record<string, { description?: string }> } } };
    };
    const props = Object.entries(schema.properties.acts.items.properties);
    expect(props.length).toBeGreaterThan(15);
    for (const [name, prop] of props) {
      expect(prop.description, name).toBeTruthy();
    }
  });
});
