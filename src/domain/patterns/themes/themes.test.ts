import { describe, expect, it } from 'vitest';
import { addDays } from '../../shared/calendar-date.ts';
import { anonymise } from './anonymise.ts';
import { discoverThemes, type ThemeDocument } from './themes.ts';

const TOPICS = [
  [
    'prélèvement de cotisation en double ce mois',
    'cotisation prélevée deux fois sur mon compte',
    'double prélèvement de la cotisation mensuelle',
  ],
  [
    'mes lunettes mal remboursées par la mutuelle',
    'remboursement des verres et de la monture refusé',
    'lunettes : verres progressifs pas remboursés',
  ],
  [
    'résiliation envoyée mais toujours prélevé',
    'ma demande de résiliation est ignorée',
    'ils refusent ma résiliation du contrat',
  ],
];

function documents(): ThemeDocument[] {
  const docs: ThemeDocument[] = [];
  for (let week = 0; week < 16; week++) {
    TOPICS.forEach((topic, t) => {
      for (let j = 0; j < 3; j++) {
        docs.push({
          id: `${week}-${t}-${j}`,
          receivedOn: addDays('2026-01-05', week * 7 + j),
          text: topic[(week + j) % 3]!,
        });
      }
    });
  }
  // A new problem in the last three weeks: the tiers payant refused at the pharmacy.
  for (let i = 0; i < 9; i++) {
    docs.push({
      id: `new-${i}`,
      receivedOn: addDays('2026-04-06', i),
      text: `Tiers payant refusé en pharmacie, carte non reconnue, Mme Durand, tél. 06 12 34 56 7${i}`,
    });
  }
  return docs;
}

describe('themes in the members’ words (issue 15 §2)', () => {
  it('finds the topics, labels them with their words, and flags the new one', () => {
    const result = discoverThemes(documents(), { asOf: '2026-04-26', themes: 8 });
    if (!result.ok) throw new Error(result.error.message);
    const { themes } = result.value;
    const labels = themes.map((t) => t.terms.join(' '));
    expect(labels.some((l) => /lunettes|verres/.test(l))).toBe(true);
    expect(labels.some((l) => /resiliation/.test(l))).toBe(true);
    expect(labels.some((l) => /cotisation|prelevement/.test(l))).toBe(true);
    const fresh = themes.find((t) => t.terms.some((w) => /tiers|pharmacie|payant/.test(w)))!;
    expect(fresh.alert?.kind).toBe('new');
    expect(fresh.alert?.explanation).toMatch(/^Nouveau thème : 9 réclamations depuis le /);
    // No personal data in what a theme shows.
    expect(fresh.terms.join(' ')).not.toMatch(/durand|mme/);
    for (const example of fresh.examples) {
      expect(example).not.toMatch(/Durand|06 12|\d/);
    }
    // The stable topics do not alert.
    expect(themes.filter((t) => t.alert !== null)).toHaveLength(1);
  });

  it('shows no theme of fewer than five complaints and needs enough texts', () => {
    const result = discoverThemes(documents(), { asOf: '2026-04-26', themes: 8 });
    expect(result.ok && result.value.themes.every((t) => t.complaints >= 5)).toBe(true);
    const few = discoverThemes(documents().slice(0, 10), { asOf: '2026-04-26' });
    expect(!few.ok && few.error.message).toMatch(/il en faut au moins 20/);
  });
});

describe('anonymisation of examples', () => {
  it.each([
    ['Écrire à jean.dupont@mail.fr svp', 'Écrire à [e-mail] svp'],
    ['Appelez le 06 12 34 56 78 demain', 'Appelez le [téléphone] demain'],
    ['Adhérent n° 123456, IBAN FR7630001007941234567890185', 'Adhérent n° [nombre], IBAN [nombre]'],
    ['Le Dr Martin a refusé', 'Le Dr [nom] a refusé'],
    ['Ma fille Chloé est couverte par la CPAM', 'Ma fille [nom] est couverte par la CPAM'],
  ])('%s', (text, expected) => {
    expect(anonymise(text)).toBe(expected);
  });
});
