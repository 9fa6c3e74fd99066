import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ASK_THRESHOLDS, analyseText } from './analyse.ts';
import { parseCorpus } from './corpus.ts';
import { keywordCategory } from './keyword-baseline.ts';
import { CATEGORIES } from './labels.ts';
import { evaluate } from './metrics.ts';
import { trainTriageModel } from './model.ts';
import { triageModel } from './model-loader.ts';
import { diagnosisSchema, triageRequestSchema } from './schema.ts';
import { isTestExample } from './split.ts';

const TODAY = '2026-11-23';
const corpus = parseCorpus(
  readFileSync(new URL('../../../corpus/triage/corpus.jsonl', import.meta.url), 'utf8'),
);

describe('analyseText on the three sentences of issue #7', () => {
  it('a contested dental reimbursement with the mutuelle', () => {
    const d = analyseText("ma mutuelle ne m'a remboursé que 9 € sur ma couronne", TODAY, triageModel);
    expect(d.category).toBe('reimbursement_contested');
    expect(d.organisation).toBe('mutuelle');
    expect(d.amounts.map((a) => a.cents)).toEqual([900]);
    expect(d.summary).toMatch(/^Je comprends : un remboursement dentaire contesté auprès de votre mutuelle/);
  });

  it('rights closed at the pharmacy, and asks with whom', () => {
    const d = analyseText("on m'a dit à la pharmacie que je n'avais plus de droits", TODAY, triageModel);
    expect(d.category).toBe('rights_suspended');
    expect(d.organisation).toBe('unknown');
    expect(d.questions.map((q) => q.id)).toContain('organisation');
  });

  it('a termination sent two months ago and still debited: formal notice next', () => {
    const d = analyseText(
      "j'ai envoyé ma résiliation il y a deux mois et ils prélèvent toujours",
      TODAY,
      triageModel,
    );
    expect(d.category).toBe('termination');
    expect(['customer_service_contacted', 'written_complaint_sent']).toContain(d.stage);
    expect(d.nextStep).toBe('formal_notice');
    expect(d.dates).toEqual([
      expect.objectContaining({ date: '2026-09-23', kind: 'relative', role: 'termination' }),
    ]);
  });
});

describe('the diagnosis', () => {
  it('matches its zod schema, with evidence pointing into the text', () => {
    const text =
      "Madame, j'ai écrit le 3 septembre 2026 à la MGEN (adhérent n° 778812) pour contester le remboursement de 18,30 € de ma couronne. Pas de réponse.";
    const d = diagnosisSchema.parse(analyseText(text, TODAY, triageModel));
    expect(d.stage).toBe('written_complaint_sent');
    expect(d.nextStep).toBe('mediator');
    expect(d.nextStepRule).toBe('complementary.mediator_open');
    expect(d.references).toEqual([expect.objectContaining({ kind: 'member', value: '778812' })]);
    for (const e of d.evidence) for (const s of e.spans) expect(text.slice(s.start, s.end)).toBe(s.text);
    expect(d.evidence.find((e) => e.field === 'category')?.spans.length).toBeGreaterThan(0);
  });

  it('asks instead of guessing when the text says little', () => {
    const d = analyseText("j'ai un souci", TODAY, triageModel);
    expect(d.confidence.category).toBeLessThan(ASK_THRESHOLDS.category);
    const ids = d.questions.map((q) => q.id);
    expect(ids).toEqual(expect.arrayContaining(['category', 'organisation', 'stage']));
    const category = d.questions.find((q) => q.id === 'category')!;
    expect(category.options.length).toBeGreaterThanOrEqual(2);
  });

  it('asks for the date of the written complaint when the deadlines depend on it', () => {
    const d = analyseText(
      "J'ai envoyé une réclamation écrite à ma mutuelle pour mon remboursement de lunettes, pas de réponse.",
      TODAY,
      triageModel,
    );
    expect(d.questions.map((q) => q.id)).toContain('complaint_date');
  });

  it('validates requests: 1 to 5000 characters, optional calendar date', () => {
    expect(triageRequestSchema.safeParse({ text: '  ' }).success).toBe(false);
    expect(triageRequestSchema.safeParse({ text: 'x'.repeat(5001) }).success).toBe(false);
    expect(triageRequestSchema.safeParse({ text: 'ok', today: '2026-02-30' }).success).toBe(false);
    expect(triageRequestSchema.parse({ text: ' ok ', today: '2026-11-23' })).toEqual({
      text: 'ok',
      today: '2026-11-23',
    });
  });
});

describe('accuracy floor on the held-out test split (trained on the train split only)', () => {
  const train = corpus.filter((e) => !isTestExample(e.id));
  const test = corpus.filter((e) => isTestExample(e.id));
  const model = trainTriageModel(train);
  const predictions = test.map((e) => analyseText(e.text, TODAY, model));
  const category = evaluate(
    CATEGORIES,
    test.map((e) => e.category),
    predictions.map((d) => d.category),
  );
  const keywords = evaluate(
    CATEGORIES,
    test.map((e) => e.category),
    test.map((e) => keywordCategory(e.text)),
  );

  it('uses a real split', () => {
    expect(train.length).toBeGreaterThan(450);
    expect(test.length).toBeGreaterThan(100);
  });

  // Measured 89.1 % (keyword baseline 73.9 %); the floor leaves room for corpus growth, not for regressions.
  it('category accuracy ≥ 82 % and ≥ 8 points above the keyword baseline', () => {
    expect(category.accuracy).toBeGreaterThanOrEqual(0.82);
    expect(category.accuracy - keywords.accuracy).toBeGreaterThanOrEqual(0.08);
  });

  it('organisation ≥ 88 %, stage ≥ 85 %, next step ≥ 82 %', () => {
    const acc = (key: 'organisation' | 'stage' | 'nextStep') =>
      predictions.filter((d, i) => d[key] === test[i]![key]).length / test.length;
    expect(acc('organisation')).toBeGreaterThanOrEqual(0.88);
    expect(acc('stage')).toBeGreaterThanOrEqual(0.85);
    expect(acc('nextStep')).toBeGreaterThanOrEqual(0.82);
  });

  // Speed is measured by npm run eval:triage (CPU time a text beside wall time and the load), not asserted here:
  // on a shared machine a wall-clock bound fails for reasons that are not the analyser's.
});
