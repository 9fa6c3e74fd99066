import { describe, expect, it } from 'vitest';
import {
  headerErrors,
  importedFacts,
  importedStatus,
  parseImportLine,
  type RawRecord,
} from './import-line.ts';
import { isDepartementCode } from './regions.ts';

const TODAY = '2026-11-23';
const good: RawRecord = {
  reference: 'HIST-2024-0001',
  receivedOn: '2024-03-14',
  channel: 'courrier',
  category: 'reimbursement_contested',
  product: 'Santé Plus',
  region: '75',
  acknowledgedOn: '2024-03-18',
  answeredOn: '2024-04-20',
  outcome: 'partial',
  satisfaction: '4',
  text: 'Dépassement d’honoraires non remboursé.',
};

describe('département codes (INSEE COG)', () => {
  it.each([
    ['01', true],
    ['75', true],
    ['95', true],
    ['2A', true],
    ['2B', true],
    ['971', true],
    ['976', true],
    ['20', false],
    ['00', false],
    ['96', false],
    ['977', false],
    ['7', false],
    ['2C', false],
  ])('%s → %s', (code, expected) => {
    expect(isDepartementCode(code)).toBe(expected);
  });
});

describe('parseImportLine (issue 14: bad input refused with its column, in French)', () => {
  it('a complete line becomes a complaint with internal channel names', () => {
    const result = parseImportLine(good, TODAY);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value).toMatchObject({
      channel: 'letter',
      region: '75',
      satisfaction: 4,
      outcome: 'partial',
    });
    expect(importedStatus(result.value)).toBe('answered');
    expect(importedFacts(result.value)).toEqual({
      complaintReceivedOn: '2024-03-14',
      acknowledgedOn: '2024-03-18',
      answerReceivedOn: '2024-04-20',
      answerOutcome: 'partial',
    });
  });

  it.each([
    [{ category: 'remboursement' }, 'category', 'reimbursement_contested'],
    [{ answeredOn: '2024-03-01' }, 'answeredOn', 'avant la réception'],
    [{ satisfaction: '7' }, 'satisfaction', 'de 1 à 5'],
    [{ satisfaction: '4.5' }, 'satisfaction', 'entier'],
    [{ receivedOn: '2025-02-30' }, 'receivedOn', 'n’existe pas'],
    [{ receivedOn: '14/03/2024' }, 'receivedOn', 'AAAA-MM-JJ'],
    [
      { receivedOn: '2027-01-01', acknowledgedOn: undefined, answeredOn: undefined, outcome: undefined },
      'receivedOn',
      'futur',
    ],
    [{ channel: 'fax' }, 'channel', 'courrier'],
    [{ region: '20' }, 'region', '2A ou 2B'],
    [{ outcome: 'won' }, 'outcome', 'accepted'],
    [{ answeredOn: undefined }, 'outcome', 'sans date de réponse'],
    [{ outcome: undefined }, 'outcome', 'indiquez outcome'],
    [{ reference: '' }, 'reference', 'obligatoire'],
    [{ product: undefined }, 'product', 'obligatoire'],
    [{ mediationReferredOn: '2024-01-02' }, 'mediationReferredOn', 'avant la réception'],
  ])('%o is refused on column %s', (change, column, words) => {
    const result = parseImportLine({ ...good, ...change }, TODAY);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const error = result.errors.find((e) => e.column === column);
    expect(error?.message).toContain(words);
  });

  it('statuses follow the dates', () => {
    const parse = (r: RawRecord) => {
      const p = parseImportLine(r, TODAY);
      if (!p.ok) throw new Error(JSON.stringify(p.errors));
      return importedStatus(p.value);
    };
    const base = { ...good, acknowledgedOn: undefined, answeredOn: undefined, outcome: undefined };
    expect(parse(base)).toBe('submitted');
    expect(parse({ ...base, acknowledgedOn: '2024-03-15' })).toBe('acknowledged');
    expect(parse({ ...good, mediationReferredOn: '2024-06-01' })).toBe('mediation');
  });

  it('JSON Lines numbers and nulls are read like CSV text', () => {
    const result = parseImportLine({ ...good, satisfaction: 5, text: null }, TODAY);
    expect(result.ok && result.value.satisfaction).toBe(5);
  });

  it('header: missing and unknown columns name the allowed ones', () => {
    expect(headerErrors(['reference', 'receivedOn', 'channel', 'category', 'product', 'region'])).toEqual([]);
    const errors = headerErrors(['reference', 'date']);
    expect(errors[0]).toContain('« receivedOn »');
    expect(errors[1]).toContain('« date »');
  });
});

describe('what the import accepts, the deadline engine accepts (one validation, issue 14)', () => {
  it('200 generated lines: every accepted one passes computeDeadlines', async () => {
    const { computeDeadlines } = await import('../deadlines/engine.ts');
    const { historyCsvLines } = await import('../../../scripts/history-generator.ts');
    const [header, ...lines] = [...historyCsvLines(200, '2026-11-20')];
    const columns = header!.split(',');
    let accepted = 0;
    for (const line of lines) {
      const values = line.split(',');
      const record = Object.fromEntries(columns.map((c, i) => [c, values[i]]));
      const parsed = parseImportLine(record, TODAY);
      if (!parsed.ok) continue;
      accepted += 1;
      const engine = computeDeadlines({
        context: { organisationType: 'mutuelle', zone: 'metropole', today: TODAY },
        facts: importedFacts(parsed.value),
      });
      expect(engine.ok, JSON.stringify(engine)).toBe(true);
    }
    expect(accepted).toBe(200);
  });
});
