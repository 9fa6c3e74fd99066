import { describe, expect, it } from 'vitest';
import { computeDeadlines } from './engine.ts';
import example from './example-input.json' with { type: 'json' };
import { deadlinesOutputSchema } from './schema.ts';
import { file } from './test-builders.ts';

describe('computeDeadlines: input validation (French messages naming the field, never throws)', () => {
  it.each([
    [
      'impossible date 2026-02-30',
      file({ context: { today: '2026-02-30' } }),
      'invalid_date',
      'context.today',
    ],
    [
      'badly formatted date',
      file({ facts: { complaintSentOn: '02/03/2026' } }),
      'invalid_date',
      'facts.complaintSentOn',
    ],
    ['unknown zone', file({ context: { zone: 'corse' as 'metropole' } }), 'unknown_value', 'context.zone'],
    [
      'unknown organisation',
      file({ context: { organisationType: 'banque' as 'cpam' } }),
      'unknown_value',
      'context.organisationType',
    ],
    [
      'misspelt fact',
      file({ facts: { complaintSendOn: '2026-03-02' } as object }),
      'unknown_field',
      'facts.complaintSendOn',
    ],
    ['missing today', { context: { organisationType: 'mutuelle' } }, 'missing_field', 'context.today'],
    [
      'answer before the complaint',
      file({
        facts: { complaintSentOn: '2026-03-10', answerReceivedOn: '2026-03-01', answerOutcome: 'rejected' },
      }),
      'inconsistent_dates',
      'facts.answerReceivedOn',
    ],
    [
      'CRA seized before the decision was notified',
      file({
        context: { organisationType: 'cpam' },
        facts: { cpamDecisionNotifiedOn: '2026-03-10', craSeizedOn: '2026-03-01' },
      }),
      'inconsistent_dates',
      'facts.craSeizedOn',
    ],
    [
      'a past event dated after today',
      file({ context: { today: '2026-03-01' }, facts: { complaintSentOn: '2026-03-02' } }),
      'date_in_future',
      'facts.complaintSentOn',
    ],
    [
      'a registered letter dated after today',
      file({
        context: { today: '2026-03-01' },
        facts: { claimEventOn: '2026-01-01', interruptionLetters: ['2026-01-15', '2026-04-01'] },
      }),
      'date_in_future',
      'facts.interruptionLetters[1]',
    ],
    [
      'answer without its outcome',
      file({ facts: { complaintSentOn: '2026-03-02', answerReceivedOn: '2026-04-01' } }),
      'missing_fact',
      'facts.answerOutcome',
    ],
    [
      'notice both sent and never sent',
      file({ facts: { annualNoticeSentOn: '2026-01-01', annualNoticeNotSent: true } }),
      'inconsistent_facts',
      'facts.annualNoticeNotSent',
    ],
    [
      'unknown roll-over id',
      file({ options: { rollOverDeadlines: ['complaint.nope' as 'complaint.answer'] } }),
      'unknown_value',
      'options.rollOverDeadlines[0]',
    ],
    [
      'out-of-range option',
      file({ options: { acknowledgmentDays: 0 } }),
      'out_of_range',
      'options.acknowledgmentDays',
    ],
  ])('%s → %s on %s', (_name, input, code, field) => {
    const result = computeDeadlines(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe(code);
    expect(result.error.field).toBe(field);
    expect(result.error.message).toMatch(/[a-zé]/);
  });

  it('names the impossible date in its message', () => {
    const result = computeDeadlines(file({ facts: { claimEventOn: '2025-02-29' } }));
    expect(result.ok || result.error.message).toBe(
      "facts.claimEventOn : Date impossible : 2025-02-29 n'existe pas dans le calendrier.",
    );
  });

  it.each([null, undefined, 42, 'text', [], { context: null }, { context: {}, facts: [] }])(
    'refuses %j without throwing',
    (input) => {
      const result = computeDeadlines(input);
      expect(result.ok).toBe(false);
    },
  );
});

describe('computeDeadlines: a whole realistic file (docs/deadlines.md example) at 15/06/2026', () => {
  const result = computeDeadlines(example);
  if (!result.ok) throw new Error(result.error.message);
  const output = result.value;

  it('matches the output schema', () => {
    expect(deadlinesOutputSchema.safeParse(output).success).toBe(true);
  });

  it.each([
    // Mon 02/03/2026 + 10 jours ouvrables (Sun 08/03 skipped) = Fri 13/03; acknowledged 20/03 → missed.
    ['complaint.acknowledgment', '2026-03-13', 'missed', -94],
    // 02/03/2026 + 2 months = 02/05/2026; answered 29/04.
    ['complaint.answer', '2026-05-02', 'met', null],
    // Opens on the rejection 29/04/2026, closes 1 year after the complaint; seized 06/05/2026.
    ['mediation.referral_window', '2027-03-02', 'met', null],
    // File complete 11/05/2026 + 21 days = 01/06/2026; the R612-2 notice came on 20/05.
    ['mediation.inadmissibility_notice', '2026-06-01', 'met', null],
    // Notified 20/05/2026 + 90 days = 18/08/2026.
    ['mediation.outcome', '2026-08-18', 'open', 64],
    // 12/11/2025 + 2 years, interrupted by the letter of 15/01/2026 (→ 15/01/2028), suspended since 06/05/2026.
    ['prescription.benefits', null, 'suspended', null],
    // Contribution due 31/01/2024 + 2 years = 31/01/2026: no longer claimable.
    ['prescription.contributions', '2026-01-31', 'missed', -135],
    // Renewal 01/01/2027 − 2 months = 01/11/2026.
    ['termination.annual', '2026-11-01', 'open', 139],
    // Subscribed 01/01/2019: termination at any time since the rule came into force, 01/12/2020.
    ['termination.anytime', null, 'open', null],
  ])('%s: due %s, %s, daysLeft %s', (id, dueDate, status, daysLeft) => {
    const d = output.deadlines.find((x) => x.id === id);
    expect(d, id).toBeDefined();
    expect(d?.dueDate).toBe(dueDate);
    expect(d?.status).toBe(status);
    expect(d?.daysLeft).toBe(daysLeft);
    expect(d?.rule.length).toBeGreaterThan(20);
    expect(d?.source.length).toBeGreaterThan(5);
    expect(d?.action.length).toBeGreaterThan(5);
    expect(d?.computation.length).toBeGreaterThan(5);
  });

  it('returns exactly these deadlines', () => {
    expect(output.deadlines).toHaveLength(9);
  });

  it('says the prescription will have 619 days left after the mediation (06/05/2026 → 15/01/2028)', () => {
    expect(output.deadlines.find((d) => d.id === 'prescription.benefits')?.rule).toContain('619 jours');
  });

  it('lists every convention with its value and a French explanation', () => {
    expect(output.conventions.map((c) => c.option)).toEqual([
      'acknowledgmentDays',
      'acknowledgmentDayKind',
      'complaintCountFrom',
      'mediationOutcomeFrom',
      'mutuelleMediator',
      'prescriptionSuspensionFrom',
      'cpamBenefitsInKindPrescription',
      'goodFridayInAlsace',
      'rollOverDeadlines',
    ]);
    expect(output.conventions.every((c) => c.isDefault)).toBe(true);
    expect(output.conventions.find((c) => c.option === 'rollOverDeadlines')?.value).toEqual([
      'cpam.cra_referral',
      'cpam.tribunal_referral',
    ]);
  });

  it('flags a non-default option', () => {
    const r = computeDeadlines({ ...example, options: { acknowledgmentDayKind: 'ouvres' } });
    expect(r.ok && r.value.conventions.find((c) => c.option === 'acknowledgmentDayKind')?.isDefault).toBe(
      false,
    );
  });
});

describe('computeDeadlines: a CPAM file in Alsace-Moselle at 15/06/2026', () => {
  const result = computeDeadlines({
    context: { organisationType: 'cpam', zone: 'alsace_moselle', today: '2026-06-15' },
    facts: {
      complaintSentOn: '2026-02-25',
      cpamDecisionNotifiedOn: '2026-02-20',
      craSeizedOn: '2026-03-10',
      claimEventOn: '2026-01-20',
      cpamBenefitKind: 'especes',
    },
  });
  if (!result.ok) throw new Error(result.error.message);

  it.each([
    ['mediation.referral_window', null, 'open', null],
    // 20/02/2026 + 2 months = Mon 20/04/2026 (working day); CRA seized 10/03.
    ['cpam.cra_referral', '2026-04-20', 'met', null],
    // 10/03/2026 + 2 months = 10/05/2026: implicit rejection (R142-6).
    ['cpam.cra_decision', '2026-05-10', 'missed', -36],
    // 10/05/2026 + 2 months = Fri 10/07/2026 (working day, no roll-over needed).
    ['cpam.tribunal_referral', '2026-07-10', 'open', 25],
    // Q1 2026 → quarter from 01/04/2026 → last day 31/03/2028 (L332-1).
    ['prescription.cpam_benefits', '2028-03-31', 'open', 655],
  ])('%s: due %s, %s', (id, dueDate, status, daysLeft) => {
    const d = result.value.deadlines.find((x) => x.id === id);
    expect(d?.dueDate).toBe(dueDate);
    expect(d?.status).toBe(status);
    expect(d?.daysLeft).toBe(daysLeft);
  });

  it('has no ACPR, consumer-mediation or termination deadline', () => {
    expect(result.value.deadlines).toHaveLength(5);
  });
});

describe('example-output.json (shown by `recours deadlines --help` and docs/deadlines.md)', () => {
  it('is what the engine returns for example-input.json (regenerate with `npx vitest run src/domain/deadlines -u`)', async () => {
    const result = computeDeadlines(example);
    await expect(`${JSON.stringify(result.ok ? result.value : result, null, 2)}\n`).toMatchFileSnapshot(
      './example-output.json',
    );
  });
});
