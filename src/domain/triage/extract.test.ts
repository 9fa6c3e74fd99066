import { describe, expect, it } from 'vitest';
import { extractAmounts, extractDates, extractReferences } from './extract.ts';
import { factsOf } from './facts.ts';

const TODAY = '2026-11-23';

describe('amounts', () => {
  it.each([
    ["ne m'a remboursé que 9 € sur ma couronne", [900]],
    ['9,50€ puis 1 200 € puis 1.200,50 €', [950, 120_000, 120_050]],
    ['120 euros et 45 eur', [12_000, 4_500]],
    ['2 x 87 € prélevés', [8_700]],
    ['2 × 58,40 €', [5_840]],
    // SMS "12e" is euros; "3e fois" is an ordinal
    ['12e sur mes lunettes, 3e fois que j appelle', [1_200]],
    ['remboursé à 200 % de la base', []],
    ['dossier n° 2026-1234', []],
  ])('%s', (text, cents) => {
    expect(extractAmounts(text).map((a) => a.cents)).toEqual(cents);
  });

  it('points at the words in the original text', () => {
    const [amount] = extractAmounts('Remboursé : 18,30 € seulement');
    expect(amount).toMatchObject({ text: '18,30 €', start: 12, end: 19 });
  });
});

describe('dates (today = 23/11/2026)', () => {
  it.each([
    ['courrier du 12/03/2026', '2026-03-12', 'absolute', 'day'],
    ['courrier du 12/03/26', '2026-03-12', 'absolute', 'day'],
    ['envoyé le 12/10', '2026-10-12', 'absolute', 'day'],
    ['le 12 mars', '2026-03-12', 'absolute', 'day'],
    ['le 1er octobre 2025', '2025-10-01', 'absolute', 'day'],
    // a day-month more than 31 days ahead is last year's; closer, it is this year's (an appointment)
    ['le 30 décembre', '2025-12-30', 'absolute', 'day'],
    ['le 15 décembre', '2026-12-15', 'absolute', 'day'],
    ['en juin', '2026-06-01', 'absolute', 'month'],
    ['en décembre', '2025-12-01', 'absolute', 'month'],
    ['mars 2026', '2026-03-01', 'absolute', 'month'],
    ['il y a deux mois', '2026-09-23', 'relative', 'day'],
    ['il y a 3 semaines', '2026-11-02', 'relative', 'day'],
    ['il y a 10 jours', '2026-11-13', 'relative', 'day'],
    ['depuis quatre mois', '2026-07-23', 'relative', 'day'],
    ['hier', '2026-11-22', 'relative', 'day'],
    ['avant-hier', '2026-11-21', 'relative', 'day'],
    ['la semaine dernière', '2026-11-16', 'relative', 'day'],
    ['le mois dernier', '2026-10-23', 'relative', 'month'],
    ['le 2026-10-05', '2026-10-05', 'absolute', 'day'],
  ])('%s → %s', (text, date, kind, precision) => {
    const found = extractDates(text, TODAY);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ date, kind, precision });
  });

  it('resolves "il y a deux mois" against the month arithmetic of CPC 641 (31/12 - 2 months = 31/10)', () => {
    expect(extractDates('il y a deux mois', '2026-12-31')[0]?.date).toBe('2026-10-31');
    expect(extractDates('il y a un mois', '2026-03-31')[0]?.date).toBe('2026-02-28');
  });

  it.each([
    ['2 x 87 €', 0],
    ['4.5 sur 5', 0],
    ['le 31/02/2026', 0],
    ['un taux de 30/100', 0],
  ])('ignores what is not a date: %s', (text, n) => {
    expect(extractDates(text, TODAY)).toHaveLength(n);
  });

  it.each([
    ["J'ai envoyé ma résiliation il y a deux mois", 'termination'],
    ['Réclamation écrite envoyée le 12/06/2026', 'complaint'],
    ['relancée le 3 octobre sans réponse', 'reminder'],
    ['Notification de la CPAM reçue le 2 novembre : refus', 'decision'],
    ['Mon fils est né le 3 mai', 'other'],
  ])('tells what a date is about: %s → %s', (text, role) => {
    expect(extractDates(text, TODAY)[0]?.role).toBe(role);
  });
});

describe('references', () => {
  it.each([
    ['dossier n° 2026-1234', 'file', '2026-1234'],
    ["numéro d'adhérent 12345678", 'member', '12345678'],
    ["adhérent n° 778812, suite à l'appel", 'member', '778812'],
    ['réf. AB-45887', 'file', 'AB-45887'],
    ['contrat n°HM2026-778', 'member', 'HM2026-778'],
    ['numéro de sécurité sociale 1 85 05 78 006 084 36', 'social_security', '185057800608436'],
  ])('%s', (text, kind, value) => {
    expect(extractReferences(text, TODAY)).toEqual([expect.objectContaining({ kind, value })]);
  });

  it('needs a label: a bare number, a year, a date or an amount is not a reference', () => {
    expect(extractReferences('en 2025 j ai payé 1 200 € le 12/03/2026, appelé 3 fois', TODAY)).toEqual([]);
  });
});

describe('a recourse to the CRA the member says he has not made (CSS R142-1: the CRA still comes first)', () => {
  it.each([
    ["Refus notifié le 2 septembre. Je n'ai pas fait de recours à la CRA, je ne savais pas.", false],
    [
      "J'ai saisi la médiatrice en août. Elle m'a conseillé de faire un recours devant la commission de recours amiable, ce que je n'ai pas encore fait.",
      false,
    ],
    ["J'ai saisi la CRA le 2 juin, relance en août.", true],
    ['Recours devant la commission de recours amiable envoyé le 10 juillet, sans réponse.', true],
  ])('%s → recourse read: %s', (text, read) => {
    expect(factsOf(text, '2026-11-23').craReferral !== null).toBe(read);
  });
});
