import { describe, expect, it } from 'vitest';
import { PARAMETERS } from '../deadlines/parameters.ts';
import { DEADLINE_RULES, DEADLINE_TITLES, ruleChanges } from './rule-changes.ts';

describe('what changed in the rules (issue 15 §4)', () => {
  it('the forfait journalier on 01/03/2026, with the letters and checks it touches (reference §6)', () => {
    const r = ruleChanges('2026-03-01', '2026-03-01');
    if (!r.ok) throw new Error(r.error.message);
    const forfait = r.value.find((c) => c.parameter === 'forfaitJournalier')!;
    expect(forfait.before).toBe('20,00\u00a0€');
    expect(forfait.after).toBe('23,00\u00a0€');
    expect(forfait.letters.map((l) => l.type)).toEqual(['detail_calcul', 'reclamation']);
    expect(forfait.explanation).toMatch(
      /^Forfait journalier hospitalier : 20,00\u00a0€ → 23,00\u00a0€ à compter du 01\/03\/2026/,
    );
    expect(r.value.map((c) => c.parameter)).toEqual(
      expect.arrayContaining(['forfaitJournalier', 'forfaitJournalierPsychiatry', 'emergencyFlat']),
    );
  });

  it('the day before a change lists nothing; a whole year lists each change once', () => {
    const before = ruleChanges('2026-02-28', '2026-02-28');
    expect(before.ok && before.value.some((c) => c.parameter === 'forfaitJournalier')).toBe(false);
    const year = ruleChanges('2024-01-01', '2024-12-31');
    if (!year.ok) throw new Error(year.error.message);
    expect(year.value.filter((c) => c.parameter === 'participationForfaitaire').map((c) => c.from)).toEqual([
      '2024-05-15',
    ]);
    expect(year.value.filter((c) => c.parameter === 'gpBase').map((c) => c.after)).toEqual(['30,00\u00a0€']);
  });

  it('a deadline change: the CRA implicit rejection 1 → 2 months on 01/01/2019 (décret 2018-928)', () => {
    const r = ruleChanges('2019-01-01', '2019-01-01');
    if (!r.ok) throw new Error(r.error.message);
    const cra = r.value.find((c) => c.parameter === 'craImplicitRejection')!;
    expect([cra.before, cra.after, cra.table]).toEqual(['1 mois', '2 mois', 'délais']);
    expect(cra.letters.map((l) => l.type)).toEqual(['recours_cra']);
    expect(cra.deadlines.map((d) => d.label)).toEqual(['Décision de la CRA (ou rejet implicite)']);
  });

  it('every deadline a rule touches is named in words (no internal identifier shown)', () => {
    const ids = Object.values(DEADLINE_RULES).flatMap((r) => r.deadlines);
    expect(ids.filter((id) => !DEADLINE_TITLES[id])).toEqual([]);
  });

  it('every deadline parameter says what it touches', () => {
    expect(Object.keys(DEADLINE_RULES).sort()).toEqual(Object.keys(PARAMETERS).sort());
  });

  it('refuses a period that ends before it starts', () => {
    const r = ruleChanges('2026-03-02', '2026-03-01');
    expect(!r.ok && r.error.code).toBe('INVALID_PERIOD');
  });
});
