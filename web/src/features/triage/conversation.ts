import type { Diagnosis, TriageAnswers } from './api.ts';

/**
 * The conversation as data, kept in sessionStorage so that nothing typed is lost when the member has to sign in
 * before opening the file (the tab's storage only: it is gone when the tab closes, nothing on the server).
 */
export type Turn =
  | { id: number; role: 'member'; text: string }
  | { id: number; role: 'assistant'; summary: string; evidence: string[]; question: string | null };

export interface Conversation {
  text: string;
  answers: TriageAnswers;
  /** Questions the member chose not to answer (« Je ne sais pas »). */
  skipped: string[];
  turns: Turn[];
}

const KEY = 'recours.diagnostic';

export function loadConversation(): Conversation | null {
  try {
    const raw = sessionStorage.getItem(KEY);
    if (!raw) return null;
    const value = JSON.parse(raw) as Conversation;
    return typeof value.text === 'string' && Array.isArray(value.turns) ? value : null;
  } catch {
    return null;
  }
}

export function saveConversation(conversation: Conversation | null): void {
  try {
    if (conversation) sessionStorage.setItem(KEY, JSON.stringify(conversation));
    else sessionStorage.removeItem(KEY);
  } catch {
    // Private browsing with storage disabled: the conversation simply is not kept.
  }
}

/** The questions still to ask, in the analyser's order, without those the member skipped. */
export function openQuestions(diagnosis: Diagnosis, skipped: readonly string[]) {
  return diagnosis.questions.filter((q) => !skipped.includes(q.id));
}

/** The words of the text that led to each conclusion, quoted. */
export function evidenceQuotes(diagnosis: Diagnosis): string[] {
  const quotes: string[] = [];
  for (const e of diagnosis.evidence) {
    if (e.field === 'nextStep') continue;
    if (e.rule.startsWith('answer.')) {
      quotes.push(e.detail);
      continue;
    }
    const words = [...new Set(e.spans.map((s) => s.text))];
    if (words.length === 0) continue;
    const what =
      e.field === 'category'
        ? 'type de litige'
        : e.field === 'organisation'
          ? 'organisme'
          : e.field === 'stage'
            ? 'démarche'
            : 'faits';
    quotes.push(`${what}\u00a0: ${words.map((w) => `«\u00a0${w}\u00a0»`).join(', ')}`);
  }
  return quotes;
}

/** « Je comprends : un remboursement dentaire contesté auprès de votre mutuelle, montants cités : 9,00 €. » → title. */
export function titleFromSummary(summary: string): string {
  const first = summary.replace(/^Je comprends\s*:\s*/, '').split(/\.\s/)[0] ?? summary;
  const short = first
    .split(/, montants? (cités|en jeu)/)[0]!
    .trim()
    .replace(/\.$/, '');
  const title = short.charAt(0).toUpperCase() + short.slice(1);
  return title.length > 200 ? `${title.slice(0, 197)}…` : title;
}
