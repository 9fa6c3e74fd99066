import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  kindFromText,
  parseEuros,
  parseGuaranteesCsv,
  parseGuaranteesJson,
  parseGuaranteeValue,
} from './guarantees-import.ts';

describe('guarantee values as French tables write them', () => {
  it.each([
    ['100 % BR', { mode: 'percent_br_including_amo', percent: 100 }],
    ['150% BR', { mode: 'percent_br_including_amo', percent: 150 }],
    ['200 % de la BR (SS incluse)', { mode: 'percent_br_including_amo', percent: 200 }],
    ['125,5 % BRSS', { mode: 'percent_br_including_amo', percent: 125.5 }],
    ['50 % BR en plus de la Sécurité sociale', { mode: 'percent_br_excluding_amo', percent: 50 }],
    ['100 % TM', { mode: 'percent_br_including_amo', percent: 100 }],
    [
      '100 % BR + 200 € par an',
      { mode: 'percent_br_plus_flat', percent: 100, amount: 20000, amountPer: 'year' },
    ],
    [
      '100 % BR + 150,00 € tous les 2 ans',
      { mode: 'percent_br_plus_flat', percent: 100, amount: 15000, amountPer: 'year', periodYears: 2 },
    ],
    ['30 € par séance', { mode: 'flat', amount: 3000, amountPer: 'act' }],
    ['50 € / jour', { mode: 'flat', amount: 5000, amountPer: 'day' }],
    ['Forfait 100,00 € par an', { mode: 'flat', amount: 10000, amountPer: 'year' }],
    ['1 200,50 €', { mode: 'flat', amount: 120050, amountPer: 'act' }],
    ['Frais réels', { mode: 'real_expense' }],
    ['Non couvert', { mode: 'flat', amount: 0 }],
  ])('« %s »', (text, expected) => {
    const r = parseGuaranteeValue(text);
    expect(r).toEqual({ ok: true, value: expected });
  });

  it.each(['150 pourcent', '100 % du prix', '30 € la lune', 'beaucoup'])(
    'refuses « %s » with examples',
    (text) => {
      const r = parseGuaranteeValue(text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.message).toContain('150 % BR');
    },
  );

  it.each([
    ['100,00 €', 10000],
    ['1 234,5 €', 123450],
    ['1.234,56', 123456],
    ['12.5', 1250],
    ['abc', undefined],
  ])('amount « %s » → %s cents', (text, cents) => {
    expect(parseEuros(text)).toBe(cents);
  });

  it.each([
    ['Consultations généralistes OPTAM', 'consultation_generaliste'],
    ['Spécialistes non OPTAM', 'consultation_specialiste'],
    ['Prothèses dentaires 100 % Santé', 'dentaire_prothese'],
    ['Aides auditives (prothèses auditives)', 'audiologie'],
    ['Forfait journalier hospitalier', 'forfait_journalier'],
    ['Ostéopathie', 'non_remboursable'],
    ['medicament', 'medicament'],
    ['Consultations et visites', undefined],
  ])('kind of « %s » → %s', (text, kind) => {
    expect(kindFromText(text)).toBe(kind);
  });
});

describe('CSV import of a table of guarantees', () => {
  it('reads the example table (semicolons, French decimals, inferred kinds)', () => {
    const text = readFileSync(new URL('./example-guarantees.csv', import.meta.url), 'utf8');
    const r = parseGuaranteesCsv(text);
    if (!r.ok) expect.fail(r.error.message);
    expect(r.value.length).toBeGreaterThanOrEqual(8);
    expect(r.value[0]).toMatchObject({
      kind: 'consultation_generaliste',
      practitioner: 'optam',
      mode: 'percent_br_including_amo',
      percent: 150,
    });
    expect(r.value.find((g) => g.kind === 'optique')).toMatchObject({
      mode: 'percent_br_plus_flat',
      amount: 20000,
      amountPer: 'year',
      periodYears: 2,
      yearlyCount: 1,
    });
  });

  it('reads comma-separated text with quoted French decimals and a type column', () => {
    const csv = [
      'Type,Libellé,Garantie,Plafond,Nombre',
      'chambre_particuliere,Chambre particulière,"50,00 € / jour","1 500,00 €",',
      'non_remboursable,Médecines douces,"30 € par séance",,4',
    ].join('\r\n');
    const r = parseGuaranteesCsv(csv);
    expect(r).toMatchObject({
      ok: true,
      value: [
        { kind: 'chambre_particuliere', mode: 'flat', amount: 5000, amountPer: 'day', yearlyCeiling: 150000 },
        { kind: 'non_remboursable', mode: 'flat', amount: 3000, yearlyCount: 4 },
      ],
    });
  });

  it('reads a practitioner and panier column', () => {
    const csv =
      'libelle;garantie;praticien;panier\nSpécialistes;200 % BR;non OPTAM;\nCouronnes;100 % BR;;100 % Santé\n';
    const r = parseGuaranteesCsv(csv);
    expect(r).toMatchObject({
      ok: true,
      value: [
        { kind: 'consultation_specialiste', practitioner: 'non_optam', panier: 'any' },
        { kind: 'dentaire_prothese', practitioner: 'any', panier: '100_sante' },
      ],
    });
  });

  it.each([
    ['', 'empty_csv', 'lines[1]'],
    ['nom;montant\nx;1', 'missing_column', 'lines[1]'],
    ['libellé;garantie\nGénéralistes;150 pourcent', 'invalid_guarantee_value', 'lines[2].garantie'],
    [
      'libellé;garantie\nGénéralistes;100 % BR\nConsultations et visites;100 % BR',
      'unknown_kind',
      'lines[3].libellé',
    ],
    ['type;libellé;garantie\ncure thermale;X;100 % BR', 'unknown_kind', 'lines[2].type'],
    ['libellé;garantie;plafond\nOptique;100 % BR;beaucoup', 'invalid_amount', 'lines[2].plafond'],
    ['libellé;garantie\n;100 % BR', 'missing_label', 'lines[2].libellé'],
    ['libellé;garantie\n', 'empty_csv', 'lines[2]'],
  ])('refuses %j with %s at %s', (csv, code, field) => {
    const r = parseGuaranteesCsv(csv);
    expect(r).toMatchObject({ ok: false, error: { code, field } });
    if (!r.ok) expect(r.error.message.length).toBeGreaterThan(10);
  });
});

describe('JSON import of a table of guarantees', () => {
  it('reads an array or an object with guarantees', () => {
    const line = { kind: 'optique', label: 'Optique', mode: 'flat', amount: 10000, amountPer: 'year' };
    expect(parseGuaranteesJson(JSON.stringify([line]))).toMatchObject({
      ok: true,
      value: [{ kind: 'optique', periodYears: 1 }],
    });
    expect(parseGuaranteesJson(JSON.stringify({ guarantees: [line] }))).toMatchObject({ ok: true });
  });

  it.each([
    ['{', 'invalid_json', 'json'],
    ['{"x":1}', 'invalid_json', 'json'],
    ['[{"kind":"optique","label":"Optique","mode":"flat"}]', 'invalid_guarantee', 'guarantees[0].amount'],
    [
      '[{"kind":"lunettes","label":"Optique","mode":"flat","amount":1}]',
      'invalid_guarantee',
      'guarantees[0].kind',
    ],
  ])('refuses %s', (text, code, field) => {
    expect(parseGuaranteesJson(text)).toMatchObject({ ok: false, error: { code, field } });
  });
});
