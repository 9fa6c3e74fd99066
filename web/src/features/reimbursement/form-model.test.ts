import { describe, expect, it } from 'vitest';
import { buildInput, emptyAct, exampleValues, ids, initialValues } from './form-model.ts';

const NONE = new Set<string>();

describe('the reimbursement form model', () => {
  it('builds the documented example, amounts in cents', () => {
    const built = buildInput(exampleValues(), NONE);
    expect(built.errors).toEqual({});
    expect(built.input?.acts.length).toBeGreaterThan(0);
    for (const act of built.input!.acts) expect(Number.isInteger(act.pricePaid)).toBe(true);
  });

  it('names each missing part of an act, numbered as the person sees it', () => {
    const values = initialValues();
    values.acts = [emptyAct()];
    const row = values.acts[0]!;
    const built = buildInput(values, NONE);
    expect(built.input).toBeNull();
    expect(built.errors[ids.act(row, 'date')]).toBe('Acte n°\u00a01\u00a0: indiquez la date des soins.');
    expect(built.errors[ids.act(row, 'kind')]).toBe('Acte n°\u00a01\u00a0: choisissez le type d’acte.');
    expect(built.errors[ids.act(row, 'price')]).toBe(
      'Acte n°\u00a01\u00a0: indiquez le prix payé, en euros.',
    );
  });

  it.each([
    ['a date that does not exist', '31/02/2026', /Date invalide/],
    ['a year slipped out of range', '12/03/2206', /hors de la plage possible/],
  ])('refuses %s on the act’s date, in French', (_why, typed, message) => {
    const values = exampleValues();
    const row = values.acts[0]!;
    row.date = typed;
    const built = buildInput(values, NONE);
    expect(built.input).toBeNull();
    expect(built.errors[ids.act(row, 'date')]).toMatch(message);
  });

  it('refuses an amount above 100 000 €', () => {
    const values = exampleValues();
    const row = values.acts[0]!;
    row.price = '150000';
    expect(buildInput(values, NONE).errors[ids.act(row, 'price')]).toBe(
      'Le montant ne peut dépasser 100\u00a0000\u00a0€.',
    );
  });

  it('asks for at least one act', () => {
    const values = exampleValues();
    values.acts = [];
    expect(buildInput(values, NONE).errors[ids.acts]).toBe('Ajoutez au moins un acte de soins.');
  });
});
