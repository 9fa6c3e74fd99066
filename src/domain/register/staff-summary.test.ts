import { describe, expect, it } from 'vitest';
import { run } from '../deadlines/test-builders.ts';
import { slaClocksOf } from './sla.ts';
import { nextActionOf } from './staff-summary.ts';

// Complaint sent 28/04/2026: acknowledgment due 12/05/2026, answer due 28/06/2026 (ACPR 2024-R-02);
// after the answer, the member has one year to refer the dispute to the mediator (C. consom. L612-2).
function file(
  today: string,
  facts: Record<string, string>,
  status: string,
  assigneeName: string | null,
  mediationDueOn: string | null = null,
) {
  const output = run({ context: { today }, facts: { complaintSentOn: '2026-04-28', ...facts } });
  return { status, assigneeName, clocks: slaClocksOf(output.deadlines, { status, facts }), mediationDueOn };
}

describe('next action on a file, and by whom (staff summary)', () => {
  it.each([
    [
      'not acknowledged, nobody assigned',
      file('2026-05-05', {}, 'submitted', null),
      { what: 'Accuser réception', dueDate: '2026-05-12', by: 'À attribuer (aucun conseiller)' },
    ],
    [
      'acknowledged: the answer, by the assigned handler',
      file('2026-05-20', { acknowledgedOn: '2026-05-05' }, 'acknowledged', 'Karine Martin'),
      {
        what: 'Rendre la réponse motivée',
        dueDate: '2026-06-28',
        by: 'Karine Martin',
        party: 'organisation',
      },
    ],
    [
      'documents asked: the answer clock still runs',
      file('2026-05-20', { acknowledgedOn: '2026-05-05' }, 'awaiting_member', 'Karine Martin'),
      { dueDate: '2026-06-28', party: 'organisation' },
    ],
    [
      'answered: the member may refer to the mediator (L612-2)',
      file(
        '2026-07-01',
        { acknowledgedOn: '2026-05-05', answerReceivedOn: '2026-06-20', answerOutcome: 'rejected' },
        'answered',
        'Karine Martin',
        '2027-06-20',
      ),
      { by: 'L’adhérent', party: 'member', dueDate: '2027-06-20' },
    ],
  ] as const)('%s', (_name, input, expected) => {
    expect(nextActionOf(input)).toMatchObject(expected);
  });

  it('a closed file has nothing due', () => {
    expect(
      nextActionOf(
        file(
          '2026-07-01',
          { acknowledgedOn: '2026-05-05', answerReceivedOn: '2026-06-20', answerOutcome: 'rejected' },
          'closed',
          null,
        ),
      ),
    ).toBeNull();
  });
});
