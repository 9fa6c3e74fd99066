import type { Timeline } from '../file-api.ts';
import { daysFrom } from './dates.ts';

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

// The words the timeline puts in brackets after each deadline (src/domain/dossiers/timeline.ts).
const STATUS_BY_WORDS: Record<string, string> = {
  'en cours': 'open',
  respecté: 'met',
  dépassé: 'missed',
  'pas encore ouvert': 'not_applicable_yet',
  suspendu: 'suspended',
  inopposable: 'not_enforceable',
  'date atteinte': 'passed',
};

const TEXT = /^(.*) : au plus tard le \d{2}\/\d{2}\/\d{4} \((.+)\)\.$/s;
const DETAIL = /^(.*?) : (.*?)(?: Source : (.*?))?\.?$/s;

/**
 * The file's deadlines, from the timeline: its whole engine deadlines when the server sends them, otherwise the
 * deadline entries (title, due date, status, who, what, source) read back from their sentences.
 */
export function deadlinesOf(timeline: Timeline, today: string): DeadlineView[] {
  if (timeline.deadlines) {
    return timeline.deadlines
      .filter((d): d is typeof d & { dueDate: string } => d.dueDate !== null)
      .map((d) => ({
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
      }))
      .sort((a, b) => (a.dueDate < b.dueDate ? -1 : a.dueDate > b.dueDate ? 1 : 0));
  }
  return timeline.entries
    .filter((e) => e.kind === 'deadline')
    .map((e) => {
      const text = TEXT.exec(e.text);
      const words = text?.[2]?.trim() ?? '';
      const status = STATUS_BY_WORDS[words] ?? 'open';
      const detail = e.detail ? DETAIL.exec(e.detail) : null;
      return {
        id: e.ref.replace(/^deadline:/, ''),
        title: text?.[1] ?? e.text,
        dueDate: e.at.slice(0, 10),
        status,
        statusLabel: DEADLINE_STATUS_LABELS[status] ?? words,
        party: detail?.[1] ?? null,
        action: detail?.[2] ?? e.detail,
        source: detail?.[3] ?? null,
        rule: null,
        computation: null,
        notes: [],
        daysLeft: daysFrom(today, e.at.slice(0, 10)),
      };
    });
}
