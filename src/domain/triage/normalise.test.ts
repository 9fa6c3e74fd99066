import { describe, expect, it } from 'vitest';
import { contentStems, featuresOf, foldCase, normaliseText, stem } from './normalise.ts';

describe('French normalisation', () => {
  it.each([
    // accents and case
    ['Résiliation REFUSÉE', 'resiliation refusee'],
    ['cœur', 'coeur'],
    // elisions are split, and n' is the negation "ne"
    ["je n'avais plus de droits", 'je ne avais plus de droits'],
    ["j'ai appelé", 'j ai appele'],
    // SMS style and slips
    ['jai appeler la mutuel', 'j ai appeler la mutuelle'],
    ['pb avec la secu', 'probleme avec la securite sociale'],
    ['remboursement ss', 'remboursement securite sociale'],
    ['tjs pas rembourse', 'toujours pas rembourse'],
    ['ds 2 semaines', 'dans 2 semaines'],
    ['rdv chez le dentiste', 'rendez vous chez le dentiste'],
    ['c normal ?', 'c est normal'],
    ["c'est normal", 'c est normal'],
    ['ke la moitie', 'que la moitie'],
    ['au tel hier', 'au telephone hier'],
    ['rien de tel', 'rien de tel'],
    // the CPAM's many names become one token
    ['mon compte ameli', 'mon compte cpam'],
    ['la caisse primaire', 'la cpam'],
    ["l'Assurance maladie", 'l cpam'],
    ['ma caisse refuse', 'ma cpam refuse'],
    // euro sign spelled out
    ['9€', '9 euros'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseText(input)).toBe(expected);
  });

  it('folds typographic apostrophes', () => {
    expect(foldCase('l’assurance')).toBe("l'assurance");
  });

  it('stems inflections to one form, accents or not', () => {
    expect(stem('remboursement')).toBe(stem('rembourser'));
    expect(stem('rembourse')).toBe(stem('remboursement'));
    expect(stem('prelevent')).toBe(stem('prelever'));
    expect(stem('mutuelles')).toBe(stem('mutuelle'));
  });

  it('removes stop words but keeps negations, which carry the meaning ("plus de droits")', () => {
    expect(contentStems(normaliseText("On m'a dit que je n'avais plus de droits"))).toEqual([
      'dit',
      'ne',
      'plus',
      'droit',
    ]);
    expect(contentStems(normaliseText('ils prélèvent toujours'))).toEqual(['prelev', 'toujours']);
  });

  it('builds unigram and bigram features', () => {
    const features = featuresOf("je n'ai plus de droits");
    expect(features).toContain('plus droit');
    expect(features).toContain('droit');
  });
});
