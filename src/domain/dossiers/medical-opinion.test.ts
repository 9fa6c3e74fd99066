import { describe, expect, it } from 'vitest';
import { canAnswer, type MedicalOpinion, opinionFor } from './medical-opinion.ts';

const answered: MedicalOpinion = {
  status: 'answered',
  question: 'La prise en charge est-elle justifiée au regard du contrat ?',
  conclusion: 'partial',
  summary: 'Prise en charge justifiée pour deux séances sur trois.',
  medicalDetail: 'Détail couvert par le secret médical.',
};

describe('what each reader sees of an opinion', () => {
  // R4127-104 and CNOM: the organisation's staff learn the conclusion, never the medical reasons.
  it.each([
    ['content', 'Détail couvert par le secret médical.', false],
    ['existence', null, true],
  ] as const)('access %s → detail %s, withheld %s', (access, detail, withheld) => {
    const seen = opinionFor(access, answered);
    expect(seen.medicalDetail).toBe(detail);
    expect(seen.medicalDetailWithheld).toBe(withheld);
    expect(seen.conclusion).toBe('partial');
    expect(seen.summary).toBe(answered.summary);
  });

  it('says nothing is withheld when there was no detail', () => {
    expect(opinionFor('existence', { ...answered, medicalDetail: null }).medicalDetailWithheld).toBe(false);
  });

  it.each([
    ['requested', true],
    ['answered', false],
  ] as const)('an opinion %s may be answered: %s', (status, expected) => {
    expect(canAnswer({ status })).toBe(expected);
  });
});
