import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DOSSIER_CATEGORIES } from '../../contracts/categories.ts';
import { computeDeadlines } from '../deadlines/engine.ts';
import { checklistOf } from '../dossiers/checklist.ts';
import { draftLetter } from '../letters/draft.ts';
import { LETTER_TYPES } from '../letters/schema.ts';
import { courtDossier, poleSocialDossier } from '../letters/test-builders.ts';
import { simulateReimbursement } from '../reimbursement/engine.ts';
import { analyseText } from '../triage/analyse.ts';
import { parseCorpus } from '../triage/corpus.ts';
import { triageModel } from '../triage/model-loader.ts';
import { internalTextIn, publicSource, publicText } from './public-text.ts';

const json = (path: string) => JSON.parse(readFileSync(new URL(path, import.meta.url), 'utf8'));

/** Fails with every internal string found, and where. */
function expectPublic(where: string, texts: ReadonlyArray<string>) {
  const found = texts.flatMap((t) =>
    internalTextIn(t).map((f) => `${where}: ${f} in « ${t.slice(0, 120)} »`),
  );
  expect(found).toEqual([]);
}

describe('publicText / publicSource (issue #11: no internal text in front of users)', () => {
  it.each([
    ['C. consom. L612-2 1° (reference.md §2)', 'C. consom., art. L612-2 1°'],
    [
      'ACPR 2024-R-02 : réclamation orale, puis écrite (reference.md §1)',
      'ACPR 2024-R-02 : réclamation orale, puis écrite',
    ],
    ['service-public.fr F17042 (référence §6)', 'service-public.fr F17042'],
    ['référence §6', 'service-public.fr F17042 (remboursement des soins)'],
    ['CSS R142-6 (reference.md §3)', 'CSS, art. R142-6'],
  ])('%s → %s', (source, shown) => {
    expect(publicSource(source)).toBe(shown);
  });

  it.each([
    [
      'Date le point de départ des délais (seed 000 : « conditions générales »).',
      'Date le point de départ des délais.',
    ],
    ['vérifiez le contrat (option mutuelleMediator = lma).', 'vérifiez le contrat.'],
    ['art. R871-1 CSS (référence §6, syngof.fr)', 'art. R871-1 CSS (syngof.fr)'],
    ['Taux : valeur non tranchée par les sources.', 'Taux : valeur incertaine, les sources divergent.'],
  ])('%s → %s', (text, shown) => {
    expect(publicText(text)).toBe(shown);
    expect(internalTextIn(publicText(text))).toEqual([]);
  });

  it('finds internal text (the test below can fail)', () => {
    expect(internalTextIn('Source : reference.md §2')).not.toEqual([]);
    expect(internalTextIn('catégorie dentaire_prothese')).not.toEqual([]);
    expect(internalTextIn('(option mutuelleMediator)')).not.toEqual([]);
    expect(internalTextIn('Indiquez la date (employmentContractEndOn).')).not.toEqual([]);
    expect(internalTextIn('Indiquez une pièce (options.requestedDocuments).')).not.toEqual([]);
    expect(internalTextIn('PDF, JPEG, PNG ou HEIC (photo d’iPhone), 10 Mo au plus.')).toEqual([]);
    expect(internalTextIn('Le médiateur de la Mutualité Française')).toEqual([]);
  });
});

describe('what the engines hand to pages, letters and API answers is public', () => {
  it('triage diagnoses of every corpus text: reasons, sources, warnings, deadlines, questions, summary', () => {
    const corpus = parseCorpus(
      readFileSync(new URL('../../../corpus/triage/corpus.jsonl', import.meta.url), 'utf8'),
    );
    for (const e of corpus.filter((_, i) => i % 3 === 0)) {
      const d = analyseText(e.text, '2026-11-23', triageModel);
      expectPublic(e.id, [
        d.nextStepLabel,
        d.nextStepReason,
        ...d.nextStepSources,
        ...d.warnings,
        ...d.deadlines.flatMap((x) => [x.title, x.rule, x.source, x.action]),
        ...d.questions.flatMap((q) => [q.question, ...q.options.map((o) => o.label)]),
        d.summary,
        d.categoryLabel,
        ...d.categoryAlternatives.map((a) => a.label),
        ...d.documents,
        ...d.facts.map((f) => f.label),
        ...d.evidence.filter((x) => x.field !== 'category').map((x) => x.detail),
      ]);
    }
  });

  it('the deadline engine on its example file', () => {
    const result = computeDeadlines(json('../deadlines/example-input.json'));
    if (!result.ok) throw new Error(result.error.message);
    expectPublic(
      'deadlines',
      result.value.deadlines.flatMap((d) => [d.title, d.rule, d.source, d.action, ...(d.notes ?? [])]),
    );
    expectPublic(
      'deadlines conventions',
      result.value.conventions.map((c) => c.explanation),
    );
  });

  it('the reimbursement checker on its example file', () => {
    const result = simulateReimbursement(json('../reimbursement/example-input.json'));
    if (!result.ok) throw new Error(result.error.message);
    const texts: string[] = [];
    for (const act of result.value.acts as Array<{ explanations: Array<{ text: string; source: string }> }>)
      for (const e of act.explanations) texts.push(e.text, e.source);
    expectPublic('reimbursement', texts);
  });

  it('the checklist of every category', () => {
    for (const category of DOSSIER_CATEGORIES) {
      const checklist = checklistOf(category, []);
      expectPublic(
        `checklist ${category}`,
        checklist.items.flatMap((i) => [i.label, i.why]),
      );
    }
  });

  it('every letter type, each drafted at least once, and the refusals of the others', () => {
    const base = json('../letters/example-dossier.json');
    const cpam = {
      ...base,
      organisation: { ...base.organisation, name: 'CPAM du Rhône', kind: 'cpam' },
      dossier: {
        ...base.dossier,
        category: 'cpam_decision',
        facts: { ...base.dossier.facts, cpamDecisionNotifiedOn: '2026-10-20' },
      },
    };
    const jobLost = {
      ...base,
      dossier: {
        ...base.dossier,
        category: 'portability',
        facts: { ...base.dossier.facts, employmentContractEndOn: '2026-10-31' },
      },
    };
    const variants: Array<[unknown, unknown]> = [
      [base, {}],
      [cpam, {}],
      [base, { terminationGround: 'anytime' }],
      [jobLost, {}],
      [base, { requestedDocuments: ['La facture détaillée du dentiste'] }],
      [
        base,
        { decision: { outcome: 'rejected', reasons: 'Le contrat plafonne cet acte à 300 % de la base.' } },
      ],
      // The court steps: after a mediation that failed, and after the CRA's rejection (CPAM).
      [courtDossier(), {}],
      [poleSocialDossier(), {}],
    ];
    const drafted = new Set<string>();
    for (const type of LETTER_TYPES) {
      for (const [dossier, options] of variants) {
        const letter = draftLetter(type, dossier, options);
        if (!letter.ok) {
          // The refusal is shown to the member as it is: it must say what to do, in his words.
          expectPublic(`letter ${type} refused`, [letter.error.message]);
          continue;
        }
        drafted.add(type);
        const l = letter.value;
        expectPublic(`letter ${type}`, [l.subject, l.salutation, ...l.body, l.closing, ...l.legalBasis]);
      }
    }
    expect([...drafted].sort()).toEqual([...LETTER_TYPES].sort());
  });
});
