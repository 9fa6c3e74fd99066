import { describe, expect, it } from 'vitest';
import { type ComplaintSketch, duplicateCandidates, earliestDate, textSimilarity } from './duplicates.ts';

const email: ComplaintSketch = {
  id: 'mail',
  memberId: 'm1',
  organisationId: 'o1',
  receivedOn: '2026-11-10',
  category: 'reimbursement_contested',
  amountCents: 24_000,
  text: 'Bonjour, vous avez refusé le remboursement de mes lunettes (facture de 240 euros du 3 octobre). Je conteste ce refus, mon contrat prévoit un forfait optique.',
};

describe('duplicateCandidates', () => {
  it.each([
    [
      'the same letter by post a week later',
      {
        id: 'post',
        receivedOn: '2026-11-17',
        text: `Madame, Monsieur, ${email.text} Veuillez agréer mes salutations.`,
      },
      true,
    ],
    ['another member', { id: 'x', memberId: 'm2' }, false],
    ['another organisation', { id: 'x', organisationId: 'o2' }, false],
    ['two months later', { id: 'x', receivedOn: '2027-01-20' }, false],
    [
      'a different complaint of the same member',
      {
        id: 'x',
        category: 'termination',
        amountCents: null,
        text: 'Je vous ai demandé la résiliation de mon contrat au 1er janvier et vous prélevez toujours mes cotisations.',
      },
      false,
    ],
  ] as const)('%s', (_why, other, expected) => {
    const candidates = duplicateCandidates(email, [{ ...email, ...other }]);
    expect(candidates.length > 0).toBe(expected);
  });

  it('ranks the closest first and says why', () => {
    const candidates = duplicateCandidates(email, [
      { ...email, id: 'far', receivedOn: '2026-11-28', amountCents: null },
      { ...email, id: 'near', receivedOn: '2026-11-12' },
    ]);
    expect(candidates.map((c) => c.id)).toEqual(['near', 'far']);
    expect(candidates[0]!.reasons.join(', ')).toMatch(/même montant/);
  });

  it('similarity ignores case, accents and stop words', () => {
    expect(textSimilarity('Le REMBOURSEMENT des lunettes', 'remboursement lunettes')).toBe(1);
    expect(textSimilarity('', 'remboursement')).toBe(0);
  });

  it('earliestDate keeps the first expression of dissatisfaction', () => {
    expect(earliestDate('2026-11-17', undefined, '2026-11-10')).toBe('2026-11-10');
    expect(earliestDate(undefined)).toBeUndefined();
  });
});
