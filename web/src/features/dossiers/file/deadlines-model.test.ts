import { describe, expect, it } from 'vitest';
import type { EngineDeadline, Timeline } from '../file-api.ts';
import { deadlinesOf } from './deadlines-model.ts';

const TODAY = '2026-12-02';
const NBSP = '\u00a0';

/** A deadline as the timeline route sends it (the engine's, src/domain/deadlines/schema.ts). */
function engine(over: Partial<EngineDeadline> & Pick<EngineDeadline, 'id' | 'status'>): EngineDeadline {
  return {
    kind: 'deadline',
    title: over.id,
    party: 'organisation',
    opensOn: null,
    dueDate: '2026-11-15',
    daysLeft: null,
    rolledOver: false,
    rule: 'Règle.',
    source: 'Recommandation ACPR 2024-R-02',
    action: 'Agir.',
    computation: 'Calcul.',
    notes: [],
    ...over,
  };
}

function timeline(deadlines: EngineDeadline[]): Timeline {
  return {
    entries: [],
    next: null,
    waitingFor: null,
    deadlinesError: null,
    deadlines,
    facts: {},
    satisfactionScore: null,
  };
}

const answeredLate = engine({
  id: 'complaint.answer',
  status: 'missed',
  doneOn: '2026-12-02',
  daysLeft: -17,
});

// The ACPR clocks (ACPR 2024-R-02: acknowledgment within 10 working days, answer within 2 months) and the
// mediator's window (C. consom. L612-2), as the file page says where each stands.
describe('deadlinesOf: each clock met, late or running, in words', () => {
  it.each([
    {
      why: 'a running clock counts the days left',
      deadlines: [engine({ id: 'complaint.answer', status: 'open', dueDate: '2026-12-10', daysLeft: 8 })],
      id: 'complaint.answer',
      label: 'En cours',
      state: `dans 8${NBSP}jours`,
    },
    {
      why: 'an answer before the due date is met, with its date',
      deadlines: [engine({ id: 'complaint.answer', status: 'met', doneOn: '2026-11-10' })],
      id: 'complaint.answer',
      label: 'Respecté',
      state: 'Répondu le 10/11/2026, dans le délai',
    },
    {
      why: 'an answer after the due date is late by so many days, never « dépassé » again',
      deadlines: [answeredLate],
      id: 'complaint.answer',
      label: 'En retard',
      state: `Répondu le 02/12/2026, 17${NBSP}jours après l’échéance`,
    },
    {
      why: 'an answer on time also acknowledges the complaint',
      deadlines: [
        engine({
          id: 'complaint.acknowledgment',
          status: 'met',
          dueDate: '2026-11-13',
          doneOn: '2026-11-10',
        }),
        engine({ id: 'complaint.answer', status: 'met', doneOn: '2026-11-10' }),
      ],
      id: 'complaint.acknowledgment',
      label: 'Respecté',
      state: 'Répondu le 10/11/2026, dans le délai',
    },
    {
      why: 'a late acknowledgment is late by so many days',
      deadlines: [
        engine({
          id: 'complaint.acknowledgment',
          status: 'missed',
          dueDate: '2026-11-13',
          doneOn: '2026-11-14',
        }),
      ],
      id: 'complaint.acknowledgment',
      label: 'En retard',
      state: `Accusé le 14/11/2026, 1${NBSP}jour après l’échéance`,
    },
    {
      why: 'an acknowledgment never sent stops counting once the organisation has answered',
      deadlines: [
        engine({ id: 'complaint.acknowledgment', status: 'missed', dueDate: '2026-10-20', daysLeft: -43 }),
        answeredLate,
      ],
      id: 'complaint.acknowledgment',
      label: 'Non respecté',
      state: 'Non fait avant la réponse du 02/12/2026',
    },
    {
      why: 'without an answer, a missed acknowledgment still counts the days past',
      deadlines: [
        engine({ id: 'complaint.acknowledgment', status: 'missed', dueDate: '2026-11-13', daysLeft: -19 }),
      ],
      id: 'complaint.acknowledgment',
      label: 'Dépassé',
      state: `dépassé de 19${NBSP}jours`,
    },
    {
      why: 'the member seized the mediator within the window',
      deadlines: [
        engine({
          id: 'mediation.referral_window',
          party: 'member',
          status: 'met',
          dueDate: '2027-09-15',
          doneOn: '2026-11-20',
        }),
      ],
      id: 'mediation.referral_window',
      label: 'Respecté',
      state: 'Médiateur saisi le 20/11/2026, dans le délai',
    },
    {
      why: 'the organisation’s answer does not stop a clock of the member',
      deadlines: [
        engine({
          id: 'cpam.cra_referral',
          party: 'member',
          status: 'missed',
          dueDate: '2026-11-30',
          daysLeft: -2,
        }),
        answeredLate,
      ],
      id: 'cpam.cra_referral',
      label: 'Dépassé',
      state: `dépassé de 2${NBSP}jours`,
    },
  ])('$why', ({ deadlines, id, label, state }) => {
    const shown = deadlinesOf(timeline(deadlines), TODAY).find((d) => d.id === id);
    expect(shown?.statusLabel).toBe(label);
    expect(shown?.state).toBe(state);
  });

  it('after a decision, no clock of the organisation says « dépassé de N jours »', () => {
    const shown = deadlinesOf(
      timeline([
        engine({ id: 'complaint.acknowledgment', status: 'missed', dueDate: '2026-09-29', daysLeft: -64 }),
        answeredLate,
      ]),
      TODAY,
    );
    expect(shown.map((d) => d.state).join(' ')).not.toMatch(/dépassé de/);
  });

  it('sorts by due date and says who must act', () => {
    const shown = deadlinesOf(
      timeline([
        engine({ id: 'complaint.answer', status: 'open', dueDate: '2026-12-10', daysLeft: 8 }),
        engine({
          id: 'complaint.acknowledgment',
          status: 'met',
          dueDate: '2026-11-13',
          doneOn: '2026-11-05',
        }),
      ]),
      TODAY,
    );
    expect(shown.map((d) => [d.id, d.party])).toEqual([
      ['complaint.acknowledgment', 'L’organisme'],
      ['complaint.answer', 'L’organisme'],
    ]);
  });
});
