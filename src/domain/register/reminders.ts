import type { Deadline, DeadlineId } from '../deadlines/schema.ts';
import { type CalendarDate, formatFrenchDate } from '../shared/calendar-date.ts';
import { slaClocksOf } from './sla.ts';

/**
 * Reminder thresholds, in calendar days left.
 * - Staff: an ACPR clock (acknowledgment, answer) due within 2 days, then overdue (issue 5: "≤ 2 jours").
 * - Members: a deadline of their own (CRA referral, mediator window, termination…) closing within 15 days — time
 *   to write and post a letter — and again within 3 days.
 */
export const STAFF_DUE_SOON_DAYS = 2;
export const MEMBER_THRESHOLDS = [
  { threshold: 'j15', days: 15 },
  { threshold: 'j3', days: 3 },
] as const;

export type ReminderThreshold = 'due_soon' | 'overdue' | 'j15' | 'j3';

export interface Reminder {
  audience: 'staff' | 'member';
  deadlineId: DeadlineId;
  threshold: ReminderThreshold;
  dueDate: CalendarDate;
  /** Short and free of health details: it goes out by e-mail (data minimisation, RGPD art. 5-1-c). */
  title: string;
  body: string;
}

const CLOCK_WORDS: Record<string, string> = {
  'complaint.acknowledgment': 'accusé de réception de la réclamation',
  'complaint.answer': 'réponse motivée à la réclamation',
};

function inDays(n: number): string {
  if (n === 0) return 'aujourd’hui';
  return n === 1 ? 'demain' : `dans ${n} jours`;
}

/**
 * The reminders a file calls for today, from the deadline engine's output. Pure: the job that calls it stores
 * them once each (dedupe key: file, deadline, threshold, due date, recipient).
 */
export function remindersFor(
  dossier: {
    reference: string;
    status: string;
    onRecours: boolean;
    facts: { acknowledgedOn?: string; answerReceivedOn?: string };
  },
  deadlines: readonly Deadline[],
): Reminder[] {
  if (dossier.status === 'closed') return [];
  const fr = formatFrenchDate;
  const reminders: Reminder[] = [];
  if (dossier.onRecours) {
    const clocks = slaClocksOf(deadlines, dossier);
    for (const clock of [clocks.acknowledgment, clocks.answer]) {
      if (!clock.actionable || clock.dueDate === null || clock.daysLeft === null) continue;
      const what = CLOCK_WORDS[clock.id]!;
      if (clock.daysLeft < 0) {
        reminders.push({
          audience: 'staff',
          deadlineId: clock.id,
          threshold: 'overdue',
          dueDate: clock.dueDate,
          title: `Dossier ${dossier.reference} : ${what} en retard`,
          body: `L’échéance du ${fr(clock.dueDate)} est dépassée (ACPR 2024-R-02). Traitez le dossier en priorité.`,
        });
      } else if (clock.daysLeft <= STAFF_DUE_SOON_DAYS) {
        reminders.push({
          audience: 'staff',
          deadlineId: clock.id,
          threshold: 'due_soon',
          dueDate: clock.dueDate,
          title: `Dossier ${dossier.reference} : ${what} à faire ${inDays(clock.daysLeft)}`,
          body: `Échéance le ${fr(clock.dueDate)} (ACPR 2024-R-02).`,
        });
      }
    }
  }
  for (const d of deadlines) {
    if (d.party !== 'member' || d.status !== 'open' || d.dueDate === null || d.daysLeft === null) continue;
    const step = [...MEMBER_THRESHOLDS].reverse().find((t) => d.daysLeft! <= t.days);
    if (!step || d.daysLeft < 0) continue;
    reminders.push({
      audience: 'member',
      deadlineId: d.id,
      threshold: step.threshold,
      dueDate: d.dueDate,
      title: `Dossier ${dossier.reference} : un délai se termine ${inDays(d.daysLeft)}`,
      body: `${d.title} : au plus tard le ${fr(d.dueDate)}. Ouvrez votre dossier sur Recours pour savoir quoi faire.`,
    });
  }
  return reminders;
}
