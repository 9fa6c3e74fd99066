import { formatDate } from '../../../shared/format.ts';
import type { Timeline } from '../file-api.ts';
import { daysFrom, daysLeftText } from './dates.ts';

/** One deadline as the page shows it. */
export interface DeadlineView {
  id: string;
  title: string;
  dueDate: string;
  status: string;
  statusLabel: string;
  /** Who must act, from the reader's point of view (« Vous », « L’organisme »…). */
  party: string | null;
  action: string | null;
  source: string | null;
  rule: string | null;
  computation: string | null;
  notes: string[];
  /** Calendar days from today to the due date (negative when past). */
  daysLeft: number;
  /** The day the party acted, when the server knows it. */
  doneOn: string | null;
  /**
   * Where the clock stands, in words: « dans 12 jours », « dépassé de 3 jours » while it runs; « Répondu le
   * 02/12/2026, 17 jours après l’échéance » once acted on. Null when the status says it all.
   */
  state: string | null;
}

export const DEADLINE_STATUS_LABELS: Record<string, string> = {
  open: 'En cours',
  met: 'Respecté',
  missed: 'Dépassé',
  not_applicable_yet: 'Pas encore ouvert',
  suspended: 'Suspendu',
  not_enforceable: 'Inopposable',
  passed: 'Date atteinte',
};

const PARTY_LABELS: Record<string, string> = {
  organisation: 'L’organisme',
  member: 'Vous',
  mediator: 'Le médiateur',
  cpam: 'La CPAM',
};

// What acting meant for each clock; the acknowledgment is also given by an answer on time.
const DONE_VERBS: Record<string, string> = {
  'complaint.acknowledgment': 'Accusé',
  'complaint.answer': 'Répondu',
  'mediation.referral_window': 'Médiateur saisi',
};

const ANSWER_ID = 'complaint.answer';
const ACKNOWLEDGMENT_ID = 'complaint.acknowledgment';

const plural = (n: number, word: string) => `${n}\u00a0${word}${n > 1 ? 's' : ''}`;

/**
 * The clock's status and state in words. An act after the due date is « En retard » with its date; once the
 * organisation has answered, its other clocks stop too: never « dépassé de N jours » for ever (issue 16).
 */
export function deadlineState(
  d: Pick<DeadlineView, 'id' | 'status' | 'statusLabel' | 'party' | 'dueDate' | 'daysLeft' | 'doneOn'>,
  answeredOn: string | null,
): { statusLabel: string; state: string | null } {
  const { statusLabel } = d;
  if (d.status === 'open') return { statusLabel, state: daysLeftText(d.daysLeft) };
  if (d.status !== 'met' && d.status !== 'missed') return { statusLabel, state: null };
  if (d.doneOn) {
    const verb =
      d.id === ACKNOWLEDGMENT_ID && d.doneOn === answeredOn ? 'Répondu' : (DONE_VERBS[d.id] ?? 'Fait');
    const done = `${verb} le ${formatDate(d.doneOn)}`;
    return d.status === 'met'
      ? { statusLabel, state: `${done}, dans le délai` }
      : {
          statusLabel: 'En retard',
          state: `${done}, ${plural(daysFrom(d.dueDate, d.doneOn), 'jour')} après l’échéance`,
        };
  }
  if (d.status === 'met') return { statusLabel, state: null };
  if (answeredOn && d.party === PARTY_LABELS.organisation && d.id !== ANSWER_ID)
    return { statusLabel: 'Non respecté', state: `Non fait avant la réponse du ${formatDate(answeredOn)}` };
  return { statusLabel, state: daysLeftText(d.daysLeft) };
}

/** The file's deadlines as the engine computed them (the timeline carries them whole), by due date. */
export function deadlinesOf(timeline: Timeline, today: string): DeadlineView[] {
  const answeredOn = timeline.deadlines.find((d) => d.id === ANSWER_ID)?.doneOn ?? null;
  return timeline.deadlines
    .filter((d): d is typeof d & { dueDate: string } => d.dueDate !== null)
    .map((d) =>
      withState(
        {
          id: d.id,
          title: d.title,
          dueDate: d.dueDate,
          status: d.status,
          statusLabel: DEADLINE_STATUS_LABELS[d.status] ?? d.status,
          party: PARTY_LABELS[d.party] ?? d.party,
          action: d.action ?? null,
          source: d.source ?? null,
          rule: d.rule ?? null,
          computation: d.computation ?? null,
          notes: d.notes ?? [],
          daysLeft: d.daysLeft ?? daysFrom(today, d.dueDate),
          doneOn: d.doneOn ?? null,
        },
        answeredOn,
      ),
    )
    .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
}

function withState(d: Omit<DeadlineView, 'state'>, answeredOn: string | null): DeadlineView {
  return { ...d, ...deadlineState(d, answeredOn) };
}
