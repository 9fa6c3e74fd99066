import { describe, expect, it } from 'vitest';
import { EMPTY, IDS, type RecordValues, validateRecord } from './form-model.ts';

const today = '2026-12-02';
const filled: RecordValues = {
  ...EMPTY,
  memberId: '0b9a5f0e-8d3c-4b7e-9a55-1f0c1d2e3f40',
  channel: 'letter',
  receivedOn: '20/11/2026',
  writtenOn: '16/11/2026',
  title: 'Refus de remboursement',
  description: 'Courrier de l’adhérent.',
  amount: '420,50',
};

describe('validateRecord', () => {
  it('builds the API body from a complete form', () => {
    expect(validateRecord(filled, today)).toEqual({
      errors: {},
      body: {
        member: { id: filled.memberId },
        channel: 'letter',
        receivedOn: '2026-11-20',
        writtenOn: '2026-11-16',
        title: 'Refus de remboursement',
        description: 'Courrier de l’adhérent.',
        amountCents: 42_050,
      },
    });
  });

  it('a new member record carries only what was typed', () => {
    const { body } = validateRecord(
      { ...filled, memberId: '', newMember: true, newName: ' Jeanne Martin ', newNumber: '7788' },
      today,
    );
    expect(body?.member).toEqual({ new: { displayName: 'Jeanne Martin', memberNumber: '7788' } });
  });

  it('a telephone complaint sends no letter date; a branch visit says whether it was written', () => {
    expect(validateRecord({ ...filled, channel: 'phone' }, today).body).not.toHaveProperty('writtenOn');
    expect(
      validateRecord({ ...filled, channel: 'counter', writtenAtCounter: true }, today).body?.writtenAtCounter,
    ).toBe(true);
  });

  it.each([
    [{ memberId: '' }, IDS.member],
    [{ newMember: true, newName: 'J' }, IDS.newName],
    [{ newMember: true, newName: 'Jeanne', newEmail: 'jeanne@' }, IDS.newEmail],
    [{ channel: '' as const }, IDS.channel],
    [{ receivedOn: '03/12/2026' }, IDS.receivedOn],
    [{ receivedOn: '31/11/2026' }, IDS.receivedOn],
    [{ writtenOn: '21/11/2026' }, IDS.writtenOn],
    [{ title: 'ab' }, IDS.title],
    [{ description: 'x'.repeat(20_001) }, IDS.description],
    [{ amount: 'douze' }, IDS.amount],
  ])('refuses %o at its field, and builds no body', (change, field) => {
    const { errors, body } = validateRecord({ ...filled, ...change }, today);
    expect(body).toBeNull();
    expect(Object.keys(errors)).toContain(field);
  });

  it('says how long a text is, never cuts it', () => {
    const { errors } = validateRecord({ ...filled, description: 'x'.repeat(20_001) }, today);
    expect(errors[IDS.description]).toContain('20\u202f001');
  });
});
