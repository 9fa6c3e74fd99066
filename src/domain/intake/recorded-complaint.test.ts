import { describe, expect, it } from 'vitest';
import { recordedComplaint } from './recorded-complaint.ts';

const today = '2026-12-02';

describe('recordedComplaint: which dates start the ACPR clocks (ACPR 2024-R-02)', () => {
  it.each([
    // [why, input, facts, oral]
    [
      'a letter counts from the date it bears (clocks from the sending)',
      { channel: 'letter', receivedOn: '2026-11-20', writtenOn: '2026-11-17' },
      { complaintSentOn: '2026-11-17', complaintReceivedOn: '2026-11-20' },
      false,
    ],
    [
      'a letter without a legible date counts from its receipt',
      { channel: 'letter', receivedOn: '2026-11-20' },
      { complaintReceivedOn: '2026-11-20' },
      false,
    ],
    [
      'an e-mail is written and received the same day',
      { channel: 'email', receivedOn: '2026-11-20' },
      { complaintSentOn: '2026-11-20', complaintReceivedOn: '2026-11-20' },
      false,
    ],
    [
      'a call is an oral complaint: it counts from the call, no written complaint yet (C. consom. L612-2 1°)',
      { channel: 'phone', receivedOn: '2026-11-20' },
      { complaintReceivedOn: '2026-11-20' },
      true,
    ],
    [
      'a visit without a written form is oral',
      { channel: 'counter', receivedOn: '2026-11-20' },
      { complaintReceivedOn: '2026-11-20' },
      true,
    ],
    [
      'a written complaint handed in at a branch is written on that day',
      { channel: 'counter', receivedOn: '2026-11-20', writtenAtCounter: true },
      { complaintSentOn: '2026-11-20', complaintReceivedOn: '2026-11-20' },
      false,
    ],
  ] as const)('%s', (_why, input, facts, oral) => {
    const result = recordedComplaint({ ...input, today });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.facts).toEqual(facts);
    expect(result.value.oral).toBe(oral);
    expect(result.value.writtenConfirmationInvitedOn).toBe(oral ? input.receivedOn : null);
  });

  it.each([
    ['receipt in the future', { channel: 'letter', receivedOn: '2026-12-03' }, 'receivedOn'],
    ['impossible receipt date', { channel: 'letter', receivedOn: '2026-02-30' }, 'receivedOn'],
    ['a year typed wrong', { channel: 'phone', receivedOn: '0026-11-20' }, 'receivedOn'],
    [
      'letter dated after its receipt',
      { channel: 'letter', receivedOn: '2026-11-20', writtenOn: '2026-11-21' },
      'writtenOn',
    ],
    [
      'letter date in the future',
      { channel: 'letter', receivedOn: '2026-11-20', writtenOn: '2027-01-01' },
      'writtenOn',
    ],
  ] as const)('refuses %s, naming the field', (_why, input, field) => {
    const result = recordedComplaint({ ...input, today });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.field).toBe(field);
    expect(result.error.message).toMatch(/date/i);
  });

  it('says when the clocks fall back on the receipt', () => {
    const result = recordedComplaint({ channel: 'letter', receivedOn: '2026-11-20', today });
    expect(result.ok && result.value.notes.join(' ')).toMatch(/depuis sa réception/);
  });
});
