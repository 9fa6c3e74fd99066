import { describe, expect, it } from 'vitest';
import { definedTerms, kandelMoles, reviewClause, syllablesOf } from './clarity.ts';
import { splitContract } from './import.ts';
import { careKindOf, linkComplaintToClause } from './link.ts';
import { rankClauses, rankProducts } from './ranking.ts';
import { clausesToRewrite } from './rewrite.ts';

describe('complaint → clause (issue 15 §3)', () => {
  it.each([
    ['Mes lunettes ne sont remboursées que 50 €', 'optique'],
    ['la couronne posée par mon dentiste', 'dentaire_prothese'],
    ['le forfait journalier de ma clinique', 'forfait_journalier'],
    ['chambre particulière facturée à l’hôpital', 'chambre_particuliere'],
    ['consultation chez le dermatologue', 'consultation_specialiste'],
    ['je ne comprends pas ma cotisation', undefined],
  ])('« %s » is about %s', (text, kind) => {
    expect(careKindOf(text)).toBe(kind);
  });

  it('uses the label of the line of the table of guarantees stored on the file', () => {
    expect(
      linkComplaintToClause({
        category: 'reimbursement_contested',
        text: 'mes lunettes',
        guarantees: [{ kind: 'optique', label: 'Équipement optique 100 % Santé ou libre' }],
      }),
    ).toEqual({
      clauseId: 'garantie:optique',
      label: 'Équipement optique 100 % Santé ou libre',
      source: 'table_of_guarantees',
    });
  });

  it('points a termination at the general conditions, and leaves a vague complaint unlinked', () => {
    expect(linkComplaintToClause({ category: 'termination', text: '' })?.clauseId).toBe(
      'conditions:resiliation',
    );
    expect(
      linkComplaintToClause({ category: 'service_quality', text: 'personne ne répond' }),
    ).toBeUndefined();
  });
});

describe('ranking by complaints per thousand members', () => {
  const counts = [
    { product: 'A', clauseId: 'garantie:optique', label: 'Optique', complaints: 60 },
    { product: 'B', clauseId: 'garantie:optique', label: 'Optique', complaints: 40 },
    { product: 'C', clauseId: 'garantie:optique', label: 'Optique', complaints: 90 },
  ];
  const memberships = [
    { product: 'A', members: 50_000 },
    { product: 'B', members: 2_000 },
  ];
  it('a small product with fewer complaints can rank first; unknown membership is listed apart', () => {
    const r = rankClauses(counts, memberships);
    expect(r.ranked.map((c) => [c.product, c.perThousand])).toEqual([
      ['B', 20],
      ['A', 1.2],
    ]);
    expect(r.ranked[0]!.text).toBe(
      'Optique (B) : 20 réclamations pour 1\u00a0000 adhérents (40 sur 2\u00a0000 adhérents).',
    );
    expect(r.withoutMembership.map((c) => c.product)).toEqual(['C']);
    expect(rankProducts(counts, memberships).ranked[0]!.product).toBe('B');
  });
});

describe('clarity (Kandel & Moles 1958)', () => {
  it.each([
    ['garantie', 3],
    ['contrats', 2],
    ['remboursement', 4], // rem-bour-se-ment: the written syllable count keeps the inner e
    ['mutuelle', 2],
    ['le', 1],
  ])('%s has %d syllables', (word, n) => {
    expect(syllablesOf(word)).toBe(n);
  });

  it('applies L = 207 − 1,015 × mots/phrase − 73,6 × syllabes/mot', () => {
    // 2 sentences, 8 words, 10 syllables: 207 − 1.015 × 4 − 73.6 × 1.25 = 110.94
    const r = kandelMoles('Nous vous aidons vite. Le tarif est bas.');
    expect(r.words).toBe(8);
    expect(r.sentences).toBe(2);
    expect(r.score).toBeCloseTo(207 - 1.015 * 4 - 73.6 * (10 / 8), 1);
  });

  it('a long sentence full of undefined jargon is hard, and the review says what to do', () => {
    const text =
      'Les dépassements d’honoraires des praticiens non adhérents à l’OPTAM sont pris en charge dans la limite de 100 % de la base de remboursement déduction faite du ticket modérateur et de la participation forfaitaire conformément aux dispositions réglementaires applicables aux contrats responsables.';
    const r = reviewClause(text);
    if (r.status !== 'scored') throw new Error(r.status);
    expect(r.readability).toBeLessThan(30);
    expect(r.level).toBe('très difficile');
    expect(r.longSentences).toHaveLength(1);
    expect(r.undefinedJargon).toEqual(
      expect.arrayContaining(['base de remboursement', 'ticket modérateur', 'OPTAM', 'contrat responsable']),
    );
    expect(r.suggestions[0]).toMatch(/^Coupez la phrase 1 \(\d+ mots\)/);
    // Defined elsewhere in the contract: no longer reported.
    const defined = definedTerms([
      'Ticket modérateur : la part que la Sécurité sociale laisse à votre charge.',
    ]);
    const again = reviewClause(text, defined);
    expect(again.status === 'scored' && again.undefinedJargon).not.toContain('ticket modérateur');
  });

  it('an empty or non-French clause is reported, not scored', () => {
    expect(reviewClause('   ').status).toBe('empty');
    const english = reviewClause(
      'The insurer shall reimburse eyeglasses up to the amount stated in the schedule of benefits.',
    );
    expect(english.status).toBe('not_french');
    expect(english.status === 'not_french' && english.message).toMatch(/ne semble pas rédigé en français/);
  });
});

describe('« clauses à réécrire »', () => {
  it('disputed and hard clauses first; plain undisputed ones left out; unscored ones listed with the reason', () => {
    const hard = reviewClause(
      'La prise en charge du ticket modérateur et des dépassements d’honoraires intervient dans la limite des frais réels et sous réserve du respect du parcours de soins coordonnés ainsi que des dispositions applicables aux contrats responsables.',
    );
    const plain = reviewClause(
      'Nous remboursons vos lunettes une fois tous les deux ans. Le montant figure au tableau.',
    );
    const items = clausesToRewrite(
      [
        { clauseId: 'garantie:optique', label: 'Optique', review: plain },
        { clauseId: 'garantie:hospitalisation', label: 'Hospitalisation', review: hard },
        { clauseId: 'conditions:resiliation', label: 'Résiliation', review: reviewClause('') },
      ],
      [
        { clauseId: 'garantie:hospitalisation', complaints: 12 },
        { clauseId: 'garantie:optique', complaints: 30 },
      ],
    );
    expect(items.map((i) => i.clauseId)).toEqual(['garantie:hospitalisation', 'conditions:resiliation']);
    expect(items[0]!.reasons[0]).toBe('12 réclamation(s) la contestent.');
    expect(items[1]!.readability).toBeNull();
  });
});

describe('a contract pasted as text (issue 15 §3: import the clauses as text)', () => {
  it.each([
    ['Article 3 – Résiliation', 'Vous pouvez résilier après un an.', 'conditions:resiliation'],
    ['Art. 7 : Optique', 'Les lunettes sont remboursées tous les deux ans.', 'garantie:optique'],
    ['Article 12 - Cotisations', 'La cotisation est révisée chaque année.', 'conditions:cotisations'],
    [
      'Article 2',
      'Le forfait journalier est pris en charge sans limite de durée.',
      'garantie:forfait_journalier',
    ],
    ['Article 9 – Litiges', 'Le médiateur peut être saisi par écrit.', null],
  ])('%s → %s', (heading, body, topic) => {
    const [clause] = splitContract(`${heading}\n${body}`, 'Clause');
    expect([clause!.title, clause!.text, clause!.topic]).toEqual([heading, body, topic]);
  });

  it('cuts at each « Article » line; a text without articles is one clause titled by the caller', () => {
    const clauses = splitContract('Article 1 – Objet\nUn.\n\nArticle 2 – Durée\nDeux.\r\nSuite.', 'Clause');
    expect(clauses.map((c) => [c.title, c.text])).toEqual([
      ['Article 1 – Objet', 'Un.'],
      ['Article 2 – Durée', 'Deux.\nSuite.'],
    ]);
    expect(splitContract('Nous remboursons vos lunettes.', 'Optique')).toEqual([
      { title: 'Optique', text: 'Nous remboursons vos lunettes.', topic: 'garantie:optique' },
    ]);
  });
});
