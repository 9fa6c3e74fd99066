import { describe, expect, it } from 'vitest';
import { DOSSIER_CATEGORIES } from '../../contracts/categories.ts';
import { checklistOf, checklistRules } from './checklist.ts';
import { DOCUMENT_KINDS } from './documents.ts';

const docs = (...kinds: string[]) => kinds.map((kind, i) => ({ id: `d${i}`, kind }));

describe('checklistOf', () => {
  // [category, kinds uploaded, items expected done, required items missing; source]
  const rows: [string, string[], string[], number, string][] = [
    [
      'reimbursement_contested',
      [],
      [],
      5,
      'seed 000: décompte, facture, garanties, réclamation, preuve d’envoi',
    ],
    [
      'reimbursement_contested',
      ['reimbursement_statement', 'care_sheet', 'contract'],
      ['reimbursement_statement', 'invoice_or_care_sheet', 'contract'],
      2,
      'seed 000: a care sheet stands for the invoice',
    ],
    [
      'reimbursement_contested',
      ['reimbursement_statement', 'invoice', 'contract', 'letter_sent', 'proof_of_sending'],
      [
        'reimbursement_statement',
        'invoice_or_care_sheet',
        'contract',
        'complaint_letter',
        'proof_of_sending',
      ],
      0,
      'complete without the optional prescription/quote (only "when relevant")',
    ],
    ['reimbursement_contested', ['quote'], ['prescription_or_quote'], 5, 'seed 000: "devis signés"'],
    [
      'termination',
      ['letter_sent', 'proof_of_sending', 'bank_statement'],
      ['termination_letter', 'termination_proof', 'bank_statements'],
      1,
      'seed 000: résiliation; the contract is still needed',
    ],
    [
      'cpam_decision',
      ['letter_received'],
      ['cpam_notification'],
      1,
      'CSS R142-1: the notification dates the CRA deadline',
    ],
    [
      'cpam_decision',
      ['letter_received', 'care_sheet'],
      ['cpam_notification', 'care_evidence'],
      0,
      'seed 002',
    ],
    ['other', ['letter_received'], ['exchanges'], 0, 'seed 000: courriers'],
  ];
  it.each(rows)('%s with %j', (category, kinds, done, missing) => {
    const list = checklistOf(category, docs(...kinds));
    expect(list.items.filter((i) => i.done).map((i) => i.id)).toEqual(done);
    expect(list.missing).toBe(missing);
    expect(list.complete).toBe(missing === 0);
  });

  it('lists the documents that tick an item', () => {
    const list = checklistOf('reimbursement_contested', docs('invoice', 'care_sheet'));
    expect(list.items.find((i) => i.id === 'invoice_or_care_sheet')?.documentIds).toEqual(['d0', 'd1']);
  });

  it('gives every category a list whose kinds exist and whose items cite a reason', () => {
    for (const category of DOSSIER_CATEGORIES) {
      const rules = checklistRules(category);
      expect(rules.length, category).toBeGreaterThan(0);
      expect(
        rules.some((r) => r.required),
        category,
      ).toBe(true);
      for (const rule of rules) {
        expect(rule.why.length).toBeGreaterThan(10);
        for (const kind of rule.kinds) expect(DOCUMENT_KINDS).toContain(kind);
      }
    }
  });

  it('falls back to the generic list for an unknown category', () => {
    expect(checklistRules('nouvelle_categorie')).toBe(checklistRules('other'));
  });
});
