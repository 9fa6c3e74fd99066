import { describe, expect, it } from 'vitest';
import {
  buildParameters,
  type DatedParameter,
  type ParameterOptions,
  type ReimbursementParameters,
  valueOn,
} from './parameters.ts';

type Row = [keyof ReimbursementParameters, string, number | boolean | undefined, string, ParameterOptions?];

describe('dated parameters: the value on a date', () => {
  it.each<Row>([
    // PF 1 € until 14/05/2024, 2 € from 15/05/2024 (docs/sources.md §6; service-public F17042).
    ['participationForfaitaire', '2024-05-14', 100, 'PF 1 € the day before the change'],
    ['participationForfaitaire', '2024-05-15', 200, 'PF 2 € from 15/05/2024'],
    // Franchises doubled on 31/03/2024 (décret 2024-114 du 16/02/2024).
    ['franchiseMedicine', '2024-03-30', 50, '0,50 € per box before 31/03/2024'],
    ['franchiseMedicine', '2024-03-31', 100, '1 € per box from 31/03/2024'],
    ['franchiseParamedicalDailyCap', '2024-03-30', 200, 'paramedical daily cap 2 € before'],
    ['franchiseParamedicalDailyCap', '2024-03-31', 400, 'paramedical daily cap 4 € after'],
    ['franchiseTransport', '2024-03-31', 400, '4 € per transport'],
    ['franchiseTransportDailyCap', '2024-03-31', 800, 'transport daily cap 8 €'],
    ['franchiseYearlyCap', '2026-06-01', 5000, 'franchises: own yearly cap of 50 €'],
    ['participationForfaitaireYearlyCap', '2026-06-01', 5000, 'PF: own yearly cap of 50 €'],
    // Forfait journalier 20 € → 23 € (psychiatry 15 € → 17 €) on 01/03/2026 (docs/sources.md §6).
    ['forfaitJournalier', '2026-02-28', 2000, 'FJ 20 € until 28/02/2026'],
    ['forfaitJournalier', '2026-03-01', 2300, 'FJ 23 € from 01/03/2026'],
    ['forfaitJournalierPsychiatry', '2026-02-28', 1500, 'psychiatry 15 €'],
    ['forfaitJournalierPsychiatry', '2026-03-01', 1700, 'psychiatry 17 €'],
    // Acts ≥ 120 €: 24 € → 32 €; date unsettled (❌), default 22/04/2026 (quechoisir.org).
    ['heavyActFlat', '2026-04-21', 2400, '24 € the day before the default date'],
    ['heavyActFlat', '2026-04-22', 3200, '32 € from the default date'],
    [
      'heavyActFlat',
      '2026-04-01',
      3200,
      '32 € from 01/04/2026 when chosen',
      { heavyActFlatIncreaseDate: '2026-04-01' },
    ],
    // Forfait patient urgences 19,61 € (arrêté 17/12/2021) → 23 € (draft texts: 01/03/2026).
    ['emergencyFlat', '2026-02-28', 1961, 'FPU 19,61 €'],
    ['emergencyFlat', '2026-03-01', 2300, 'FPU 23 €'],
    // GP consultation 30 € since 22/12/2024 (F17042).
    ['gpBase', '2024-12-21', 2650, 'G 26,50 € before 22/12/2024'],
    ['gpBase', '2024-12-22', 3000, 'G 30 € from 22/12/2024'],
    ['gpBaseChildUnder6', '2024-12-21', undefined, 'no child base known before 22/12/2024'],
    ['gpBaseChildUnder6', '2025-01-10', 3500, 'child under 6: 35 €'],
    ['gpBaseNonOptam', '2026-01-10', 2300, 'non-OPTAM: 23 € carried over (❌)'],
    ['gpBaseNonOptam', '2026-01-10', 2650, 'non-OPTAM base set by option', { nonOptamGpBase: 2650 }],
    // Dental 60 % since 01/10/2023 (⚠ ameli shows 70 %).
    ['dentalRate', '2023-09-30', 70, 'dental 70 % before October 2023'],
    ['dentalRate', '2023-10-01', 60, 'dental 60 % from 01/10/2023'],
    ['dentalRate', '2026-01-01', 70, 'dental rate set by option', { dentalRate: 70 }],
    ['participationForfaitaire', '2021-12-31', undefined, 'no value before the supported period'],
    [
      'responsibleCoversModerateMedicineTm',
      '2026-01-01',
      false,
      '30 % medicines: not enforced by default (❌)',
    ],
  ])('%s on %s = %s (%s)', (id, date, expected, _why, options) => {
    const params = buildParameters(options);
    expect(valueOn(params[id] as ReimbursementParameters['gpBase'], date)?.value).toBe(expected);
  });

  it('marks unsettled values so that they are shown to the user', () => {
    const params = buildParameters();
    expect(valueOn(params.heavyActFlat, '2026-05-01')?.confidence).toBe('unconfirmed');
    expect(valueOn(params.gpBase, '2026-01-01')?.confidence).toBe('confirmed');
    expect(valueOn(params.dentalRate, '2026-01-01')?.note).toContain('ameli');
  });

  it('keeps every table sorted and sourced', () => {
    const tables: DatedParameter<number | boolean>[] = Object.values(buildParameters());
    for (const p of tables) {
      const froms = p.values.map((v) => v.from);
      expect(froms).toEqual([...froms].sort());
      for (const v of p.values) expect(v.source.length).toBeGreaterThan(5);
    }
  });
});
