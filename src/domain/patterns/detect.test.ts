import { describe, expect, it } from 'vitest';
import { detectSpikes } from './detect.ts';
import { smallRegister } from './test-builders.ts';

const PERIOD = { from: '2025-01-06', to: '2025-03-02' }; // weeks 53–60 of a register starting 2024-01-01

describe('spike detection: one alert per phenomenon, the most specific combination (issue 15 §1)', () => {
  it('no spike, no alert', () => {
    const result = detectSpikes({ counts: smallRegister(61), ...PERIOD });
    expect(result.ok && result.value.alerts).toEqual([]);
    expect(result.ok && result.value.weeks).toHaveLength(8);
  });

  it('a spike on one product in one region gives that alert alone, not its parents or its children', () => {
    const counts = smallRegister(61, [{ week: 56, product: 'Santé Plus', region: 'Bretagne', factor: 3 }]);
    const result = detectSpikes({ counts, ...PERIOD });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.alerts.map((a) => [a.weekStart, a.dimensions])).toEqual([
      ['2025-01-27', { product: 'Santé Plus', region: 'Bretagne' }],
    ]);
    const [alert] = result.value.alerts;
    expect(alert!.observed).toBeGreaterThan(2 * alert!.expected);
    expect(alert!.expected).toBeGreaterThan(20);
    expect(alert!.expected).toBeLessThan(40);
    expect(alert!.score).toBeGreaterThan(5);
    expect(alert!.explanation).toMatch(
      /^Semaine du 27\/01\/2025 : \d+ réclamations, sur le produit «\u00a0Santé Plus\u00a0», en région Bretagne, pour [\d,]+ attendues d’après l’historique/,
    );
  });

  it('a spike on a whole category is reported on the category, not on each of its products', () => {
    const counts = smallRegister(61, [{ week: 58, category: 'termination', factor: 3 }]);
    const result = detectSpikes({ counts, ...PERIOD });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.alerts.map((a) => a.dimensions)).toEqual([{ category: 'termination' }]);
    expect(result.value.alerts[0]!.explanation).toContain('«\u00a0Résiliation\u00a0»');
  });

  it('two phenomena the same week give two alerts', () => {
    const counts = smallRegister(61, [
      { week: 54, category: 'contributions', product: 'Seniors Confort', region: 'Normandie', factor: 4 },
      { week: 54, category: 'termination', product: 'Santé Essentiel', factor: 3 },
    ]);
    const result = detectSpikes({ counts, ...PERIOD });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.alerts.map((a) => a.dimensions)).toEqual(
      expect.arrayContaining([
        { category: 'contributions', product: 'Seniors Confort', region: 'Normandie' },
        { category: 'termination', product: 'Santé Essentiel' },
      ]),
    );
    expect(result.value.alerts).toHaveLength(2);
  });

  it('a week with fewer than five complaints in a cell never alerts on it (privacy and noise)', () => {
    const counts = smallRegister(61).filter(
      (r) => !(r.weekStart === '2025-02-03' && r.region === 'Normandie'),
    );
    counts.push({
      weekStart: '2025-02-03',
      category: 'termination',
      product: 'Santé Plus',
      region: 'Corse',
      channel: 'web',
      count: 4,
    });
    const result = detectSpikes({ counts, ...PERIOD });
    expect(result.ok && result.value.alerts.some((a) => a.dimensions.region === 'Corse')).toBe(false);
  });

  it('without enough history: a French explanation of what is needed, not an empty result', () => {
    const result = detectSpikes({ counts: smallRegister(20), from: '2024-03-04', to: '2024-05-19' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.code).toBe('INSUFFICIENT_HISTORY');
    expect(result.error.message).toContain('au moins 26 semaines');
    expect(result.error.message).toContain('01/01/2024');
  });

  it('an empty register is explained too', () => {
    const result = detectSpikes({ counts: [], ...PERIOD });
    expect(!result.ok && result.error.message).toMatch(
      /^Aucune réclamation enregistrée avant le 06\/01\/2025/,
    );
  });

  it('the weeks of the period without enough history are listed with the reason', () => {
    const result = detectSpikes({ counts: smallRegister(30), from: '2024-06-03', to: '2024-07-28' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.skipped.map((s) => s.weekStart)).toEqual([
      '2024-06-03',
      '2024-06-10',
      '2024-06-17',
      '2024-06-24',
    ]);
    expect(result.value.weeks.map((w) => w.weekStart)[0]).toBe('2024-07-01');
  });
});
